package dev.backprop.nn;

import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The configuration of a module, as a record of plain values, from which the module is rebuilt.
 * {@link #toMap()} and {@link #fromMap} translate to and from nested maps of strings, numbers,
 * booleans and lists (a JSON object's shape), for model files:
 *
 * <pre>{@code
 * {"type": "Sequential", "layers": [
 *   {"type": "Dense", "in": 784, "out": 256, "bias": true,
 *    "init": {"scheme": "he-normal", "gain": 1.4142135623730951}},
 *   {"type": "ReLU"},
 *   {"type": "Dropout", "p": 0.2, "seed": 7},
 *   {"type": "Dense", "in": 256, "out": 10, "bias": true, "init": {"scheme": "glorot-uniform", "gain": 1.0}}]}
 * }</pre>
 */
public sealed interface LayerSpec
    permits DenseSpec, SigmoidSpec, TanhSpec, ReLUSpec, LeakyReLUSpec, ELUSpec, SELUSpec, GELUSpec,
        SoftmaxSpec, IdentitySpec, DropoutSpec, BatchNormSpec, SequentialSpec {

  /**
   * A new module of this configuration in training mode, float32, with weights drawn from {@code
   * rng} (layers without weights ignore it).
   */
  Module build(RandomGenerator rng);

  /**
   * This configuration as an unmodifiable map: {@code "type"} (the module's class name) and one
   * entry per record component, values being strings, numbers, booleans, maps and lists.
   */
  Map<String, Object> toMap();

  /**
   * The configuration a {@link #toMap()}-shaped map describes. Numbers may be of any {@link
   * Number} type (as JSON parsers produce them); optional entries may be left out: {@code bias}
   * (true), {@code init} (Glorot uniform), {@code gain} (the scheme's default), {@code slope}
   * (0.01), {@code alpha} (1), BatchNorm's {@code eps} (1e-5), {@code momentum} (0.1) and {@code
   * affine} (true).
   *
   * @throws IllegalArgumentException naming the path, entry and value that is missing, unknown or
   *     of the wrong kind
   */
  static LayerSpec fromMap(Map<String, ?> map) {
    return SpecMaps.read(map, "$");
  }
}
