package org.rnnexplorer.model;

/**
 * IEEE 754 binary16 ("half") numbers held in a {@code short}: 1 sign bit, 5 exponent bits (bias 15), 10 fraction
 * bits. Finite halves run from ±6.0e−8 (subnormal) to ±65504 with 11 significant bits, a relative step of 2⁻¹¹ ≈
 * 4.9e−4. Java 17 has no {@code Float.floatToFloat16}; this is the same conversion: round to nearest, ties to an
 * even fraction, values of magnitude 65520 and above to ±∞, NaN stays NaN.
 */
public final class HalfFloat {
    /** The largest finite half, 65504. */
    public static final float MAX_VALUE = 65504f;

    private HalfFloat() {
    }

    /** The half nearest to {@code f} (ties to even). */
    public static short fromFloat(float f) {
        int bits = Float.floatToRawIntBits(f);
        int sign = (bits >>> 16) & 0x8000;
        int exponent = (bits >>> 23) & 0xff;
        int fraction = bits & 0x7fffff;
        if (exponent == 0xff) return (short) (sign | 0x7c00 | (fraction != 0 ? 0x200 | (fraction >>> 13) : 0));
        int e = exponent - 127 + 15;
        if (e >= 0x1f) return (short) (sign | 0x7c00);
        if (e <= 0) {
            // subnormal half: m · 2⁻²⁴ with m = 1.fraction · 2^(e−14+23), shifted right by 14 − e
            if (e < -10) return (short) sign;
            return (short) (sign | roundShift(fraction | 0x800000, 14 - e));
        }
        // a carry out of the fraction moves to the next exponent, and from the largest one to ∞: both right
        return (short) (sign | ((e << 10) + roundShift(fraction, 13)));
    }

    /** {@code m / 2^shift} rounded to the nearest integer, ties to even. */
    private static int roundShift(int m, int shift) {
        int q = m >>> shift, rest = m & ((1 << shift) - 1), half = 1 << (shift - 1);
        return rest > half || (rest == half && (q & 1) != 0) ? q + 1 : q;
    }

    /** The value of half {@code h} (exact: every half is a float). */
    public static float toFloat(short h) {
        int bits = h & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1f;
        int fraction = bits & 0x3ff;
        if (exponent == 0x1f) return Float.intBitsToFloat(sign | 0x7f800000 | (fraction << 13));
        if (exponent == 0) {
            float v = fraction * 0x1p-24f;
            return sign != 0 ? -v : v;
        }
        return Float.intBitsToFloat(sign | ((exponent - 15 + 127) << 23) | (fraction << 13));
    }
}
