package dev.backprop.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TileGridTest {

  @ParameterizedTest
  @CsvSource({"1,1", "1,5000", "5000,1", "128,256", "256,784", "1024,1024", "97,1100", "13,70"})
  void tilesCoverTheOutputExactlyOnce(int m, int n) {
    TileGrid grid = new TileGrid();
    grid.layOut(m, n);
    int[] covered = new int[m * n];
    for (int tile = 0; tile < grid.tiles(); tile++) {
      int rowFrom = tile / grid.colTiles * grid.rowsPerTile;
      int colFrom = tile % grid.colTiles * grid.colsPerTile;
      assertThat(rowFrom).isLessThan(m);
      assertThat(colFrom).isLessThan(n);
      for (int i = rowFrom; i < Math.min(m, rowFrom + grid.rowsPerTile); i++) {
        for (int j = colFrom; j < Math.min(n, colFrom + grid.colsPerTile); j++) {
          covered[i * n + j]++;
        }
      }
    }
    assertThat(covered).containsOnly(1);
  }

  @ParameterizedTest
  @CsvSource({"128,256,8", "1024,1024,22", "64,64,2", "40,100,1", "1,4096,8"})
  void smallOutputsAreCutIntoEnoughTilesToShareAndLargeOnesIntoCacheSizedTiles(
      int m, int n, int expectedTiles) {
    TileGrid grid = new TileGrid();
    grid.layOut(m, n);
    assertThat(grid.tiles()).isEqualTo(expectedTiles);
    assertThat(grid.rowsPerTile).isBetween(1, 96);
    assertThat(grid.colsPerTile).isBetween(1, 512);
  }
}
