package dev.backprop.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.backprop.data.Dataset;
import dev.backprop.data.DatasetSplit;
import dev.backprop.data.IdxReader;
import dev.backprop.nn.Activation;
import dev.backprop.nn.CategoricalCrossEntropy;
import dev.backprop.nn.Sequential;
import dev.backprop.optim.Adam;
import dev.backprop.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The one slow test: two epochs of Fashion-MNIST (tens of seconds on two cores). */
class FashionMnistTrainingTest {
  private static final Path FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");

  private static Examples examples(Dataset d) {
    return Examples.classification(Tensor.of(d.features(), d.size(), d.featureCount()), d.labels(),
        d.classNames().size());
  }

  @Test
  void aReluMlpTrainedTwoEpochsWithAdamReachesEightyFivePercentTestAccuracy() {
    assumeTrue(Files.isDirectory(FASHION_MNIST), "Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist)");
    DatasetSplit split = IdxReader.readDirectory(FASHION_MNIST);
    Examples train = examples(split.train());
    Examples test = examples(split.holdout());
    Sequential net = Sequential.mlp(784, 256, 128, 10).activation(Activation.RELU).build(42);
    TrainingConfig config = TrainingConfig.of(2, 128, 42).withOptimizer(new Adam.Spec(1e-3));

    Trainer trainer = new Trainer(net, new CategoricalCrossEntropy(), config);
    History history = trainer.fit(train, test);
    System.out.printf("Fashion-MNIST, 784-256-128-10, 2 epochs: test accuracy %.4f, %.1f s per epoch%n",
        history.last().metric("val_accuracy"), (history.epochs().get(0).seconds() + history.last().seconds()) / 2);

    assertThat(history.last().metric("val_accuracy")).isGreaterThanOrEqualTo(0.85);
    assertThat(history.metric("loss")[1]).isLessThan(history.metric("loss")[0]);
    int[] predicted = Predictor.of(net, trainer.loss()).predictClasses(test.features());
    int[] labels = test.labels();
    int correct = 0;
    for (int i = 0; i < labels.length; i++) {
      correct += predicted[i] == labels[i] ? 1 : 0;
    }
    assertThat((double) correct / labels.length).isEqualTo(history.last().metric("val_accuracy"));
  }
}
