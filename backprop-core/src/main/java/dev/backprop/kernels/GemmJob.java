package dev.backprop.kernels;

import dev.backprop.kernels.spi.GemmProvider;

/**
 * One large product in flight: its arguments and tile grid, shared read-only by the threads that
 * compute its tiles. Each calling thread reuses one job, so a parallel product allocates nothing.
 */
final class GemmJob implements Parallel.ChunkTask {

  private static final ThreadLocal<GemmJob> JOBS = ThreadLocal.withInitial(GemmJob::new);

  private final TileGrid grid = new TileGrid();
  private GemmProvider provider;
  private boolean transA;
  private boolean transB;
  private int m;
  private int n;
  private int k;
  private float[] fa;
  private float[] fb;
  private float[] fc;
  private double[] da;
  private double[] db;
  private double[] dc;
  private int offA;
  private int offB;
  private int offC;
  private boolean accumulate;

  static void run(GemmProvider provider, boolean transA, boolean transB, int m, int n, int k,
      float[] a, int offA, float[] b, int offB, float[] c, int offC, boolean accumulate) {
    GemmJob job = JOBS.get();
    job.provider = provider;
    job.fa = a;
    job.fb = b;
    job.fc = c;
    job.runTiles(transA, transB, m, n, k, offA, offB, offC, accumulate);
  }

  static void run(boolean transA, boolean transB, int m, int n, int k,
      double[] a, int offA, double[] b, int offB, double[] c, int offC, boolean accumulate) {
    GemmJob job = JOBS.get();
    job.da = a;
    job.db = b;
    job.dc = c;
    job.runTiles(transA, transB, m, n, k, offA, offB, offC, accumulate);
  }

  private void runTiles(boolean transA, boolean transB, int m, int n, int k,
      int offA, int offB, int offC, boolean accumulate) {
    this.transA = transA;
    this.transB = transB;
    this.m = m;
    this.n = n;
    this.k = k;
    this.offA = offA;
    this.offB = offB;
    this.offC = offC;
    this.accumulate = accumulate;
    grid.layOut(m, n);
    try {
      Parallel.forEachChunk(grid.tiles(), this);
    } finally {
      // Let go of the caller's arrays: the job outlives the call.
      provider = null;
      fa = fb = fc = null;
      da = db = dc = null;
    }
  }

  @Override
  public void run(int tile) {
    int rowFrom = tile / grid.colTiles * grid.rowsPerTile;
    int colFrom = tile % grid.colTiles * grid.colsPerTile;
    int rowTo = Math.min(m, rowFrom + grid.rowsPerTile);
    int colTo = Math.min(n, colFrom + grid.colsPerTile);
    if (fa != null) {
      provider.gemm(transA, transB, m, n, k, fa, offA, fb, offB, fc, offC, accumulate,
          rowFrom, rowTo, colFrom, colTo);
    } else {
      DoubleGemm.gemm(transA, transB, m, n, k, da, offA, db, offB, dc, offC, accumulate,
          rowFrom, rowTo, colFrom, colTo);
    }
  }
}
