package dev.backprop.simd;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/** The vector species every kernel here uses, and whether it is worth using. */
final class VectorSupport {

  /** The widest float vector the JIT compiles to single instructions on this CPU. */
  static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
  /** Floats per vector. */
  static final int LANES = FLOATS.length();

  private VectorSupport() {}

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
