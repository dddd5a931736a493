package org.rnnexplorer.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.ForwardPass;
import org.rnnexplorer.model.InputBatch;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.model.Trace;

class HiddenStatePcaTest {

    /** Three orthonormal directions in R^n (Gram–Schmidt of random vectors). */
    private static double[][] orthonormal(int count, int n, long seed) {
        Random r = new Random(seed);
        double[][] u = new double[count][n];
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < n; j++) u[i][j] = r.nextGaussian();
            for (int k = 0; k < i; k++) {
                double dot = 0;
                for (int j = 0; j < n; j++) dot += u[i][j] * u[k][j];
                for (int j = 0; j < n; j++) u[i][j] -= dot * u[k][j];
            }
            double norm = 0;
            for (int j = 0; j < n; j++) norm += u[i][j] * u[i][j];
            for (int j = 0; j < n; j++) u[i][j] /= Math.sqrt(norm);
        }
        return u;
    }

    /**
     * h_t = m + 3 cos(θ_t) u1 + sin(θ_t) u2 + 0.1 cos(2θ_t) u3, θ_t = 2πt/T over T = 64 steps: the three coefficients
     * have mean 0, are uncorrelated, and have variances 4.5, 0.5 and 0.005; so the axes are ±u1, ±u2, ±u3, the path
     * is the coefficients (up to each axis's sign), and the shares are 4.5/5.005, 0.5/5.005, 0.005/5.005.
     */
    @Test
    void aConstructedPathGivesBackItsAxesVariancesAndCoefficients() {
        int n = 6, steps = 64;
        double[][] u = orthonormal(3, n, 7);
        double[] m = {0.3, -0.2, 0.1, 0.5, 0, -0.4};
        double[][] coef = new double[steps][3], states = new double[steps][n];
        for (int t = 0; t < steps; t++) {
            double th = 2 * Math.PI * t / steps;
            coef[t] = new double[] {3 * Math.cos(th), Math.sin(th), 0.1 * Math.cos(2 * th)};
            for (int j = 0; j < n; j++)
                states[t][j] = m[j] + coef[t][0] * u[0][j] + coef[t][1] * u[1][j] + coef[t][2] * u[2][j];
        }
        HiddenStatePca pca = HiddenStatePca.of(states, 3);
        assertArrayEquals(m, pca.mean(), 1e-12);
        assertArrayEquals(new double[] {4.5, 0.5, 0.005}, pca.variance(), 1e-12);
        assertArrayEquals(new double[] {4.5 / 5.005, 0.5 / 5.005, 0.005 / 5.005}, pca.explained(), 1e-12);
        for (int i = 0; i < 3; i++) {
            double sign = Math.signum(dot(pca.axes()[i], u[i]));
            for (int j = 0; j < n; j++) assertEquals(sign * u[i][j], pca.axes()[i][j], 1e-10, "axis " + i);
            for (int t = 0; t < steps; t++) assertEquals(sign * coef[t][i], pca.path()[t][i], 1e-10, "p_" + t + "[" + i + "]");
        }
        // two components: the same first two, and a state off the path projects by the same rule
        HiddenStatePca two = HiddenStatePca.of(states, 2);
        assertEquals(2, two.axes().length);
        assertArrayEquals(pca.axes()[1], two.axes()[1], 1e-12);
        double[] off = m.clone();
        for (int j = 0; j < n; j++) off[j] += 2 * u[1][j] + 5 * u[2][j];
        assertEquals(2 * Math.signum(dot(two.axes()[1], u[1])), two.project(off)[1], 1e-10);
        assertEquals(0, two.project(off)[0], 1e-10);
    }

    @Test
    void eachAxisHasItsLargestEntryPositive() {
        double[][] states = TestModels.vectors(30, 5, 3);
        for (double[] axis : HiddenStatePca.of(states, 3).axes()) {
            int biggest = 0;
            for (int j = 0; j < axis.length; j++) if (Math.abs(axis[j]) > Math.abs(axis[biggest])) biggest = j;
            assertEquals(1.0, Math.signum(axis[biggest]));
        }
    }

    @Test
    void aTracesLayerIsReadStepByStepAndFewStatesLeaveTheRestAtZero() {
        RnnModel m = TestModels.series(CellType.LSTM, 2, 5, 2, 1, 9);
        Trace trace = ForwardPass.run(m, InputBatch.ofVectors(TestModels.vectors(20, 2, 10)));
        double[][] h1 = new double[20][];
        for (int t = 0; t < 20; t++) h1[t] = java.util.Arrays.copyOf(trace.layer(1).h[t].data, 5);
        assertArrayEquals(HiddenStatePca.of(h1, 2).path()[13], HiddenStatePca.of(trace, 1, 2).path()[13], 0.0);

        // two states span one direction: all the variance is on the first axis
        HiddenStatePca two = HiddenStatePca.of(new double[][] {{1, 2, 3}, {3, 2, 1}}, 3);
        assertArrayEquals(new double[] {1, 0, 0}, two.explained(), 1e-12);
        assertEquals(2.0, two.variance()[0], 1e-12); // (±√2)² on average: |h0 − h1|² / 4 = 8 / 4
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
