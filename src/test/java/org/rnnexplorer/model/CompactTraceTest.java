package org.rnnexplorer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The compact store of a long trace: what it shows is the float64 trace within each encoding's error; what
 * {@link CompactTrace#exact} gives is the float64 trace itself; the gradient window is full BPTT's gradient in the
 * window, and finite differences agree with it; recording can be watched and cancelled from another thread, and
 * allocates nothing per step.
 */
class CompactTraceTest {
    static final int STEPS = 700, VOCAB = 9;

    static RnnModel model(CellType cell, int layers, long seed) {
        return RandomModels.model(cell, 5, 12, layers, VOCAB, true, 0, 1.2, new Random(seed));
    }

    static int[] text(long seed, int steps) {
        return RandomModels.tokens(1, steps, VOCAB, new Random(seed))[0];
    }

    static CompactTrace recorded(RnnModel m, InputBatch x, List<Intervention> ivs, int every) {
        CompactTrace store = new CompactTrace(m, x, ivs, every);
        store.record(null);
        return store;
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void storedValuesAreTheTraceWithinTheirEncodingsError(CellType cell) {
        RnnModel m = model(cell, 2, 1);
        InputBatch x = InputBatch.ofTokens(text(2, STEPS));
        Trace full = ForwardPass.run(m, x);
        CompactTrace store = recorded(m, x, List.of(), 32);
        assertTrue(store.isComplete());
        float[] out = new float[STEPS * 12];
        for (int l = 0; l < 2; l++) {
            for (int s = 0; s < store.series().size(); s++) {
                CompactTrace.Series series = store.series().get(s);
                store.read(l, s, 0, STEPS, out);
                for (int t = 0; t < STEPS; t++) {
                    for (int u = 0; u < 12; u++) {
                        double want = series.gate() == -1 ? full.hidden(l, t, u)
                                : series.gate() == -2 ? full.cellState(l, t, u) : full.gate(l, series.gate(), t, u);
                        double tol = series.encoding() == CompactTrace.Encoding.HALF ? Math.abs(want) * 0x1p-11 + 0x1p-25
                                : series.encoding().maxError() + 1e-7;
                        assertEquals(want, out[t * 12 + u], tol, series.key() + " layer " + l + " step " + t);
                        assertEquals(out[t * 12 + u], store.value(l, s, t, u));
                    }
                }
            }
        }
        float[] unit = new float[100];
        store.readUnit(1, 0, 7, 300, 400, unit);
        for (int t = 300; t < 400; t++) assertEquals(store.value(1, 0, t, 7), unit[t - 300]);
    }

    @Test
    void theSeriesAreNamedAsInTheTraceFile() {
        assertEquals(List.of("h", "c", "gates.input", "gates.forget", "gates.candidate", "gates.output"),
                CompactTrace.seriesOf(CellType.LSTM).stream().map(CompactTrace.Series::key).toList());
        assertEquals(List.of("h", "gates.reset", "gates.update", "gates.candidate"),
                CompactTrace.seriesOf(CellType.GRU).stream().map(CompactTrace.Series::key).toList());
        assertEquals(List.of("h"), CompactTrace.seriesOf(CellType.RNN).stream().map(CompactTrace.Series::key).toList());
        assertEquals(CompactTrace.Encoding.SIGNED8, CompactTrace.seriesOf(CellType.LSTM).get(4).encoding(), "g is tanh");
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void exactWindowsAreTheFloat64TraceWhereverTheyStart(CellType cell) {
        RnnModel m = model(cell, 3, 3);
        InputBatch x = InputBatch.ofTokens(text(4, STEPS));
        List<Intervention> ivs = List.of(Intervention.clampHidden(1, 3, 100, 450, -0.5));
        Trace full = ForwardPass.run(m, x, ivs);
        CompactTrace store = recorded(m, x, ivs, 64);
        for (int[] range : new int[][] {{0, 0}, {0, 63}, {64, 64}, {63, 65}, {130, 420}, {699, 699}, {5, 699}}) {
            StepWindow w = store.exact(range[0], range[1]);
            for (int t = range[0]; t <= range[1]; t++) {
                for (int l = 0; l < 3; l++) {
                    for (int u = 0; u < 12; u++) {
                        assertEquals(full.hidden(l, t, u), w.hidden(l, t, u), 0.0);
                        assertEquals(full.layer(l).hPrev(t).data[u], w.hiddenBefore(l, t, u), 0.0);
                        if (cell.hasCellState()) assertEquals(full.cellState(l, t, u), w.cellState(l, t, u), 0.0);
                        for (int g = 0; g < cell.blocks(); g++) {
                            assertEquals(full.gate(l, g, t, u), w.gate(l, g, t, u), 0.0);
                            assertEquals(full.preActivation(l, g, t, u), w.preActivation(l, g, t, u), 0.0);
                        }
                    }
                }
                for (int k = 0; k < VOCAB; k++) assertEquals(full.probability(t, k), w.probability(t, k), 0.0);
            }
            assertThrows(IndexOutOfBoundsException.class, () -> w.hidden(0, range[1] + 1, 0));
        }
    }

    /** The model's loss at step s alone, as a whole-trace objective: a target at s, none elsewhere. */
    static Objective lossAt(int[] ids, int s) {
        int[] targets = new int[ids.length];
        java.util.Arrays.fill(targets, -1);
        targets[s] = ids[s + 1];
        return new CrossEntropyObjective(new int[][] {targets}, "at " + s);
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void theGradientWindowIsFullBpttInsideTheWindow(CellType cell) {
        RnnModel m = model(cell, 2, 5);
        int[] ids = text(6, STEPS);
        InputBatch x = InputBatch.ofTokens(ids);
        List<Intervention> ivs = List.of(Intervention.clampGate(0, 0, 4, 200, 520, 0.25));
        Trace full = ForwardPass.run(m, x, ivs);
        CompactTrace store = recorded(m, x, ivs, 50);
        int s = 517, window = 233;
        Gradients expected = BackwardPass.run(m, full, lossAt(ids, s), ivs);
        StepWindow w = store.gradientWindow(StepObjective.nextTokenAt(ids, s), window);
        assertEquals(s - window + 1, w.firstStep());
        assertEquals(s, w.lastStep());
        for (int t = w.firstStep(); t <= s; t++) {
            for (int l = 0; l < 2; l++) {
                for (int u = 0; u < 12; u++) {
                    assertEquals(expected.layer(l).dH[t].data[u], w.gradH(l, t, u), 0.0, "dL/dh at " + t);
                    if (cell.hasCellState()) assertEquals(expected.layer(l).dC[t].data[u], w.gradC(l, t, u), 0.0);
                }
                assertEquals(expected.layer(l).hNorm(t), w.gradHNorm(l, t), 0.0);
            }
        }
        // v · h_s: full BPTT of DotObjective over the first s + 1 steps
        double[] v = new double[12];
        v[3] = 1;
        v[8] = -2;
        int[] head = java.util.Arrays.copyOf(ids, s + 1);
        Trace upToS = ForwardPass.run(m, InputBatch.ofTokens(head), ivs);
        Gradients dot = BackwardPass.run(m, upToS, new DotObjective(v), ivs);
        StepWindow wd = store.gradientWindow(StepObjective.dotAt(v, s), 1000);
        assertEquals(0, wd.firstStep(), "the window stops at step 0");
        for (int t = 0; t <= s; t++)
            for (int u = 0; u < 12; u++) assertEquals(dot.layer(1).dH[t].data[u], wd.gradH(1, t, u), 0.0);
    }

    @Test
    void theGradientWindowMatchesCentralDifferencesOfTheInput() {
        Random r = new Random(7);
        RnnModel m = RandomModels.model(CellType.LSTM, 3, 6, 2, 0, true, 4, 1.0, r);
        int steps = 300, s = 271, window = 40;
        double[][] xs = RandomModels.vectors(1, steps, 3, r)[0];
        double[] v = {0.5, -1, 0, 2, 0.1, 1};
        CompactTrace store = recorded(m, InputBatch.ofVectors(xs), List.of(), 16);
        StepWindow w = store.gradientWindow(StepObjective.dotAt(v, s), window);
        double eps = 1e-6;
        for (int t = s - window + 1; t <= s; t += 3) {
            for (int j = 0; j < 3; j++) {
                double keep = xs[t][j];
                xs[t][j] = keep + eps;
                double up = dotAt(m, xs, v, s);
                xs[t][j] = keep - eps;
                double down = dotAt(m, xs, v, s);
                xs[t][j] = keep;
                double numeric = (up - down) / (2 * eps), analytic = w.gradX(0, t, j);
                assertEquals(numeric, analytic, 1e-6 * Math.max(1e-2, Math.abs(numeric)), "dL/dx at " + t + "," + j);
            }
        }
    }

    static double dotAt(RnnModel m, double[][] xs, double[] v, int s) {
        Trace tr = ForwardPass.run(m, InputBatch.ofVectors(java.util.Arrays.copyOf(xs, s + 1)));
        double l = 0;
        for (int u = 0; u < v.length; u++) l += v[u] * tr.hidden(1, s, u);
        return l;
    }

    @Test
    void aGradientWindowNeedsAOneStepObjective() {
        RnnModel m = model(CellType.GRU, 1, 8);
        int[] ids = text(9, 300);
        CompactTrace store = recorded(m, InputBatch.ofTokens(ids), List.of(), 32);
        assertThrows(IllegalArgumentException.class,
                () -> store.gradientWindow(StepObjective.nextTokenEveryStep(ids), 100));
        assertThrows(IllegalArgumentException.class, () -> StepObjective.nextTokenAt(ids, 299), "no next token");
    }

    /** A pipeline over the layers on two threads stores the same bits and checkpoints as one thread. */
    @ParameterizedTest
    @EnumSource(CellType.class)
    void twoThreadsRecordTheSameBitsAsOne(CellType cell) {
        for (int layers : new int[] {1, 3}) {
            RnnModel m = model(cell, layers, 21);
            InputBatch x = InputBatch.ofTokens(text(22, 1500));
            List<Intervention> ivs = List.of(Intervention.clampHidden(0, 3, 300, 900, 0.4),
                    Intervention.clampGate(layers - 1, 0, 5, 100, 1200, 0.7));
            CompactTrace one = new CompactTrace(m, x, ivs, 64).withThreads(1), two = new CompactTrace(m, x, ivs, 64).withThreads(2);
            one.record(null);
            two.record(null);
            assertTrue(two.isComplete());
            float[] a = new float[1500 * 12], b = new float[1500 * 12];
            for (int l = 0; l < layers; l++)
                for (int s = 0; s < one.series().size(); s++) {
                    one.read(l, s, 0, 1500, a);
                    two.read(l, s, 0, 1500, b);
                    org.junit.jupiter.api.Assertions.assertArrayEquals(a, b, cell + " layer " + l + " " + one.series().get(s).key());
                }
            StepWindow e1 = one.exact(1300, 1310), e2 = two.exact(1300, 1310);
            for (int l = 0; l < layers; l++)
                for (int u = 0; u < 12; u++) assertEquals(e1.hidden(l, 1305, u), e2.hidden(l, 1305, u), 0.0);
        }
    }

    @Test
    void recordingCanBeWatchedAndCancelledFromAnotherThread() throws Exception {
        RnnModel m = model(CellType.LSTM, 2, 10);
        int steps = 5000;
        CompactTrace store = new CompactTrace(m, InputBatch.ofTokens(text(11, steps)), List.of());
        CountDownLatch firstChunk = new CountDownLatch(1), goOn = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                store.record(done -> {
                    firstChunk.countDown();
                    try {
                        goOn.await(120, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        worker.start();
        assertTrue(firstChunk.await(120, TimeUnit.SECONDS));
        int seen = store.completedSteps();
        assertTrue(seen > 0 && seen < steps, seen + " steps done");
        float[] out = new float[seen * 12];
        store.read(0, store.seriesIndex("c"), 0, seen, out); // a reader sees the completed steps
        StepWindow w = store.exact(seen - 10, seen - 1);
        assertEquals(w.cellState(0, seen - 1, 5), out[(seen - 1) * 12 + 5], Math.abs(out[(seen - 1) * 12 + 5]) * 1e-3);
        assertThrows(IndexOutOfBoundsException.class, () -> store.read(0, 0, 0, seen + 1, new float[(seen + 1) * 12]));
        store.cancel();
        goOn.countDown();
        worker.join(120_000);
        assertEquals(null, failure.get());
        assertTrue(store.isCancelled());
        assertEquals(seen, store.completedSteps(), "stopped at the end of the chunk it was in");
        assertTrue(!store.isComplete());
        assertThrows(IllegalStateException.class, () -> store.record(null));
    }

    @Test
    void recordingAllocatesNothingPerStep() {
        assumeTrue(AllocationTest.THREADS.isThreadAllocatedMemorySupported());
        RnnModel m = model(CellType.LSTM, 2, 12);
        long[] bytes = new long[2];
        int[] lengths = {2_000, 20_000};
        for (int round = 0; round < 3; round++) { // warm up, then measure
            for (int i = 0; i < 2; i++) {
                CompactTrace store = new CompactTrace(m, InputBatch.ofTokens(text(13, lengths[i])), List.of());
                bytes[i] = MemoryEstimateTest.allocated(() -> store.record(done -> { }));
            }
        }
        assertTrue(Math.abs(bytes[1] - bytes[0]) < 4096, "recording 2,000 steps allocated " + bytes[0]
                + " bytes, 20,000 steps " + bytes[1]);
    }

    @Test
    void theMemoryEstimateIsWhatTheStoreAllocates() {
        assumeTrue(AllocationTest.THREADS.isThreadAllocatedMemorySupported());
        RnnModel m = model(CellType.LSTM, 2, 14);
        InputBatch x = InputBatch.ofTokens(text(15, 30_000));
        long allocated = MemoryEstimateTest.allocated(() -> new CompactTrace(m, x, List.of(), 128).record(null));
        long estimate = CompactTrace.bytesFor(m, 30_000, 128);
        assertEquals(allocated, estimate, 0.05 * allocated);
    }
}
