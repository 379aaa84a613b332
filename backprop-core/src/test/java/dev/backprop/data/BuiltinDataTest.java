package dev.backprop.data;

import static dev.backprop.data.CsvErrorsTest.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BuiltinDataTest {
  @ParameterizedTest
  @CsvSource({"xor, 2", "spirals, 2", "moons, 2", "circles, 2", "blobs, 3"})
  void classificationSetsHaveTwoFeaturesAndBalancedClasses(String name, int classes) {
    Dataset data = BuiltinData.load("builtin:" + name + "?n=301");
    assertThat(data.size()).isEqualTo(301);
    assertThat(data.featureNames()).containsExactly("x1", "x2");
    assertThat(data.classNames()).hasSize(classes);
    int[] counts = data.classCounts();
    for (int count : counts) {
      assertThat(count).isBetween(301 / classes, 301 / classes + 1);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"xor", "spirals", "moons", "circles", "blobs", "sine"})
  void theSameSeedGivesTheSameBitsAndAnotherSeedDifferentOnes(String name) {
    Dataset first = BuiltinData.load("builtin:" + name + "?seed=7&n=200");
    Dataset again = BuiltinData.load("builtin:" + name + "?n=200&seed=7");
    Dataset other = BuiltinData.load("builtin:" + name + "?n=200&seed=8");
    assertThat(again.features()).isEqualTo(first.features());
    assertThat(other.features()).isNotEqualTo(first.features());
    assertThat(again.name()).isEqualTo(first.name());
  }

  @Test
  void sineIsARegressionOnSinXWithTheRequestedNoise() {
    Dataset noiseless = BuiltinData.sine(500, 0, 3);
    assertThat(noiseless.task()).contains(Task.REGRESSION);
    assertThat(noiseless.targetNames()).containsExactly("y");
    for (int i = 0; i < noiseless.size(); i++) {
      float x = noiseless.feature(i, 0);
      assertThat(x).isBetween((float) -Math.PI, (float) Math.PI);
      assertThat(noiseless.target(i, 0)).isCloseTo((float) Math.sin(x), within(1e-6f));
    }
    Dataset noisy = BuiltinData.sine(20_000, 0.1, 3);
    double squares = 0;
    for (int i = 0; i < noisy.size(); i++) {
      double residual = noisy.target(i, 0) - Math.sin(noisy.feature(i, 0));
      squares += residual * residual;
    }
    assertThat(Math.sqrt(squares / noisy.size())).isCloseTo(0.1, within(0.003));
  }

  @Test
  void noiselessShapesLieWhereTheirDefinitionsPutThem() {
    Dataset circles = BuiltinData.circles(200, 0, 1);
    Dataset moons = BuiltinData.moons(200, 0, 1);
    Dataset xor = BuiltinData.xor(200, 0, 1);
    for (int i = 0; i < 200; i++) {
      double radius = Math.hypot(circles.feature(i, 0), circles.feature(i, 1));
      assertThat(radius).isCloseTo(circles.label(i) == 0 ? 1 : 0.5, within(1e-6));
      double x = moons.feature(i, 0);
      double y = moons.feature(i, 1);
      double centered = moons.label(i) == 0 ? Math.hypot(x, y) : Math.hypot(x - 1, y - 0.5);
      assertThat(centered).isCloseTo(1, within(1e-6));
      boolean sameSign = xor.feature(i, 0) * xor.feature(i, 1) > 0;
      assertThat(xor.label(i)).isEqualTo(sameSign ? 0 : 1);
    }
  }

  @Test
  void spiralArmsAreRotatedCopiesOfEachOther() {
    Dataset spirals = BuiltinData.spirals(400, 4, 0, 5);
    for (int i = 0; i < spirals.size(); i++) {
      double x = spirals.feature(i, 0);
      double y = spirals.feature(i, 1);
      double t = Math.hypot(x, y);
      double expected = 2 * Math.PI * 1.25 * t + 2 * Math.PI * spirals.label(i) / 4;
      assertThat(Math.cos(expected) * t).isCloseTo(x, within(1e-5));
      assertThat(Math.sin(expected) * t).isCloseTo(y, within(1e-5));
    }
  }

  @Test
  void blobsClusterAroundTheirCentersWithTheGivenSpread() {
    Dataset blobs = BuiltinData.blobs(6000, 3, 0.5, 11);
    double[] sum = new double[6];
    double[] squares = new double[6];
    for (int i = 0; i < blobs.size(); i++) {
      for (int c = 0; c < 2; c++) {
        sum[2 * blobs.label(i) + c] += blobs.feature(i, c);
        squares[2 * blobs.label(i) + c] += blobs.feature(i, c) * blobs.feature(i, c);
      }
    }
    for (int j = 0; j < 6; j++) {
      double mean = sum[j] / 2000;
      assertThat(mean).isBetween(-10.0, 10.0);
      assertThat(Math.sqrt(squares[j] / 2000 - mean * mean)).isCloseTo(0.5, within(0.03));
    }
  }

  @Test
  void theSpecificationNamesEveryParameterIncludingDefaults() {
    assertThat(BuiltinData.load("builtin:spirals").name())
        .isEqualTo("builtin:spirals?n=1000&noise=0.05&seed=42&classes=2");
    assertThat(BuiltinData.load("builtin:blobs?classes=5&noise=0.2").name())
        .isEqualTo("builtin:blobs?n=1000&noise=0.2&seed=42&classes=5");
    assertThat(BuiltinData.load("builtin:blobs?classes=5").classNames()).containsExactly("0", "1", "2", "3", "4");
  }

  @Test
  void badSpecificationsAreReportedWithTheSpecificationAndWhatIsAllowed() {
    assertThat(message(() -> BuiltinData.load("builtin:spiral")))
        .isEqualTo("builtin:spiral: unknown built-in data set 'spiral'; the built-in sets are"
            + " xor, spirals, moons, circles, blobs, sine");
    assertThat(message(() -> BuiltinData.load("builtin:xor?classes=3")))
        .isEqualTo("builtin:xor?classes=3: builtin:xor has no parameter 'classes'; its parameters are n, noise, seed");
    assertThat(message(() -> BuiltinData.load("builtin:moons?n=ten")))
        .isEqualTo("builtin:moons?n=ten: n must be a whole number, not 'ten'");
    assertThat(message(() -> BuiltinData.load("builtin:moons?n=0")))
        .isEqualTo("builtin:moons?n=0: n is 0; expected 2 to 10000000");
    assertThat(message(() -> BuiltinData.load("builtin:moons?noise=-1")))
        .isEqualTo("builtin:moons?noise=-1: noise is -1.0; expected a finite number ≥ 0");
    assertThat(message(() -> BuiltinData.load("builtin:moons?noise=NaN")))
        .isEqualTo("builtin:moons?noise=NaN: noise must be a finite number, not 'NaN'");
    assertThat(message(() -> BuiltinData.load("builtin:blobs?classes=1")))
        .isEqualTo("builtin:blobs?classes=1: classes is 1; expected 2 to 100");
    assertThat(message(() -> BuiltinData.load("builtin:sine?n=5&n=6")))
        .isEqualTo("builtin:sine?n=5&n=6: parameter n needs exactly one value, as n=VALUE");
  }

  @Test
  void theJavaFactoriesRefuseBadArgumentsAsProgrammingErrors() {
    assertThatThrownBy(() -> BuiltinData.spirals(10, 1, 0.1, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BuiltinData.sine(0, 0.1, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
