package dev.backprop.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FashionMnistTest {
  private static final Path FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");

  @Test
  void fashionMnistLoadsAsSixtyThousandTrainAndTenThousandTestImagesInTenBalancedClasses() {
    assumeTrue(Files.isDirectory(FASHION_MNIST), "Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist)");
    DatasetSplit split = IdxReader.readDirectory(FASHION_MNIST);
    Dataset train = split.train();
    Dataset test = split.holdout();
    assertThat(train.size()).isEqualTo(60_000);
    assertThat(test.size()).isEqualTo(10_000);
    assertThat(train.featureCount()).isEqualTo(784);
    assertThat(train.classNames()).isEqualTo(IdxReader.FASHION_MNIST_CLASSES);
    assertThat(train.classCounts()).containsOnly(6000);
    assertThat(test.classCounts()).containsOnly(1000);
    float[] pixels = test.features();
    float min = Float.MAX_VALUE;
    float max = -Float.MAX_VALUE;
    for (float pixel : pixels) {
      min = Math.min(min, pixel);
      max = Math.max(max, pixel);
    }
    assertThat(min).isEqualTo(0f);
    assertThat(max).isEqualTo(1f);
    // The first training image of Fashion-MNIST is an ankle boot; the first test image too.
    assertThat(train.classNames().get(train.label(0))).isEqualTo("Ankle boot");
    assertThat(test.classNames().get(test.label(0))).isEqualTo("Ankle boot");
  }
}
