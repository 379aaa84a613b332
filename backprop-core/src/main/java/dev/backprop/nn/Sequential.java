package dev.backprop.nn;

import dev.backprop.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Layers applied one after another: forward(x) = f_n(…f_2(f_1(x))). Layer i's tensors are named
 * {@code i.weight}, {@code i.bias}, … as in PyTorch.
 *
 * <pre>{@code
 * Sequential net = Sequential.mlp(784, 256, 128, 10).activation(Activation.RELU).build(42);
 * }</pre>
 */
public final class Sequential extends Module {
  private final List<Module> layers;

  /** The given layers, in order. */
  public Sequential(Module... layers) {
    this(List.of(layers));
  }

  /** The given layers, in order. */
  public Sequential(List<? extends Module> layers) {
    if (layers.isEmpty()) {
      throw new IllegalArgumentException("Sequential: needs at least one layer");
    }
    this.layers = List.copyOf(layers);
    if (this.layers.stream().distinct().count() != this.layers.size()) {
      throw new IllegalArgumentException("Sequential: the same module instance appears twice; create one per position");
    }
  }

  /**
   * A builder of a multi-layer perceptron with the given layer sizes, inputs first, e.g. {@code
   * mlp(784, 256, 128, 10)}: dense layers with an activation between them.
   */
  public static MlpBuilder mlp(int... sizes) {
    return new MlpBuilder(sizes);
  }

  /** Applies each layer in turn; an error names the layer it came from. */
  @Override
  public Tensor forward(Tensor x) {
    Tensor h = x;
    for (int i = 0; i < layers.size(); i++) {
      try {
        h = layers.get(i).forward(h);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("layer " + i + ": " + e.getMessage(), e);
      }
    }
    return h;
  }

  /** The layers, in order; unmodifiable. */
  public List<Module> layers() {
    return layers;
  }

  /** Layer i. */
  public Module get(int i) {
    return layers.get(i);
  }

  /** The number of layers. */
  public int size() {
    return layers.size();
  }

  @Override
  public SequentialSpec spec() {
    return new SequentialSpec(layers.stream().map(Module::spec).toList());
  }

  @Override
  public int[] outputShape(int... inputShape) {
    int[] shape = inputShape.clone();
    for (int i = 0; i < layers.size(); i++) {
      try {
        shape = layers.get(i).outputShape(shape);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("layer " + i + ": " + e.getMessage(), e);
      }
    }
    return shape;
  }

  @Override
  public Sequential toFloat64() {
    return (Sequential) super.toFloat64();
  }

  @Override
  public Sequential toFloat32() {
    return (Sequential) super.toFloat32();
  }

  @Override
  Map<String, Module> children() {
    Map<String, Module> out = new LinkedHashMap<>();
    for (int i = 0; i < layers.size(); i++) {
      out.put(Integer.toString(i), layers.get(i));
    }
    return out;
  }

  @Override
  Module copyWith(Function<String, Tensor> state) {
    List<Module> copies = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      String prefix = i + ".";
      copies.add(layers.get(i).withState(name -> state.apply(prefix + name)));
    }
    return new Sequential(copies);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Sequential(\n");
    for (int i = 0; i < layers.size(); i++) {
      String child = layers.get(i).toString().replace("\n", "\n  ");
      sb.append("  (").append(i).append("): ").append(child).append('\n');
    }
    return sb.append(')').toString();
  }
}
