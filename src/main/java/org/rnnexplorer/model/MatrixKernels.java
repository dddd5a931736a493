package org.rnnexplorer.model;

import org.ejml.data.DMatrixRMaj;

/**
 * The products the recurrence spends its time in, written out by hand.
 *
 * <p>Why not {@code CommonOps_DDRM.mult} / {@code multAddTransA}: for a batch of one, EJML's {@code mult_reorder}
 * adds one row of B into the output per entry of a ({@code c += a_k · B_k}, loading and storing the output row once
 * per row of B), and its rank-one {@code multAddTransA} for the weight gradients reads and writes the whole
 * [G·H][H] gradient at every step. Neither loop is vectorised by Java 17's JIT here. The kernels below take the
 * matrix as an array of rows ({@code double[][]}, each row its own array: the JIT vectorises a loop that reads
 * several arrays at {@code j}, but not one that reads one array at several offsets) and add four rows per pass over
 * the output. Measured on this machine for one step of H = 64: 64×256 in about 1.1 µs and 256×64 in 1.4 µs, against
 * 4.2 and 5.4 µs for {@code CommonOps_DDRM.mult}. The weight gradients {@code Σ_t dpre_tᵀ y_t} are summed once per
 * layer over all steps, four steps per pass over a gradient row.
 *
 * <p>The sums run in another order than EJML's, so results differ from it in the last bits (about 1e-15 relative).
 */
final class MatrixKernels {
    private MatrixKernels() {
    }

    /**
     * Copies the row-major {@code m} [r][n] into rows {@code out[r][n]}.
     *
     * @param m   the matrix. Not modified.
     * @param out r rows of at least n entries. Modified.
     */
    static void toRows(DMatrixRMaj m, double[][] out) {
        int n = m.numCols;
        for (int i = 0; i < m.numRows; i++) System.arraycopy(m.data, i * n, out[i], 0, n);
    }

    /**
     * Writes {@code mᵀ} [n][r] into rows {@code out[n][r]}.
     *
     * @param m   the matrix [r][n]. Not modified.
     * @param out n rows of at least r entries. Modified.
     */
    static void toTransposedRows(DMatrixRMaj m, double[][] out) {
        int r = m.numRows, n = m.numCols;
        double[] d = m.data;
        for (int i = 0; i < r; i++)
            for (int j = 0; j < n; j++) out[j][i] = d[i * n + j];
    }

    /**
     * {@code c[j] += Σ_k a[aOff + k] · rows[k][j]} for j < n, k < rows.length: the row vector a times the matrix
     * whose k-th row is {@code rows[k]}, added into c. (c starts at index 0: an offset into c stops the JIT from
     * vectorising the loop, 2.5 times slower.)
     *
     * @param a    holds the row vector at {@code aOff..aOff+rows.length−1}. Not modified.
     * @param rows the matrix, one array per row, each at least n long. Not modified.
     * @param c    the sum, first n entries. Modified. Must not be {@code a} or one of the rows.
     */
    static void addRowTimesRows(double[] a, int aOff, double[][] rows, double[] c, int n) {
        if (c == a) throw new IllegalArgumentException("the sum c cannot be the vector a");
        int m = rows.length, k = 0;
        for (; k + 3 < m; k += 4) {
            double a0 = a[aOff + k], a1 = a[aOff + k + 1], a2 = a[aOff + k + 2], a3 = a[aOff + k + 3];
            double[] b0 = rows[k], b1 = rows[k + 1], b2 = rows[k + 2], b3 = rows[k + 3];
            for (int j = 0; j < n; j++) c[j] += a0 * b0[j] + a1 * b1[j] + a2 * b2[j] + a3 * b3[j];
        }
        for (; k < m; k++) {
            double a0 = a[aOff + k];
            double[] b0 = rows[k];
            for (int j = 0; j < n; j++) c[j] += a0 * b0[j];
        }
    }

    /**
     * {@code C += A·B} for every row of A [rows][m], B given as m rows of length n, C [rows][n]. A batch of one works
     * in place; otherwise each row of C passes through {@code rowScratch}.
     *
     * @param a          the left matrix. Not modified.
     * @param b          the right matrix as m rows of at least n entries. Not modified.
     * @param c          the sum. Modified. Must not be {@code a}.
     * @param rowScratch at least n entries. Modified.
     */
    static void multAdd(DMatrixRMaj a, double[][] b, DMatrixRMaj c, double[] rowScratch) {
        if (a.data == c.data) throw new IllegalArgumentException("the sum C cannot be the matrix A");
        if (a.numRows != c.numRows) throw new IllegalArgumentException("A has " + a.numRows + " rows, C " + c.numRows);
        int m = a.numCols, n = c.numCols;
        if (c.numRows == 1) {
            addRowTimesRows(a.data, 0, b, c.data, n);
            return;
        }
        for (int r = 0; r < a.numRows; r++) {
            System.arraycopy(c.data, r * n, rowScratch, 0, n);
            addRowTimesRows(a.data, r * m, b, rowScratch, n);
            System.arraycopy(rowScratch, 0, c.data, r * n, n);
        }
    }

    /** Whether every entry of m (not modified) is 0 (the usual initial state), so a product with it can be skipped. */
    static boolean isZero(DMatrixRMaj m) {
        for (double v : m.data) if (v != 0.0) return false;
        return true;
    }

    /** Bytes of y_t rows one chunk of steps may hold, so that they stay in the level-1 cache while W is swept. */
    private static final int CHUNK_BYTES = 16 * 1024;

    /**
     * {@code W[i][j] += Σ_{t<steps} Σ_b d_t[b][i] · y_t[b][j]}, that is {@code W += Σ_t d_tᵀ y_t}, with d_t [B][rows]
     * and y_t [B][n]; W [rows][n]. Also {@code bias[i] += Σ_t Σ_b d_t[b][i]}.
     *
     * @param d          per step, [B][rows]; the first {@code steps} are read. Not modified.
     * @param y          per step, [B][n]; the first {@code steps} are read. Not modified.
     * @param w          the sum [rows][n]. Modified. Must not be one of the d_t or y_t.
     * @param bias       the bias sum [1][rows]. Modified.
     * @param rowScratch at least max(rows, n) entries. Modified.
     * @param chunk      the workspace for a batch of more than one. Modified. May be null for a batch of one.
     */
    static void addSumOfOuterProducts(DMatrixRMaj[] d, DMatrixRMaj[] y, int steps, DMatrixRMaj w, DMatrixRMaj bias,
                                      double[] rowScratch, BatchChunk chunk) {
        if (steps > 0 && (w.data == d[0].data || w.data == y[0].data || bias.data == d[0].data))
            throw new IllegalArgumentException("the sum W cannot be one of the matrices it sums");
        if (steps == 0) return;
        if (d[0].numRows > 1) sumOverBatch(d, y, steps, w, rowScratch, chunk);
        else if (w.numCols < 32 && w.numRows > w.numCols) sumByColumns(d, y, steps, w, rowScratch);
        else sumByRows(d, y, steps, w, rowScratch);
        int rows = w.numRows, batch = d[0].numRows;
        double[] bd = bias.data;
        for (int t = 0; t < steps; t++) {
            double[] dd = d[t].data;
            for (int b = 0; b < batch; b++)
                for (int i = 0; i < rows; i++) bd[i] += dd[b * rows + i];
        }
    }

    /**
     * Workspace for {@link #sumOverBatch}: copies of the y rows of a chunk of (step, sequence) pairs, each in its own
     * array, and where each pair's d row starts.
     */
    static final class BatchChunk {
        static final int PAIRS = 64;
        final double[][] y;
        final double[][] d = new double[PAIRS][];
        final int[] dOffset = new int[PAIRS];

        BatchChunk(int widestRow) {
            y = new double[PAIRS][widestRow];
        }
    }

    /**
     * The batched form of {@link #sumByRows}: the (step, sequence) pairs go in chunks of {@link BatchChunk#PAIRS}, whose
     * rows y_t[b] are first copied into arrays of their own (rows of one matrix, read at offsets, would not vectorise).
     */
    private static void sumOverBatch(DMatrixRMaj[] d, DMatrixRMaj[] y, int steps, DMatrixRMaj w, double[] acc,
                                     BatchChunk chunk) {
        int rows = w.numRows, n = w.numCols, batch = d[0].numRows, pairs = steps * batch;
        double[] wd = w.data;
        for (int from = 0; from < pairs; from += BatchChunk.PAIRS) {
            int count = Math.min(BatchChunk.PAIRS, pairs - from);
            for (int q = 0; q < count; q++) {
                int t = (from + q) / batch, b = from + q - t * batch;
                System.arraycopy(y[t].data, b * n, chunk.y[q], 0, n);
                chunk.d[q] = d[t].data;
                chunk.dOffset[q] = b * rows;
            }
            for (int i = 0; i < rows; i++) {
                int wo = i * n;
                System.arraycopy(wd, wo, acc, 0, n);
                int q = 0;
                for (; q + 3 < count; q += 4) {
                    double a0 = chunk.d[q][chunk.dOffset[q] + i], a1 = chunk.d[q + 1][chunk.dOffset[q + 1] + i];
                    double a2 = chunk.d[q + 2][chunk.dOffset[q + 2] + i], a3 = chunk.d[q + 3][chunk.dOffset[q + 3] + i];
                    double[] y0 = chunk.y[q], y1 = chunk.y[q + 1], y2 = chunk.y[q + 2], y3 = chunk.y[q + 3];
                    for (int j = 0; j < n; j++) acc[j] += a0 * y0[j] + a1 * y1[j] + a2 * y2[j] + a3 * y3[j];
                }
                for (; q < count; q++) {
                    double a0 = chunk.d[q][chunk.dOffset[q] + i];
                    double[] y0 = chunk.y[q];
                    for (int j = 0; j < n; j++) acc[j] += a0 * y0[j];
                }
                System.arraycopy(acc, 0, wd, wo, n);
            }
        }
    }

    /**
     * Batch of one: row i of W gets {@code Σ_t d_t[i] · y_t} (a sum of rows y_t), four steps per pass over the row.
     * The steps go in chunks whose y_t rows fit in {@link #CHUNK_BYTES}, and each chunk sweeps all of W, so the y_t
     * stay cached.
     */
    private static void sumByRows(DMatrixRMaj[] d, DMatrixRMaj[] y, int steps, DMatrixRMaj w, double[] acc) {
        int rows = w.numRows, n = w.numCols;
        int chunk = Math.max(4, CHUNK_BYTES / (8 * n) / 4 * 4);
        double[] wd = w.data;
        for (int from = 0; from < steps; from += chunk) {
            int to = Math.min(steps, from + chunk);
            for (int i = 0; i < rows; i++) {
                int wo = i * n;
                System.arraycopy(wd, wo, acc, 0, n);
                int t = from;
                for (; t + 3 < to; t += 4) {
                    double a0 = d[t].data[i], a1 = d[t + 1].data[i], a2 = d[t + 2].data[i], a3 = d[t + 3].data[i];
                    double[] y0 = y[t].data, y1 = y[t + 1].data, y2 = y[t + 2].data, y3 = y[t + 3].data;
                    for (int j = 0; j < n; j++) acc[j] += a0 * y0[j] + a1 * y1[j] + a2 * y2[j] + a3 * y3[j];
                }
                for (; t < to; t++) {
                    double a0 = d[t].data[i];
                    double[] y0 = y[t].data;
                    for (int j = 0; j < n; j++) acc[j] += a0 * y0[j];
                }
                System.arraycopy(acc, 0, wd, wo, n);
            }
        }
    }

    /**
     * Batch of one: column j of W gets {@code Σ_t y_t[j] · d_t} (a sum of rows d_t), four steps per pass. For W
     * with short rows (input weights of a narrow input, n = D), where a loop over j would be too short to run fast.
     */
    private static void sumByColumns(DMatrixRMaj[] d, DMatrixRMaj[] y, int steps, DMatrixRMaj w, double[] acc) {
        int rows = w.numRows, n = w.numCols;
        double[] wd = w.data;
        for (int j = 0; j < n; j++) {
            java.util.Arrays.fill(acc, 0, rows, 0.0);
            int t = 0;
            for (; t + 3 < steps; t += 4) {
                double c0 = y[t].data[j], c1 = y[t + 1].data[j], c2 = y[t + 2].data[j], c3 = y[t + 3].data[j];
                double[] d0 = d[t].data, d1 = d[t + 1].data, d2 = d[t + 2].data, d3 = d[t + 3].data;
                for (int i = 0; i < rows; i++) acc[i] += c0 * d0[i] + c1 * d1[i] + c2 * d2[i] + c3 * d3[i];
            }
            for (; t < steps; t++) {
                double c0 = y[t].data[j];
                double[] d0 = d[t].data;
                for (int i = 0; i < rows; i++) acc[i] += c0 * d0[i];
            }
            for (int i = 0; i < rows; i++) wd[i * n + j] += acc[i];
        }
    }
}
