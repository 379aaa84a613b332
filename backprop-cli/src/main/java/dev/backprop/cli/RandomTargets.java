package dev.backprop.cli;

import dev.backprop.nn.Activation;
import dev.backprop.nn.Loss;
import dev.backprop.tensor.Tensor;
import java.util.SplittableRandom;

/** Seeded random float64 targets in the form a loss takes, for gradient checks without data. */
final class RandomTargets {

    private RandomTargets() {
    }

    /**
     * Class indices [rows] for a softmax loss, 0 or 1 per output [rows, outputs] for a sigmoid loss,
     * standard normal values [rows, outputs] for a regression loss.
     */
    static Tensor of(Loss loss, int outputs, int rows, SplittableRandom random) {
        Activation activation = loss.outputActivation();
        if (activation == Activation.SOFTMAX) {
            double[] classes = new double[rows];
            for (int i = 0; i < rows; i++) {
                classes[i] = random.nextInt(outputs);
            }
            return Tensor.of(classes, rows);
        }
        if (activation == Activation.SIGMOID) {
            double[] bits = new double[rows * outputs];
            for (int i = 0; i < bits.length; i++) {
                bits[i] = random.nextInt(2);
            }
            return Tensor.of(bits, rows, outputs);
        }
        return Tensor.randn(random, rows, outputs).toFloat64();
    }
}
