package dev.backprop.simd;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/** The vector species every kernel here uses, and whether it is worth using. */
final class VectorSupport {

  /** The widest float vector the JIT compiles to single instructions on this CPU. */
  static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
  /** Floats per vector. */
  static final int LANES = FLOATS.length();

  /** Shuffles pairing lane i with lane i XOR h, for h = LANES/2, LANES/4, ..., 1. */
  private static final VectorShuffle<Float>[] HALVES = halves();

  private VectorSupport() {}

  /**
   * The sum of the lanes, added in a fixed tree: each level adds lane i and lane i XOR h.
   *
   * <p>NOTE: not {@code reduceLanes(ADD)}, whose order is unspecified: from JDK 24 the
   * JIT-compiled reduction adds in a tree while the interpreter adds lane by lane, so a product
   * would change its last bits once its kernel is compiled, breaking run-to-run determinism.
   * Lane-wise adds and shuffles round the same way compiled or not.
   */
  static float sumLanes(FloatVector v) {
    for (VectorShuffle<Float> half : HALVES) {
      v = v.add(v.rearrange(half));
    }
    return v.lane(0);
  }

  @SuppressWarnings("unchecked")
  private static VectorShuffle<Float>[] halves() {
    int levels = Integer.numberOfTrailingZeros(LANES);
    VectorShuffle<Float>[] shuffles = new VectorShuffle[levels];
    for (int level = 0; level < levels; level++) {
      int h = LANES >> (level + 1);
      shuffles[level] = VectorShuffle.fromOp(FLOATS, i -> i ^ h);
    }
    return shuffles;
  }

  static int bits() {
    return FLOATS.vectorBitSize();
  }

  /**
   * 128-bit vectors gain too little over the scalar loops, which the JIT already vectorizes; and
   * without hardware FMA a vector fma falls back to a slow exact emulation.
   */
  static boolean isFast() {
    return bits() >= 256 && hardwareFma();
  }

  private static boolean hardwareFma() {
    try {
      HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      return vm == null || Boolean.parseBoolean(vm.getVMOption("UseFMA").getValue());
    } catch (RuntimeException | LinkageError e) {
      // Cannot tell (not HotSpot, or no management module): assume the FMA units that CPUs with
      // 256-bit float vectors have had since 2013.
      return true;
    }
  }
}
