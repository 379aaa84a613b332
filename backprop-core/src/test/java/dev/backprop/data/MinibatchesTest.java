package dev.backprop.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MinibatchesTest {
  private static List<int[]> batches(Minibatches minibatches) {
    List<int[]> batches = new ArrayList<>();
    minibatches.forEach(batches::add);
    return batches;
  }

  @Test
  void everyRowAppearsOnceAndTheLastPartialBatchIsKept() {
    List<int[]> batches = batches(Minibatches.shuffled(10, 4, 1, 0));
    assertThat(batches).extracting(b -> b.length).containsExactly(4, 4, 2);
    int[] all = batches.stream().flatMapToInt(Arrays::stream).sorted().toArray();
    assertThat(all).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
  }

  @Test
  void theOrderDependsOnlyOnSeedAndEpoch() {
    int[] epoch3 = Minibatches.shuffled(1000, 1000, 7, 3).batch(0);
    assertThat(Minibatches.shuffled(1000, 1000, 7, 3).batch(0)).isEqualTo(epoch3);
    assertThat(Minibatches.shuffled(1000, 1000, 7, 4).batch(0)).isNotEqualTo(epoch3);
    assertThat(Minibatches.shuffled(1000, 1000, 8, 3).batch(0)).isNotEqualTo(epoch3);
  }

  @Test
  void consecutiveEpochsAreNotShiftedCopiesOfOneAnother() {
    int[] first = Minibatches.shuffled(1000, 1000, 7, 0).batch(0);
    int[] second = Minibatches.shuffled(1000, 1000, 7, 1).batch(0);
    int same = 0;
    for (int i = 0; i < first.length; i++) {
      same += first[i] == second[i] ? 1 : 0;
    }
    assertThat(same).isLessThan(10);
  }

  @Test
  void shufflingMovesRowsAndEveryPositionIsReachable() {
    int[] hits = new int[5];
    for (int epoch = 0; epoch < 500; epoch++) {
      hits[Minibatches.shuffled(5, 5, 3, epoch).batch(0)[0]]++;
    }
    for (int hit : hits) {
      assertThat(hit).isBetween(60, 140);
    }
  }

  @Test
  void inOrderBatchesFollowTheRows() {
    assertThat(batches(Minibatches.inOrder(5, 2)))
        .containsExactly(new int[] {0, 1}, new int[] {2, 3}, new int[] {4});
    assertThat(Minibatches.inOrder(0, 3).count()).isZero();
  }

  @Test
  void batchesCanBeFetchedByIndexForResumingMidEpoch() {
    Minibatches minibatches = Minibatches.shuffled(50, 8, 11, 2);
    List<int[]> iterated = batches(minibatches);
    assertThat(minibatches.count()).isEqualTo(7);
    for (int b = 0; b < minibatches.count(); b++) {
      assertThat(minibatches.batch(b)).isEqualTo(iterated.get(b));
    }
    assertThatThrownBy(() -> minibatches.batch(7)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void aBatchSizeBelowOneIsRefused() {
    assertThatThrownBy(() -> Minibatches.inOrder(3, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
