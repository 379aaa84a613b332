package dev.backprop.examples;

import dev.backprop.data.Dataset;
import dev.backprop.data.DatasetSplit;
import dev.backprop.data.IdxReader;
import dev.backprop.data.Task;
import dev.backprop.kernels.Gemm;
import dev.backprop.kernels.Parallel;
import dev.backprop.model.DataIdentity;
import dev.backprop.model.Preprocessing;
import dev.backprop.model.Provenance;
import dev.backprop.model.SavedModel;
import dev.backprop.nn.Activation;
import dev.backprop.nn.CategoricalCrossEntropy;
import dev.backprop.nn.Sequential;
import dev.backprop.optim.Adam;
import dev.backprop.optim.LearningRateSchedule;
import dev.backprop.tensor.Tensor;
import dev.backprop.train.EpochRecord;
import dev.backprop.train.Evaluation;
import dev.backprop.train.Examples;
import dev.backprop.train.History;
import dev.backprop.train.Trainer;
import dev.backprop.train.TrainingConfig;
import dev.backprop.train.TrainingListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Trains a multi-layer perceptron on Fashion-MNIST to 0.89+ test accuracy: 784-512-256-10 with ReLU
 * and dropout 0.2, Adam (η = 1e-3) with the learning rate annealed along a cosine to 0 over 20
 * epochs, minibatches of 128, float32. Prints each epoch's metrics on the training and test images,
 * then the final test accuracy, macro F1, confusion matrix and time, and saves the model.
 *
 * <pre>
 * mvn -q -pl backprop-examples -am compile exec:java \
 *     -Dexec.mainClass=dev.backprop.examples.FashionMnistMlp \
 *     -Dexec.args="/usr/share/datasets/fashion-mnist fashion-mnist-mlp.bpm"
 * </pre>
 *
 * Arguments (both optional): the Fashion-MNIST directory (default
 * {@code /usr/share/datasets/fashion-mnist}) and the model file to write (default {@code
 * fashion-mnist-mlp.bpm}).
 */
public final class FashionMnistMlp {
  private static final long SEED = 42;
  private static final int EPOCHS = 20;

  private FashionMnistMlp() {}

  /** Runs the training; see the class description for the arguments. */
  public static void main(String[] args) throws IOException {
    Path data = Path.of(args.length > 0 ? args[0] : "/usr/share/datasets/fashion-mnist");
    Path output = Path.of(args.length > 1 ? args[1] : "fashion-mnist-mlp.bpm");
    long start = System.nanoTime();
    DatasetSplit split = IdxReader.readDirectory(data);
    Examples train = examples(split.train());
    Examples test = examples(split.holdout());
    System.out.printf(Locale.ROOT, "Fashion-MNIST: %d training and %d test images; %d threads, GEMM %s%n",
        train.size(), test.size(), Parallel.threads(), Gemm.providerName());

    Sequential net = Sequential.mlp(784, 512, 256, 10).activation(Activation.RELU).dropout(0.2).build(SEED);
    TrainingConfig config = TrainingConfig.of(EPOCHS, 128, SEED)
        .withOptimizer(new Adam.Spec(1e-3))
        .withSchedule(new LearningRateSchedule.CosineAnnealing(EPOCHS));
    System.out.print(net.summary(784));
    Trainer trainer = new Trainer(net, new CategoricalCrossEntropy(), config).addListener(new EpochPrinter());
    History history = trainer.fit(train, test);

    Evaluation result = trainer.evaluate(test);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "%nTest accuracy %.4f, macro F1 %.4f after %d epochs; %.0f s in all%n",
        result.metric("accuracy"), result.metric("macro_f1"), history.size(), seconds);
    System.out.println("Confusion matrix (rows: true class, columns: predicted), classes "
        + split.train().classNames() + ":");
    System.out.print(result.confusionMatrix().orElseThrow());

    Provenance provenance = Provenance.of(trainer, DataIdentity.of(data.toString(), train), SEED)
        .withFinalMetrics(Map.of("test_accuracy", result.metric("accuracy"), "test_macro_f1", result.metric("macro_f1")));
    SavedModel.of(net, trainer.loss(), Task.CLASSIFICATION, Preprocessing.of(split.train(), null, null, null), provenance)
        .save(output);
    System.out.println("Saved " + output);
  }

  private static Examples examples(Dataset d) {
    return Examples.classification(Tensor.of(d.features(), d.size(), d.featureCount()), d.labels(), d.classNames().size());
  }

  /** One line per epoch: training and test metrics, learning rate and seconds. */
  private static final class EpochPrinter implements TrainingListener {
    @Override
    public void onEpochEnd(EpochRecord e) {
      System.out.printf(Locale.ROOT,
          "epoch %2d/%d  loss %.4f  accuracy %.4f  test loss %.4f  test accuracy %.4f  lr %.2e  %.1f s%n",
          e.epoch() + 1, EPOCHS, e.metric("loss"), e.metric("accuracy"), e.metric("val_loss"),
          e.metric("val_accuracy"), e.learningRate(), e.seconds());
    }
  }
}
