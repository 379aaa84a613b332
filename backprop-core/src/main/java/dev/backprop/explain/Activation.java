package dev.backprop.explain;

import dev.backprop.tensor.Tensor;
import java.util.Arrays;
import java.util.List;

/** The hidden activations g, each with its derivative g'(z) written as the derivations write it. */
enum Activation {
  SIGMOID("sigmoid", "σ", "σ(z) = 1 / (1 + e^−z)", "σ'(z) = σ(z)·(1 − σ(z))") {
    @Override
    Tensor apply(Tensor z) {
      return z.sigmoid();
    }

    @Override
    double derivative(double z) {
      double s = 1 / (1 + Math.exp(-z));
      return s * (1 - s);
    }
  },
  TANH("tanh", "tanh", "tanh(z) = (e^z − e^−z) / (e^z + e^−z)", "tanh'(z) = 1 − tanh²(z)") {
    @Override
    Tensor apply(Tensor z) {
      return z.tanh();
    }

    @Override
    double derivative(double z) {
      double t = Math.tanh(z);
      return 1 - t * t;
    }
  },
  RELU("relu", "relu", "relu(z) = max(z, 0)", "relu'(z) = 1 if z > 0, else 0") {
    @Override
    Tensor apply(Tensor z) {
      return z.relu();
    }

    @Override
    double derivative(double z) {
      return z > 0 ? 1 : 0;
    }
  },
  LEAKY_RELU("leaky-relu", "lrelu", "lrelu(z) = z if z > 0, else 0.01·z", "lrelu'(z) = 1 if z > 0, else 0.01") {
    @Override
    Tensor apply(Tensor z) {
      return z.leakyRelu(LEAK);
    }

    @Override
    double derivative(double z) {
      return z > 0 ? 1 : LEAK;
    }
  };

  /** Slope of leaky-relu for negative inputs, as PyTorch's default. */
  static final double LEAK = 0.01;

  final String cliName;
  final String symbol;
  final String definition;
  final String derivativeFormula;

  Activation(String cliName, String symbol, String definition, String derivativeFormula) {
    this.cliName = cliName;
    this.symbol = symbol;
    this.definition = definition;
    this.derivativeFormula = derivativeFormula;
  }

  /** h = g(z), elementwise. */
  abstract Tensor apply(Tensor z);

  /** g'(z) for one element. */
  abstract double derivative(double z);

  /** Whether g has a kink at 0, where a finite difference that straddles it is meaningless. */
  boolean hasKink() {
    return this == RELU || this == LEAKY_RELU;
  }

  /** g'(z), elementwise. */
  Tensor derivative(Tensor z) {
    double[] values = z.toDoubleArray();
    for (int i = 0; i < values.length; i++) {
      values[i] = derivative(values[i]);
    }
    return Tensor.of(values, z.shape());
  }

  static List<String> names() {
    return Arrays.stream(values()).map(a -> a.cliName).toList();
  }

  static Activation named(String name) {
    for (Activation a : values()) {
      if (a.cliName.equalsIgnoreCase(name == null ? "" : name.trim())) {
        return a;
      }
    }
    throw new IllegalArgumentException(
        "activation: unknown '" + name + "'; expected one of " + String.join(", ", names()));
  }
}
