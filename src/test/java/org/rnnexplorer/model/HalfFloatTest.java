package org.rnnexplorer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * {@link HalfFloat} against two references: the definition of binary16 (sign, exponent, fraction) for every one of
 * the 65,536 halves, and for float to half both numpy's {@code astype(np.float16)} (a table made by
 * {@code tools/make_half_reference.py}: random bit patterns, the midpoints between neighbouring halves and the floats
 * either side of them, the subnormal and overflow edges) and a search for the nearest half among all finite ones.
 */
class HalfFloatTest {

    /** Value of half bits {@code h} from the definition, in double. */
    static double definition(int h) {
        int sign = h >>> 15, exponent = (h >>> 10) & 0x1f, fraction = h & 0x3ff;
        double magnitude = exponent == 0 ? fraction * Math.pow(2, -24)
                : exponent == 31 ? (fraction == 0 ? Double.POSITIVE_INFINITY : Double.NaN)
                : (1 + fraction / 1024.0) * Math.pow(2, exponent - 15);
        return sign == 1 ? -magnitude : magnitude;
    }

    @Test
    void everyHalfHasTheValueItsBitsDefine() {
        for (int h = 0; h < 1 << 16; h++) {
            double expected = definition(h);
            float got = HalfFloat.toFloat((short) h);
            if (Double.isNaN(expected)) assertTrue(Float.isNaN(got), Integer.toHexString(h));
            else assertEquals(expected, got, 0.0, Integer.toHexString(h));
            if (h == 0x8000) assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(got));
        }
    }

    @Test
    void everyHalfSurvivesTheRoundTrip() {
        for (int h = 0; h < 1 << 16; h++) {
            if (Double.isNaN(definition(h))) continue;
            assertEquals(h, HalfFloat.fromFloat(HalfFloat.toFloat((short) h)) & 0xffff, Integer.toHexString(h));
        }
    }

    @Test
    void matchesNumpy() throws Exception {
        int rows = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                getClass().getResourceAsStream("/halffloat/numpy-float16.csv")), StandardCharsets.US_ASCII))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("#")) continue;
                String[] f = line.split(",");
                float x = Float.intBitsToFloat(Integer.parseUnsignedInt(f[0], 16));
                int expected = Integer.parseInt(f[1], 16);
                int got = HalfFloat.fromFloat(x) & 0xffff;
                if (Float.isNaN(x)) assertTrue(Double.isNaN(definition(got)), f[0]);
                else assertEquals(expected, got, "float bits " + f[0] + " (" + x + ")");
                rows++;
            }
        }
        assertTrue(rows > 5000, rows + " rows");
    }

    /** The finite non-negative halves in increasing order, and 65536 where ∞ takes the next place (IEEE rounding). */
    static final double[] LADDER = new double[0x7c01];

    static {
        for (int h = 0; h < 0x7c00; h++) LADDER[h] = definition(h);
        LADDER[0x7c00] = 65536;
    }

    @Property(tries = 20000)
    void roundsToTheNearestHalfTiesToEven(@ForAll int floatBits) {
        float x = Float.intBitsToFloat(floatBits);
        int got = HalfFloat.fromFloat(x) & 0xffff;
        if (Float.isNaN(x)) {
            assertTrue(Double.isNaN(definition(got)));
            return;
        }
        double a = Math.abs((double) x);
        int expected;
        if (a >= 65536) expected = 0x7c00;
        else {
            int i = java.util.Arrays.binarySearch(LADDER, a);
            if (i >= 0) expected = i;
            else {
                int hi = -i - 1, lo = hi - 1;
                double dLo = a - LADDER[lo], dHi = LADDER[hi] - a;
                expected = dLo < dHi ? lo : dHi < dLo ? hi : (lo % 2 == 0 ? lo : hi);
            }
        }
        if (x < 0 || (x == 0 && 1 / x < 0)) expected |= 0x8000;
        assertEquals(expected, got, "float " + x);
    }
}
