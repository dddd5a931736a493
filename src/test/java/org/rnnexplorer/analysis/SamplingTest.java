package org.rnnexplorer.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SamplingTest {
    private static double[] distribution(Sampling s, double... z) {
        double[] q = new double[z.length];
        s.distribution(z, 0, z.length, q, new double[z.length]);
        return q;
    }

    @Test
    void theDistributionIsTheTemperedSoftmaxOverTheTopK() {
        // z = (1, 3, 2, 0.5), T = 2, k = 2: only tokens 1 and 2, weights e^(3/2) and e^(2/2)
        double a = Math.exp(1.5), b = Math.exp(1.0);
        assertArrayEquals(new double[] {0, a / (a + b), b / (a + b), 0},
                distribution(new Sampling(2, 2), 1, 3, 2, 0.5), 1e-15);
        // no restriction, T = 1: the plain softmax
        double[] e = {Math.exp(1), Math.exp(3), Math.exp(2), Math.exp(0.5)};
        double sum = e[0] + e[1] + e[2] + e[3];
        assertArrayEquals(new double[] {e[0] / sum, e[1] / sum, e[2] / sum, e[3] / sum},
                distribution(new Sampling(1, 0), 1, 3, 2, 0.5), 1e-15);
        // k larger than the vocabulary is no restriction
        assertArrayEquals(distribution(new Sampling(1, 0), 1, 3, 2, 0.5),
                distribution(new Sampling(1, 9), 1, 3, 2, 0.5), 0.0);
    }

    @Test
    void tiesAtTheCutGoToTheLowerIndex() {
        assertArrayEquals(new double[] {0.5, 0, 0, 0.5}, distribution(new Sampling(1, 2), 2, 1, 1, 2), 1e-15);
        double[] q = distribution(new Sampling(1, 2), 3, 1, 1, 1);
        double a = Math.exp(3), b = Math.exp(1);
        assertArrayEquals(new double[] {a / (a + b), b / (a + b), 0, 0}, q, 1e-15);
    }

    @Test
    void temperatureZeroAndTopOneAreTheArgmax() {
        Random r = new Random(3);
        for (int trial = 0; trial < 200; trial++) {
            double[] z = new double[7];
            int best = 0;
            for (int i = 0; i < z.length; i++) {
                z[i] = r.nextGaussian() * 3;
                if (z[i] > z[best]) best = i;
            }
            Random draws = new Random(trial);
            double[] q = new double[7], scratch = new double[7];
            assertEquals(best, new Sampling(0, 0).sample(z, 0, 7, draws, q, scratch));
            assertEquals(best, new Sampling(0, 3).sample(z, 0, 7, draws, q, scratch));
            assertEquals(best, new Sampling(5.0, 1).sample(z, 0, 7, draws, q, scratch));
            double[] one = new double[7];
            one[best] = 1;
            assertArrayEquals(one, distribution(new Sampling(0, 0), z), 0.0);
            assertArrayEquals(one, distribution(new Sampling(2.0, 1), z), 0.0);
        }
        assertEquals(0, Sampling.argmax(new double[] {4, 4, 1}, 0, 3), "the lowest of equal maxima");
    }

    /**
     * 400,000 draws with a fixed seed: every token outside the top k is never drawn, and each frequency lies within
     * 6 standard deviations (√(q(1−q)/N) ≤ 0.0008) of q, so the check is far from the noise and, seeded, cannot flake.
     */
    @Test
    void drawsFollowTheRestrictedDistribution() {
        double[] z = {0.3, -1.2, 2.0, 1.1, 0.0, 1.9, -0.4, 0.8};
        Sampling s = new Sampling(0.7, 4);
        double[] expected = new double[z.length];
        int[] top = {2, 5, 3, 7}; // the four largest logits: 2.0, 1.9, 1.1, 0.8
        double sum = 0;
        for (int i : top) sum += Math.exp(z[i] / 0.7);
        for (int i : top) expected[i] = Math.exp(z[i] / 0.7) / sum;

        int n = 400_000;
        int[] counts = new int[z.length];
        Random r = new Random(42);
        double[] q = new double[z.length], scratch = new double[z.length];
        for (int i = 0; i < n; i++) counts[s.sample(z, 0, z.length, r, q, scratch)]++;
        for (int i = 0; i < z.length; i++) {
            double f = counts[i] / (double) n, sd = Math.sqrt(expected[i] * (1 - expected[i]) / n);
            if (expected[i] == 0) assertEquals(0, counts[i], "token " + i + " is outside the top 4");
            else assertTrue(Math.abs(f - expected[i]) <= 6 * sd, "token " + i + ": " + f + " vs " + expected[i]);
        }
    }

    @Test
    void badSettingsAreRefusedNamingTheOption() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Sampling(-1, 0)).getMessage()
                .startsWith("--temperature"));
        assertThrows(IllegalArgumentException.class, () -> new Sampling(Double.NaN, 0));
        assertThrows(IllegalArgumentException.class, () -> new Sampling(Double.POSITIVE_INFINITY, 0));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Sampling(1, -2)).getMessage()
                .startsWith("--top-k"));
    }
}
