package org.rnnexplorer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The hand-written kernels against the plain sums they stand for, across their chunk and remainder boundaries. */
class MatrixKernelsTest {

    static DMatrixRMaj random(int rows, int cols, Random r) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        RandomModels.fill(m, 1.0, r);
        return m;
    }

    @ParameterizedTest
    @CsvSource({"1,1,1", "1,7,3", "1,64,256", "3,5,2", "4,256,64", "2,13,9", "5,3,300"})
    void multAddIsTheMatrixProduct(int batch, int m, int n) {
        Random r = new Random(batch * 1000L + m * 10L + n);
        DMatrixRMaj a = random(batch, m, r), b = random(m, n, r), c = random(batch, n, r);
        DMatrixRMaj expected = c.copy();
        for (int i = 0; i < batch; i++)
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < m; k++) s += a.get(i, k) * b.get(k, j);
                expected.add(i, j, s);
            }
        double[][] rows = new double[m][n];
        MatrixKernels.toRows(b, rows);
        MatrixKernels.multAdd(a, rows, c, new double[n]);
        for (int i = 0; i < expected.data.length; i++)
            assertEquals(expected.data[i], c.data[i], 1e-12 * (1 + Math.abs(expected.data[i])));
    }

    /** rows, n, steps, batch: chunks of steps (16 KB of y rows) and of batch pairs (64) both get crossed. */
    @ParameterizedTest
    @CsvSource({"4,3,1,1", "12,5,7,1", "256,64,200,1", "1024,256,37,1", "64,16,50,1", "48,16,33,3", "40,6,30,2",
            "8,300,9,1", "16,5,70,1"})
    void sumOfOuterProductsIsTheSumOverStepsAndSequences(int rows, int n, int steps, int batch) {
        Random r = new Random(rows * 7L + n * 13L + steps * 17L + batch);
        DMatrixRMaj[] d = new DMatrixRMaj[steps], y = new DMatrixRMaj[steps];
        for (int t = 0; t < steps; t++) {
            d[t] = random(batch, rows, r);
            y[t] = random(batch, n, r);
        }
        DMatrixRMaj w = random(rows, n, r), bias = random(1, rows, r);
        DMatrixRMaj ew = w.copy(), eb = bias.copy();
        for (int t = 0; t < steps; t++)
            for (int b = 0; b < batch; b++)
                for (int i = 0; i < rows; i++) {
                    eb.add(0, i, d[t].get(b, i));
                    for (int j = 0; j < n; j++) ew.add(i, j, d[t].get(b, i) * y[t].get(b, j));
                }
        MatrixKernels.addSumOfOuterProducts(d, y, steps, w, bias, new double[Math.max(rows, n)],
                batch > 1 ? new MatrixKernels.BatchChunk(n) : null);
        double scale = Math.sqrt(steps * batch);
        for (int i = 0; i < ew.data.length; i++) assertEquals(ew.data[i], w.data[i], 1e-12 * scale, "W entry " + i);
        for (int i = 0; i < rows; i++) assertEquals(eb.data[i], bias.data[i], 1e-12 * scale, "bias " + i);
    }
}
