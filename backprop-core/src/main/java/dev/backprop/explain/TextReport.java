package dev.backprop.explain;

import static dev.backprop.explain.Blocks.matrix;
import static dev.backprop.explain.Blocks.operator;

import dev.backprop.explain.Blocks.Block;
import java.util.List;
import java.util.Locale;

/** Renders an {@link Explanation} for a student: sections going up, then down, then the step. */
final class TextReport {
  private static final int GAP_COLUMN = 52;
  private static final double FINITE_DIFFERENCE_TOLERANCE = 1e-6;

  private final Explanation e;
  private final ExplainSpec spec;
  private final Activation hidden;
  private final LossKind loss;
  private final int depth;
  private final StringBuilder out = new StringBuilder();

  TextReport(Explanation e) {
    this.e = e;
    this.spec = e.spec();
    this.hidden = Activation.named(spec.activation());
    this.loss = LossKind.named(spec.loss());
    this.depth = e.layers().size();
  }

  String render() {
    header();
    example();
    forward();
    loss();
    backward();
    autograd();
    update();
    summary();
    return out.toString();
  }

  private void header() {
    List<Integer> sizes = spec.layers();
    List<Integer> hiddenSizes = sizes.subList(1, sizes.size() - 1);
    String hiddenPart = switch (hiddenSizes.size()) {
      case 0 -> "no hidden layer";
      case 1 -> "a hidden layer of " + units(hiddenSizes.get(0)) + " (g = " + hidden.cliName + ")";
      default -> "hidden layers of " + join(hiddenSizes) + " units (g = " + hidden.cliName + ")";
    };
    line("backprop explain: one forward and backward pass of a " + spec.architecture() + " network on one example");
    line("  " + count(sizes.get(0), "input") + " → " + hiddenPart + " → "
        + count(sizes.get(sizes.size() - 1), "output") + " (" + loss.outputName + "); loss " + loss.cliName);
    line("  " + (hiddenSizes.isEmpty() ? "" : hidden.definition + "; ") + "seed " + spec.seed()
        + "; learning rate η = " + plain(spec.learningRate()));
    line("  notation (third note): h⁽⁰⁾ = x, z⁽ˡ⁾ = W⁽ˡ⁾·h⁽ˡ⁻¹⁾ + b⁽ˡ⁾, h⁽ˡ⁾ = g(z⁽ˡ⁾);");
    line("  dX means ∂L/∂X; vectors are columns; ⊙ and ⊘ multiply and divide elementwise");
  }

  private void example() {
    heading("1. The example");
    int target = argmax(e.target());
    line("x = h⁽⁰⁾ is the input; y is the target, one-hot on output " + (target + 1) + " of " + e.target().rows() + ".");
    line("W⁽ˡ⁾ and b⁽ˡ⁾ are drawn uniformly in ±1/√n⁽ˡ⁻¹⁾, as PyTorch's nn.Linear does, from seed " + spec.seed()
        + ";");
    line("they appear in the forward pass.");
    blocks(matrix("x", e.input()), matrix("y", e.target()));
  }

  private void forward() {
    heading("2. Forward pass: going up, layer by layer");
    for (LayerTrace layer : e.layers()) {
      int l = layer.index();
      boolean output = l == depth;
      String g = output ? outputFunction() : hidden.symbol;
      String h = output ? loss.outputSymbol + " = h" + sup(l) : "h" + sup(l);
      line("");
      line("-- layer " + l + (output ? " (output, " : " (hidden, ") + units(layer.z().rows()) + ")");
      line("z" + sup(l) + " = W" + sup(l) + "·h" + sup(l - 1) + " + b" + sup(l) + ",  " + h + " = " + g + "(z" + sup(l) + ")");
      line("  " + forwardComment(output));
      blocks(matrix("W" + sup(l), layer.weight()), operator("·"), matrix("h" + sup(l - 1), previousH(l)),
          operator("+"), matrix("b" + sup(l), layer.bias()), operator("="), matrix("z" + sup(l), layer.z()),
          operator("─" + g + "→"), matrix(output ? loss.outputSymbol : "h" + sup(l), layer.h()));
    }
  }

  private String forwardComment(boolean output) {
    if (output && loss == LossKind.CROSS_ENTROPY) {
      return "first note (denominator fixed): softmax turns scores into probabilities, qᵢ = e^zᵢ / Σⱼ e^zⱼ";
    }
    if (output) {
      return "fourth note: one sigmoid per output, aᵢ = σ(zᵢ), each in (0, 1)";
    }
    String bend = switch (hidden) {
      case SIGMOID -> "σ squashes the sum into (0, 1)";
      case TANH -> "tanh squashes the sum into (−1, 1)";
      case RELU -> "relu keeps a positive sum and zeroes a negative one";
      case LEAKY_RELU -> "lrelu keeps a positive sum and scales a negative one by 0.01";
    };
    return "each unit weighs the layer below and adds its bias; " + bend;
  }

  private void loss() {
    heading("3. Loss");
    String value = " = " + Blocks.decimals(e.loss(), 6);
    switch (loss) {
      case CROSS_ENTROPY -> {
        line(loss.formula + " = −ln q" + sub(argmax(e.target()) + 1) + value);
        line("  third note: cross-entropy; only the target's probability counts, so L → 0 as q → y");
      }
      case SQUARED_ERROR -> {
        line(loss.formula + value);
        line("  fourth note: squared error; the ½ cancels the 2 that the derivative brings down");
      }
      case MSE -> {
        line(loss.formula + value);
        line("  mean squared error over the n = " + e.target().rows() + " outputs: ½·Σ scaled by 2/n");
      }
    }
  }

  private void backward() {
    heading("4. Backward pass: going down, from the output layer");
    line("every gradient is shown beside its central finite difference (L(θ + ε) − L(θ − ε)) / 2ε,");
    line("ε = 1e-6, in float64; max |Δ| is the largest gap between the two.");
    line("");
    String o = loss.outputSymbol;
    step("dh" + sup(depth) + " = " + loss.outputGradientFormula, e.outputGradient().maxAbsDifference(),
        switch (loss) {
          case CROSS_ENTROPY -> "how L changes with each probability; only the target's entry is non-zero";
          case SQUARED_ERROR -> "fourth note: ∂L/∂aⱼ = −(yⱼ − aⱼ) = aⱼ − yⱼ";
          case MSE -> "the derivative of the mean of squares";
        });
    blocks(matrix("dh" + sup(depth), e.outputGradient().analytic()), matrix("finite diff.", e.outputGradient().numeric()));
    for (int l = depth; l >= 1; l--) {
      line("");
      line("-- layer " + l + (l == depth ? " (output)" : " (hidden)"));
      dz(e.layer(l), o);
      weightAndBias(e.layer(l));
      handDown(e.layer(l));
    }
  }

  private void dz(LayerTrace layer, String o) {
    int l = layer.index();
    CheckedGradient dz = layer.gradients().dz();
    Block finite = matrix("finite diff.", dz.numeric());
    Block analytic = matrix("dz" + sup(l), dz.analytic());
    if (l == depth && loss == LossKind.CROSS_ENTROPY) {
      step("dz" + sup(l) + " = q − y", dz.maxAbsDifference(),
          "third note: softmax's Jacobian ∂qᵢ/∂zⱼ = qᵢ(δᵢⱼ − qⱼ) turns −y ⊘ q into q − y");
      blocks(matrix("q", layer.h()), operator("−"), matrix("y", e.target()), operator("="), analytic, finite);
      return;
    }
    Activation g = l == depth ? Activation.SIGMOID : hidden;
    String derivative = g.symbol + "'(z" + sup(l) + ")";
    step("dz" + sup(l) + " = dh" + sup(l) + " ⊙ " + derivative, dz.maxAbsDifference(),
        (l == depth ? "fourth note: δ = (" + o + " − y)·σ'(z), " : "chain rule through g: ") + g.derivativeFormula);
    Matrix dh = l == depth ? e.outputGradient().analytic() : e.layer(l + 1).gradients().dhPrevious().analytic();
    blocks(matrix("dh" + sup(l), dh), operator("⊙"), matrix(derivative, layer.gradients().activationDerivative().orElseThrow()),
        operator("="), analytic, finite);
  }

  private void weightAndBias(LayerTrace layer) {
    int l = layer.index();
    LayerGradients g = layer.gradients();
    step("dW" + sup(l) + " = dz" + sup(l) + "·h" + sup(l - 1) + "ᵀ", g.dWeight().maxAbsDifference(),
        "fourth note: ∂L/∂wᵢⱼ = δᵢ·hⱼ, a unit's error times the input the weight multiplies");
    blocks(matrix("dz" + sup(l), g.dz().analytic()), operator("·"), matrix("h" + sup(l - 1) + "ᵀ", previousH(l).transpose()),
        operator("="), matrix("dW" + sup(l), g.dWeight().analytic()), matrix("finite diff.", g.dWeight().numeric()));
    step("db" + sup(l) + " = dz" + sup(l), g.dBias().maxAbsDifference(),
        "fourth note: ∂zᵢ/∂bᵢ = 1, so a bias's gradient is its unit's error");
    blocks(matrix("db" + sup(l), g.dBias().analytic()), matrix("finite diff.", g.dBias().numeric()));
  }

  private void handDown(LayerTrace layer) {
    int l = layer.index();
    CheckedGradient dh = layer.gradients().dhPrevious();
    String name = l == 1 ? "dx = dh⁽⁰⁾" : "dh" + sup(l - 1);
    step(name + " = W" + sup(l) + "ᵀ·dz" + sup(l), dh.maxAbsDifference(), l == 1
        ? "how L would change with the input; nothing below to update, shown for completeness"
        : "fifth note: the error flows back along the same weights, dhⱼ = Σᵢ wᵢⱼ·dzᵢ");
    blocks(matrix("W" + sup(l) + "ᵀ", layer.weight().transpose()), operator("·"),
        matrix("dz" + sup(l), layer.gradients().dz().analytic()), operator("="),
        matrix(l == 1 ? "dx" : "dh" + sup(l - 1), dh.analytic()), matrix("finite diff.", dh.numeric()));
  }

  private void autograd() {
    heading("5. The same gradients by autograd");
    line("the network rebuilt as a library user writes it, rows through Tensor.linear (x·Wᵀ + b) and the");
    line("fused loss of Losses, differentiated by backward(); max |explicit − autograd|:");
    for (LayerTrace layer : e.layers()) {
      LayerGradients g = layer.gradients();
      line(String.format(Locale.ROOT, "  layer %d   dW%s %s   db%s %s", layer.index(),
          sup(layer.index()), sci(g.dWeight().analytic().maxAbsDifference(g.autogradDWeight())),
          sup(layer.index()), sci(g.dBias().analytic().maxAbsDifference(g.autogradDBias()))));
    }
  }

  private void update() {
    heading("6. One gradient-descent step: θ ← θ − η·∇L with η = " + plain(spec.learningRate()) + " (first note)");
    line("each parameter moves against its gradient (second note): down where the slope is positive,");
    line("up where it is negative; the step is larger where the gradient is larger (third note)");
    double eta = spec.learningRate();
    for (LayerTrace layer : e.layers()) {
      int l = layer.index();
      line("");
      line("-- layer " + l);
      blocks(matrix("W" + sup(l), layer.weight()), operator("−"),
          matrix("η·dW" + sup(l), scaled(layer.gradients().dWeight().analytic(), eta)), operator("="),
          matrix("new W" + sup(l), layer.updatedWeight()));
      blocks(matrix("b" + sup(l), layer.bias()), operator("−"),
          matrix("η·db" + sup(l), scaled(layer.gradients().dBias().analytic(), eta)), operator("="),
          matrix("new b" + sup(l), layer.updatedBias()));
    }
    line("");
    double change = e.loss() - e.lossAfterStep();
    String verdict = change > 0 ? "decreased by " + Blocks.decimals(change, 6)
        : change < 0 ? "increased by " + Blocks.decimals(-change, 6) + " (η is too large for this slope)"
        : "unchanged";
    line("loss before the step " + Blocks.decimals(e.loss(), 6) + ", after " + Blocks.decimals(e.lossAfterStep(), 6)
        + ": " + verdict);
    line("  first-order prediction of the decrease: η·‖∇L‖² = " + Blocks.decimals(e.predictedDecrease(), 6));
  }

  private void summary() {
    heading("Summary");
    double fd = e.maxFiniteDifferenceError();
    boolean agrees = fd <= FINITE_DIFFERENCE_TOLERANCE;
    line("largest |analytic − finite difference| over every gradient: " + sci(fd)
        + (agrees ? " (within 1e-6: the chain rule checks out)" : " (NOT within 1e-6)"));
    if (!agrees && hidden.hasKink()) {
      line("  " + hidden.cliName + " has a kink at 0: a unit with z within ε of it makes the estimate straddle the kink");
    }
    line("largest |explicit − autograd| over every dW and db: " + sci(e.maxAutogradDifference()));
  }

  private String outputFunction() {
    return loss == LossKind.CROSS_ENTROPY ? "softmax" : Activation.SIGMOID.symbol;
  }

  private Matrix previousH(int l) {
    return l == 1 ? e.input() : e.layer(l - 1).h();
  }

  private void step(String formula, double maxDifference, String comment) {
    String gap = " ".repeat(Math.max(2, GAP_COLUMN - formula.length()));
    line(formula + gap + "max |Δ| " + sci(maxDifference));
    line("  " + comment);
  }

  private void blocks(Block... blocks) {
    out.append(Blocks.sideBySide(blocks));
  }

  private void heading(String title) {
    out.append('\n').append("== ").append(title).append(" ==").append('\n');
  }

  private void line(String s) {
    out.append(s).append('\n');
  }

  private static Matrix scaled(Matrix m, double factor) {
    double[] v = m.values();
    for (int i = 0; i < v.length; i++) {
      v[i] *= factor;
    }
    return new Matrix(m.rows(), m.cols(), v);
  }

  private static int argmax(Matrix m) {
    double[] v = m.values();
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] > v[best]) {
        best = i;
      }
    }
    return best;
  }

  static String sup(int n) {
    return "⁽" + digits(n, "⁰¹²³⁴⁵⁶⁷⁸⁹") + "⁾";
  }

  private static String sub(int n) {
    return digits(n, "₀₁₂₃₄₅₆₇₈₉");
  }

  private static String digits(int n, String glyphs) {
    StringBuilder s = new StringBuilder();
    for (char c : Integer.toString(n).toCharArray()) {
      s.append(glyphs.charAt(c - '0'));
    }
    return s.toString();
  }

  private static String sci(double v) {
    return String.format(Locale.ROOT, "%.1e", v);
  }

  private static String plain(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  private static String units(int n) {
    return count(n, "unit");
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static String join(List<Integer> sizes) {
    return String.join(", ", sizes.stream().map(String::valueOf).toList());
  }
}
