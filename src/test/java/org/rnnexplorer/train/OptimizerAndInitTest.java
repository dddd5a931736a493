package org.rnnexplorer.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.rnnexplorer.data.tasks.RecallTask;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.RnnModel;

class OptimizerAndInitTest {

    private static Map<String, DMatrixRMaj> one(String name, double... values) {
        Map<String, DMatrixRMaj> m = new LinkedHashMap<>();
        m.put(name, new DMatrixRMaj(1, values.length, true, values));
        return m;
    }

    @Test
    void adamsFirstStepMovesEachWeightByTheLearningRateAgainstTheGradientSign() {
        Map<String, DMatrixRMaj> p = one("w", 1.0, 1.0, 1.0), g = one("w", 3.0, -0.002, 0.0);
        new Adam(0.1).step(p, g);
        // first step: m̂ = g, v̂ = g², so Δθ = −lr·g / (|g| + ε)
        assertEquals(1.0 - 0.1 * 3.0 / (3.0 + 1e-8), p.get("w").get(0, 0), 1e-15);
        assertEquals(1.0 + 0.1 * 0.002 / (0.002 + 1e-8), p.get("w").get(0, 1), 1e-15);
        assertEquals(1.0, p.get("w").get(0, 2), 0.0);
    }

    @Test
    void adamsSecondStepFollowsTheBiasCorrectedMoments() {
        Map<String, DMatrixRMaj> p = one("w", 0.0);
        Adam adam = new Adam(0.01);
        adam.step(p, one("w", 1.0));
        adam.step(p, one("w", 3.0));
        double m = 0.1 * 0.9 * 1 + 0.1 * 3, v = 0.001 * 0.999 * 1 + 0.001 * 9;
        double expected = -0.01 / (1 + 1e-8) - 0.01 / (1 - 0.81) * m / (Math.sqrt(v) / Math.sqrt(1 - 0.999 * 0.999) + 1e-8);
        assertEquals(expected, p.get("w").get(0, 0), 1e-15);
    }

    @Test
    void sgdWithMomentumAccumulates() {
        Map<String, DMatrixRMaj> p = one("w", 0.0);
        Sgd sgd = new Sgd(0.1, 0.9);
        sgd.step(p, one("w", 1.0));
        sgd.step(p, one("w", 1.0));
        assertEquals(-0.1 - 0.1 * 1.9, p.get("w").get(0, 0), 1e-15);
    }

    @Test
    void clippingKeepsTheDirectionAndCapsTheNorm() {
        Map<String, DMatrixRMaj> g = one("w", 3.0, 4.0);
        double n = GradientClipping.globalNorm(g);
        assertEquals(5.0, n, 1e-15);
        GradientClipping.clip(g, n, 1.0);
        assertEquals(0.6, g.get("w").get(0, 0), 1e-6);
        assertEquals(0.8, g.get("w").get(0, 1), 1e-6);
        Map<String, DMatrixRMaj> small = one("w", 0.3, 0.4);
        assertEquals(1.0, GradientClipping.clip(small, 0.5, 1.0));
        assertEquals(0.3, small.get("w").get(0, 0));
    }

    @Test
    void initialisationIsOrthogonalRecurrentXavierInputAndSetsTheForgetBias() {
        RecallTask task = new RecallTask(3, 8);
        RnnModel m = Initializer.create(task.shape(), CellType.LSTM, 12, 1, 0, 2.5, new Random(3));
        DMatrixRMaj whh = m.layer(0).wHh;
        for (int b = 0; b < 4; b++) {
            for (int i = 0; i < 12; i++) {
                for (int j = 0; j < 12; j++) {
                    double dot = 0;
                    for (int k = 0; k < 12; k++) dot += whh.get(b * 12 + i, k) * whh.get(b * 12 + j, k);
                    assertEquals(i == j ? 1.0 : 0.0, dot, 1e-12, "block " + b + " rows " + i + "," + j);
                }
            }
        }
        double bound = Math.sqrt(6.0 / (task.shape().inputSize() + 12));
        for (double v : m.layer(0).wIh.data) assertTrue(Math.abs(v) <= bound);
        for (int j = 0; j < 48; j++)
            assertEquals(j >= 12 && j < 24 ? 2.5 : 0.0, m.layer(0).bIh.get(0, j), 0.0, "bias " + j);
        RnnModel again = Initializer.create(task.shape(), CellType.LSTM, 12, 1, 0, 2.5, new Random(3));
        assertEquals(java.util.Arrays.toString(whh.data), java.util.Arrays.toString(again.layer(0).wHh.data));
    }
}
