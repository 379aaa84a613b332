package dev.backprop.kernels;

/**
 * How a large product's output is cut into tiles for {@link Parallel}: a function of m and n
 * only, never of the thread count. Tiles are at most 96 rows by 512 columns (what one thread's
 * packed panels hold in cache); small outputs are cut further, down to 24×64, until there are at
 * least {@link #MIN_TILES} tiles, so that every thread gets several and the load evens out. Each
 * cut is made where it repacks the least data.
 * Heights are multiples of 12 and widths multiples of 64, so register tiles of up to 12 rows and
 * 64 columns only straddle the last tile's edge.
 */
final class TileGrid {

  static final int MIN_TILES = 8;
  private static final int MAX_ROWS = 96;
  private static final int MAX_COLS = 512;
  private static final int MIN_ROWS = 24;
  private static final int MIN_COLS = 64;
  private static final int ROW_MULTIPLE = 12;
  private static final int COL_MULTIPLE = 64;

  int rowsPerTile;
  int colsPerTile;
  int rowTiles;
  int colTiles;

  /** Recomputes the grid for an m×n output (m, n ≥ 1). */
  void layOut(int m, int n) {
    int rowCuts = ceilDiv(m, MAX_ROWS);
    int colCuts = ceilDiv(n, MAX_COLS);
    while (rowCuts * colCuts < MIN_TILES) {
      boolean rowsSplittable = ceilDiv(m, rowCuts) >= 2 * MIN_ROWS;
      boolean colsSplittable = ceilDiv(n, colCuts) >= 2 * MIN_COLS;
      // Each tile packs its own slices of op(A) (rows × k) and op(B) (k × columns): doubling the
      // row cuts packs op(B) rowCuts more times, doubling the column cuts packs op(A) colCuts
      // more times. Take the cheaper.
      boolean rowsCheaper = (long) rowCuts * n <= (long) colCuts * m;
      if (rowsSplittable && (rowsCheaper || !colsSplittable)) {
        rowCuts *= 2;
      } else if (colsSplittable) {
        colCuts *= 2;
      } else {
        break;
      }
    }
    rowsPerTile = roundUp(ceilDiv(m, rowCuts), ROW_MULTIPLE);
    colsPerTile = roundUp(ceilDiv(n, colCuts), COL_MULTIPLE);
    rowTiles = ceilDiv(m, rowsPerTile);
    colTiles = ceilDiv(n, colsPerTile);
  }

  int tiles() {
    return rowTiles * colTiles;
  }

  private static int ceilDiv(int x, int y) {
    return (x + y - 1) / y;
  }

  private static int roundUp(int x, int multiple) {
    return ceilDiv(x, multiple) * multiple;
  }
}
