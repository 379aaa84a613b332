package dev.backprop.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Holds out a seeded share of the training examples for validation. Classification is stratified:
 * each class gives round(fraction · n_c) of its rows (but keeps at least one for training), so the
 * validation classes are in the training proportions. Both parts keep the original row order.
 */
final class ValidationSplit {
  private ValidationSplit() {}

  /**
   * The training part and the validation part.
   *
   * @throws IllegalArgumentException if either part would be empty
   */
  static Examples[] split(Examples examples, double fraction, long seed) {
    SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, Seeds.VALIDATION_SPLIT, 0));
    boolean[] held = new boolean[examples.size()];
    for (int[] group : groups(examples)) {
      int take = (int) Math.round(fraction * group.length);
      if (examples.isClassification()) {
        take = Math.min(take, group.length - 1);
      }
      shuffle(group, rng);
      for (int i = 0; i < take; i++) {
        held[group[i]] = true;
      }
    }
    int[] train = rows(held, false);
    int[] validation = rows(held, true);
    if (train.length == 0 || validation.length == 0) {
      throw new IllegalArgumentException(
          "validation split: a share of " + fraction + " of " + examples.size() + " examples leaves "
              + train.length + " for training and " + validation.length + " for validation; both need some");
    }
    return new Examples[] {examples.rows(train), examples.rows(validation)};
  }

  /** The rows of each class (classification) or all rows (regression). */
  private static List<int[]> groups(Examples examples) {
    int n = examples.size();
    if (!examples.isClassification()) {
      int[] all = new int[n];
      Arrays.setAll(all, i -> i);
      return List.of(all);
    }
    int[] labels = examples.labels();
    List<int[]> groups = new ArrayList<>();
    for (int c = 0; c < examples.classes(); c++) {
      final int cls = c;
      groups.add(IntStream.range(0, n).filter(i -> labels[i] == cls).toArray());
    }
    return groups;
  }

  private static void shuffle(int[] a, SplittableRandom rng) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  private static int[] rows(boolean[] held, boolean wanted) {
    return IntStream.range(0, held.length).filter(i -> held[i] == wanted).toArray();
  }
}
