package org.rnnexplorer.io.pytorch;

import java.nio.ByteBuffer;

/** The element types of PyTorch storages, by the storage class name a checkpoint gives ({@code torch.FloatStorage}). */
enum DType {
    FLOAT32("Float", "float32", 4, true),
    FLOAT64("Double", "float64", 8, true),
    FLOAT16("Half", "float16", 2, true),
    BFLOAT16("BFloat16", "bfloat16", 2, true),
    INT64("Long", "int64", 8, false),
    INT32("Int", "int32", 4, false),
    INT16("Short", "int16", 2, false),
    INT8("Char", "int8", 1, false),
    UINT8("Byte", "uint8", 1, false),
    BOOL("Bool", "bool", 1, false),
    COMPLEX64("ComplexFloat", "complex64", 8, false),
    COMPLEX128("ComplexDouble", "complex128", 16, false);

    final String storagePrefix;
    final String torchName;
    final int bytes;
    final boolean floating;

    DType(String storagePrefix, String torchName, int bytes, boolean floating) {
        this.storagePrefix = storagePrefix;
        this.torchName = torchName;
        this.bytes = bytes;
        this.floating = floating;
    }

    /** The type of {@code torch.FloatStorage} and its kin (module {@code torch}), or null for any other name. */
    static DType ofStorage(PythonGlobal storageClass) {
        if (!storageClass.module().equals("torch") || !storageClass.name().endsWith("Storage")) return null;
        String prefix = storageClass.name().substring(0, storageClass.name().length() - "Storage".length());
        for (DType t : values()) if (t.storagePrefix.equals(prefix)) return t;
        return null;
    }

    /** The first {@code out.length} elements of {@code data} (a floating type) as doubles; every value converts exactly. */
    void toDoubles(ByteBuffer data, double[] out) {
        int n = out.length;
        switch (this) {
            case FLOAT64 -> data.asDoubleBuffer().get(out, 0, n);
            case FLOAT32 -> {
                float[] f = new float[n];
                data.asFloatBuffer().get(f, 0, n);
                for (int i = 0; i < n; i++) out[i] = f[i];
            }
            case FLOAT16, BFLOAT16 -> {
                short[] h = new short[n];
                data.asShortBuffer().get(h, 0, n);
                if (this == FLOAT16) for (int i = 0; i < n; i++) out[i] = halfToDouble(h[i]);
                else for (int i = 0; i < n; i++) out[i] = Float.intBitsToFloat((h[i] & 0xffff) << 16);
            }
            default -> throw new IllegalStateException(torchName + " is not a floating-point type");
        }
    }

    /**
     * IEEE 754 binary16: sign s, 5 exponent bits e, 10 fraction bits f; {@code (−1)^s · 2^(e−15) · (1 + f/1024)} for
     * 0 &lt; e &lt; 31, {@code (−1)^s · 2^−14 · f/1024} for e = 0 (subnormal), ±∞ or NaN for e = 31.
     */
    static double halfToDouble(short bits) {
        int s = (bits >> 15) & 1, e = (bits >> 10) & 0x1f, f = bits & 0x3ff;
        double sign = s == 0 ? 1 : -1;
        if (e == 0) return sign * Math.scalb((double) f, -24);
        if (e == 31) return f == 0 ? sign * Double.POSITIVE_INFINITY : Double.NaN;
        return sign * Math.scalb(1024.0 + f, e - 25);
    }
}
