package org.rnnexplorer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The squashing functions against {@link StrictMath} (fdlibm, within 1 ulp of the true value): tanh's continued
 * fraction below |x| = 0.5 within 2 ulp of it, its exponential form above within 6 ulp (the cancellation of
 * 1 − 2/(e^(2x) + 1) just above the switch), σ within 6 ulp of 1/(1 + e^(−x)), over tiny to huge arguments; and
 * the exact values (0, ±1, NaN) kept.
 */
class ActivationsTest {

    private static void assertWithinUlps(double expected, double got, double ulps, String what) {
        double tolerance = ulps * Math.ulp(expected);
        assertTrue(Math.abs(got - expected) <= tolerance, what + ": " + got + " vs " + expected + ", "
                + Math.abs(got - expected) / Math.ulp(expected) + " ulp");
    }

    @Test
    void tanhIsWithinAFewUlpOfStrictMathEverywhere() {
        Random r = new Random(12);
        for (int i = 0; i < 2_000_000; i++) {
            double x = (r.nextDouble() * 2 - 1) * Math.pow(10, r.nextDouble() * 10 - 8);
            assertWithinUlps(StrictMath.tanh(x), Activations.tanh(x), Math.abs(x) < 0.5 ? 2 : 6, "tanh(" + x + ")");
        }
        for (double x = 0.49; x <= 0.51; x += 1e-6) {
            double ulps = x < 0.5 ? 2 : 6;
            assertWithinUlps(StrictMath.tanh(x), Activations.tanh(x), ulps, "tanh(" + x + ")");
            assertWithinUlps(StrictMath.tanh(-x), Activations.tanh(-x), ulps, "tanh(" + -x + ")");
        }
    }

    @Test
    void tanhKeepsExactValues() {
        assertEquals(0.0, Activations.tanh(0.0));
        assertEquals(1.0, Activations.tanh(40.0));
        assertEquals(-1.0, Activations.tanh(-1e300));
        assertEquals(1.0, Activations.tanh(Double.POSITIVE_INFINITY));
        assertEquals(1e-300, Activations.tanh(1e-300));
        assertTrue(Double.isNaN(Activations.tanh(Double.NaN)));
    }

    @Test
    void sigmoidIsWithinAFewUlpOfItsDefinitionAndSaturatesExactly() {
        Random r = new Random(13);
        for (int i = 0; i < 1_000_000; i++) {
            double x = (r.nextDouble() * 2 - 1) * 50;
            assertWithinUlps(1.0 / (1.0 + StrictMath.exp(-x)), Activations.sigmoid(x), 6, "sigmoid(" + x + ")");
        }
        assertEquals(0.5, Activations.sigmoid(0.0));
        assertEquals(0.0, Activations.sigmoid(-1000.0));
        assertEquals(1.0, Activations.sigmoid(1000.0));
    }
}
