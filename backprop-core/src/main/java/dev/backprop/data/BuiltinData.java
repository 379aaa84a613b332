package dev.backprop.data;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Generated two-dimensional data sets for trying networks out, each with a size n, a noise level
 * and a seed: the same arguments always give the same bits. Classification sets hold ⌊n/k⌋ or
 * ⌈n/k⌉ rows of each of their k classes, in shuffled order, with features {@code x1, x2} and
 * class names "0", "1", …; noise is Gaussian with standard deviation {@code noise}, added to
 * each coordinate. {@link #load(String)} resolves the {@code builtin:NAME?param=value&…} form.
 */
public final class BuiltinData {
  /** The names {@link #load(String)} accepts after {@code builtin:}. */
  public static final List<String> NAMES = List.of("xor", "spirals", "moons", "circles", "blobs",
      "sine");

  private static final double TAU = 2 * Math.PI;
  private static final double SPIRAL_TURNS = 1.25;
  private static final double BLOB_CENTER_RANGE = 10;

  private BuiltinData() {}

  /**
   * Resolves a specification such as {@code builtin:spirals?n=500&noise=0.1&seed=7}. Parameters:
   * {@code n} (rows, default 1000), {@code noise} (default per set, see docs/data.md),
   * {@code seed} (default 42) and, for spirals and blobs, {@code classes}.
   *
   * @param spec the specification
   * @return the generated data set, named by its complete specification
   * @throws DataException for an unknown name, parameter or value
   */
  public static Dataset load(String spec) {
    BuiltinSpec parsed = BuiltinSpec.parse(spec);
    return switch (parsed.name()) {
      case "xor" -> xor(parsed.rows(), parsed.noise(), parsed.seed());
      case "spirals" -> spirals(parsed.rows(), parsed.classes(), parsed.noise(), parsed.seed());
      case "moons" -> moons(parsed.rows(), parsed.noise(), parsed.seed());
      case "circles" -> circles(parsed.rows(), parsed.noise(), parsed.seed());
      case "blobs" -> blobs(parsed.rows(), parsed.classes(), parsed.noise(), parsed.seed());
      default -> sine(parsed.rows(), parsed.noise(), parsed.seed());
    };
  }

  /**
   * XOR: points uniform in [−1, 1]², class 1 when exactly one coordinate is negative (the second
   * and fourth quadrants), class 0 in the first and third; noise is added after labelling.
   *
   * @param n rows
   * @param noise standard deviation of the Gaussian noise on each coordinate
   * @param seed random seed
   * @return 2 classes
   */
  public static Dataset xor(int n, double noise, long seed) {
    return classes(new BuiltinSpec("xor", n, noise, seed, 2), (label, random, point) -> {
      boolean positiveX = random.nextBoolean();
      boolean positiveY = label == 0 ? positiveX : !positiveX;
      point[0] = (positiveX ? 1 : -1) * (1 - random.nextDouble());
      point[1] = (positiveY ? 1 : -1) * (1 - random.nextDouble());
    });
  }

  /**
   * Interleaved spirals: arm c of k has points at radius r = t, angle 2π·1.25·t + 2πc/k, for t
   * uniform in [0, 1].
   *
   * @param n rows
   * @param arms k, the number of spiral arms and classes (2 to 100)
   * @param noise standard deviation of the Gaussian noise on each coordinate
   * @param seed random seed
   * @return k classes
   */
  public static Dataset spirals(int n, int arms, double noise, long seed) {
    return classes(new BuiltinSpec("spirals", n, noise, seed, arms), (label, random, point) -> {
      double t = random.nextDouble();
      double angle = TAU * SPIRAL_TURNS * t + TAU * label / arms;
      point[0] = t * StrictMath.cos(angle);
      point[1] = t * StrictMath.sin(angle);
    });
  }

  /**
   * Two interleaved half circles: class 0 at (cos θ, sin θ), class 1 at
   * (1 − cos θ, 1/2 − sin θ), θ uniform in [0, π].
   *
   * @param n rows
   * @param noise standard deviation of the Gaussian noise on each coordinate
   * @param seed random seed
   * @return 2 classes
   */
  public static Dataset moons(int n, double noise, long seed) {
    return classes(new BuiltinSpec("moons", n, noise, seed, 2), (label, random, point) -> {
      double theta = Math.PI * random.nextDouble();
      point[0] = label == 0 ? StrictMath.cos(theta) : 1 - StrictMath.cos(theta);
      point[1] = label == 0 ? StrictMath.sin(theta) : 0.5 - StrictMath.sin(theta);
    });
  }

  /**
   * Two concentric circles: class 0 of radius 1, class 1 of radius 1/2, angle uniform.
   *
   * @param n rows
   * @param noise standard deviation of the Gaussian noise on each coordinate
   * @param seed random seed
   * @return 2 classes
   */
  public static Dataset circles(int n, double noise, long seed) {
    return classes(new BuiltinSpec("circles", n, noise, seed, 2), (label, random, point) -> {
      double radius = label == 0 ? 1 : 0.5;
      double angle = TAU * random.nextDouble();
      point[0] = radius * StrictMath.cos(angle);
      point[1] = radius * StrictMath.sin(angle);
    });
  }

  /**
   * Gaussian blobs: k centers drawn uniformly from [−10, 10]², each class spread around its
   * center with standard deviation {@code noise}.
   *
   * @param n rows
   * @param k the number of blobs and classes (2 to 100)
   * @param noise standard deviation of each blob
   * @param seed random seed
   * @return k classes
   */
  public static Dataset blobs(int n, int k, double noise, long seed) {
    double[] centers = new double[2 * k];
    SplittableRandom centerRandom = new SplittableRandom(seed).split();
    for (int i = 0; i < centers.length; i++) {
      centers[i] = BLOB_CENTER_RANGE * (2 * centerRandom.nextDouble() - 1);
    }
    return classes(new BuiltinSpec("blobs", n, noise, seed, k), (label, random, point) -> {
      point[0] = centers[2 * label];
      point[1] = centers[2 * label + 1];
    });
  }

  /**
   * Regression on y = sin(x) + noise, x uniform in [−π, π].
   *
   * @param n rows
   * @param noise standard deviation of the Gaussian noise on y
   * @param seed random seed
   * @return one feature {@code x}, one target {@code y}
   */
  public static Dataset sine(int n, double noise, long seed) {
    BuiltinSpec spec = new BuiltinSpec("sine", n, noise, seed, 0);
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[n];
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      double value = Math.PI * (2 * random.nextDouble() - 1);
      x[i] = (float) value;
      y[i] = (float) (StrictMath.sin(value) + noise * gaussian(random));
    }
    return Dataset.ofValues(spec.toString(), List.of("x"), x, List.of("y"), y);
  }

  /** Places one noiseless point of the given class. */
  private interface Sampler {
    void place(int label, SplittableRandom random, double[] point);
  }

  private static Dataset classes(BuiltinSpec spec, Sampler sampler) {
    int n = spec.rows();
    int k = spec.classes();
    SplittableRandom random = new SplittableRandom(spec.seed());
    float[] features = new float[2 * n];
    int[] labels = new int[n];
    double[] point = new double[2];
    for (int i = 0; i < n; i++) {
      labels[i] = i % k;
      sampler.place(labels[i], random, point);
      features[2 * i] = (float) (point[0] + spec.noise() * gaussian(random));
      features[2 * i + 1] = (float) (point[1] + spec.noise() * gaussian(random));
    }
    shuffleRows(features, labels, random);
    List<String> classNames = IntStream.range(0, k).mapToObj(Integer::toString).toList();
    return Dataset.ofClasses(spec.toString(), List.of("x1", "x2"), features, classNames, labels);
  }

  private static void shuffleRows(float[] features, int[] labels, SplittableRandom random) {
    for (int i = labels.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int label = labels[i];
      labels[i] = labels[j];
      labels[j] = label;
      for (int c = 0; c < 2; c++) {
        float value = features[2 * i + c];
        features[2 * i + c] = features[2 * j + c];
        features[2 * j + c] = value;
      }
    }
  }

  // Box–Muller with StrictMath, so the same seed gives the same bits on every JVM.
  private static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    return StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(TAU * random.nextDouble());
  }
}
