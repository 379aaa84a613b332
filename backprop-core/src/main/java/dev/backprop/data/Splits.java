package dev.backprop.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Splitting a data set into a training part and a validation part. */
public final class Splits {
  private static final int TRAIN = 0;
  private static final int VALIDATION = 1;

  private Splits() {}

  /**
   * Splits off a validation part of round(fraction × n) rows, chosen at random with the seed.
   *
   * <p>For classification the split is stratified: each class contributes to the validation part
   * in proportion to its size (⌊fraction × n_c⌋ rows, plus one more for the classes with the
   * largest remainders until the total is reached), and every class keeps at least one training
   * row. Other data sets are split by a plain shuffle. Both parts keep the original row order.
   *
   * @param data the rows to split
   * @param fraction the validation share, in (0, 1)
   * @param seed the seed for choosing the validation rows
   * @return train and validation ({@link DatasetSplit#holdout()}) parts
   * @throws DataException when either part would be empty
   */
  public static DatasetSplit trainValidation(Dataset data, double fraction, long seed) {
    if (!(fraction > 0 && fraction < 1)) {
      throw new IllegalArgumentException("validation fraction " + fraction + " is not in (0, 1)");
    }
    SplittableRandom random = new SplittableRandom(seed);
    int n = data.size();
    int wanted = (int) Math.round(fraction * n);
    int[] part = new int[n];
    if (data.task().orElse(null) == Task.CLASSIFICATION) {
      int[] labels = data.labels();
      int[] quota = stratifiedQuota(data.classCounts(), wanted);
      for (int k = 0; k < quota.length; k++) {
        markRandom(rowsWhere(labels, k), quota[k], part, random);
      }
    } else {
      markRandom(rowsWhere(part, TRAIN), wanted, part, random);
    }
    int validationRows = rowsWhere(part, VALIDATION).length;
    if (validationRows == 0 || validationRows == n) {
      throw DataException.inFile(data.name(), String.format(
          "a validation fraction of %s of %d rows leaves %d validation and %d training rows; "
              + "both parts need at least one row", fraction, n, validationRows,
              n - validationRows));
    }
    return new DatasetSplit(
        data.select(rowsWhere(part, TRAIN)), data.select(rowsWhere(part, VALIDATION)));
  }

  // Largest-remainder apportionment of the validation rows over the classes.
  private static int[] stratifiedQuota(int[] classCounts, int wanted) {
    long total = Arrays.stream(classCounts).asLongStream().sum();
    int[] quota = new int[classCounts.length];
    double[] remainder = new double[classCounts.length];
    int assigned = 0;
    for (int k = 0; k < classCounts.length; k++) {
      double exact = (double) wanted * classCounts[k] / total;
      quota[k] = (int) Math.floor(exact);
      remainder[k] = exact - quota[k];
      assigned += quota[k];
    }
    for (; assigned < wanted; assigned++) {
      int best = 0;
      for (int k = 1; k < remainder.length; k++) {
        best = remainder[k] > remainder[best] ? k : best;
      }
      quota[best]++;
      remainder[best] = -1;
    }
    for (int k = 0; k < quota.length; k++) {
      quota[k] = Math.min(quota[k], Math.max(0, classCounts[k] - 1));
    }
    return quota;
  }

  private static int[] rowsWhere(int[] values, int wanted) {
    int count = 0;
    for (int value : values) {
      count += value == wanted ? 1 : 0;
    }
    int[] rows = new int[count];
    for (int i = 0, r = 0; i < values.length; i++) {
      if (values[i] == wanted) {
        rows[r++] = i;
      }
    }
    return rows;
  }

  // A partial Fisher–Yates shuffle picks `count` rows uniformly without replacement.
  private static void markRandom(int[] rows, int count, int[] part, SplittableRandom random) {
    for (int i = 0; i < count; i++) {
      int j = i + random.nextInt(rows.length - i);
      int swap = rows[i];
      rows[i] = rows[j];
      rows[j] = swap;
      part[rows[i]] = VALIDATION;
    }
  }
}
