package dev.backprop.io;

/**
 * The element types of the safetensors format, named by their codes in the header
 * ({@code "F32"}). All are recognised when reading, so a file from another tool validates;
 * {@link #F32}, {@link #F64}, {@link #I64} and {@link #I32} have typed accessors and writers
 * ({@code float[]}, {@code double[]}, {@code long[]}, {@code int[]}); every type is also
 * available as raw little-endian bytes.
 */
public enum SafetensorsDtype {
    /** IEEE 754 binary64. */
    F64(8),
    /** IEEE 754 binary32. */
    F32(4),
    /** IEEE 754 binary16. */
    F16(2),
    /** bfloat16: the upper half of a binary32. */
    BF16(2),
    /** 8-bit float with 4 exponent and 3 mantissa bits. */
    F8_E4M3(1),
    /** 8-bit float with 5 exponent and 2 mantissa bits. */
    F8_E5M2(1),
    /** Signed 64-bit integer. */
    I64(8),
    /** Signed 32-bit integer. */
    I32(4),
    /** Signed 16-bit integer. */
    I16(2),
    /** Signed 8-bit integer. */
    I8(1),
    /** Unsigned 64-bit integer. */
    U64(8),
    /** Unsigned 32-bit integer. */
    U32(4),
    /** Unsigned 16-bit integer. */
    U16(2),
    /** Unsigned 8-bit integer. */
    U8(1),
    /** Boolean, one byte per element, 0 or 1. */
    BOOL(1);

    private final int byteSize;

    SafetensorsDtype(int byteSize) {
        this.byteSize = byteSize;
    }

    /**
     * Returns the bytes per element.
     *
     * @return 1, 2, 4 or 8
     */
    public int byteSize() {
        return byteSize;
    }

    /** Returns the dtype with this header code, or null. */
    static SafetensorsDtype fromCode(String code) {
        for (SafetensorsDtype dtype : values()) {
            if (dtype.name().equals(code)) {
                return dtype;
            }
        }
        return null;
    }
}
