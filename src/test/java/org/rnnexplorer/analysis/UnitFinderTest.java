package org.rnnexplorer.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.rnnexplorer.model.CellType;

/** The finder's numbers against direct computations, on series made up for the purpose. */
class UnitFinderTest {

    /** Reads {@code columns} in blocks of {@code block} steps, to test the pass across block edges. */
    private static UnitSeries inBlocks(FloatColumns columns, int block) {
        return new UnitSeries() {
            @Override
            public SeriesLayout layout() {
                return columns.layout();
            }

            @Override
            public int steps() {
                return columns.steps();
            }

            @Override
            public int preferredBlock() {
                return block;
            }

            @Override
            public void read(int series, int from, int length, float[] into) {
                columns.read(series, from, length, into);
            }
        };
    }

    /** Random series around very different levels (a cell state near 100 with small swings, a gate near 0.5...). */
    private static FloatColumns randomColumns(SeriesLayout layout, int steps, long seed) {
        Random r = new Random(seed);
        float[][] c = new float[layout.count()][steps];
        for (int s = 0; s < c.length; s++) {
            double level = s % 3 == 0 ? 100 : s % 3 == 1 ? 0.5 : -3, scale = s % 3 == 0 ? 0.01 : 0.3;
            for (int t = 0; t < steps; t++) c[s][t] = (float) (level + scale * r.nextGaussian());
        }
        return new FloatColumns(layout, c);
    }

    /** Pearson's r the textbook way: means first, then the centred sums. */
    private static double pearson(float[] x, double[] y) {
        double mx = 0, my = 0;
        for (int t = 0; t < x.length; t++) {
            mx += x[t];
            my += y[t];
        }
        mx /= x.length;
        my /= x.length;
        double sxy = 0, sxx = 0, syy = 0;
        for (int t = 0; t < x.length; t++) {
            sxy += (x[t] - mx) * (y[t] - my);
            sxx += (x[t] - mx) * (x[t] - mx);
            syy += (y[t] - my) * (y[t] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    @Test
    void correlationsAreThoseOfTheTextbookFormulaAcrossBlockEdges() {
        SeriesLayout layout = new SeriesLayout(CellType.LSTM, 2, 3);
        int steps = 1000;
        FloatColumns columns = randomColumns(layout, steps, 1);
        // a target that half the series follow, so the correlations are far from 0
        double[] y = new double[steps];
        Random r = new Random(2);
        for (int t = 0; t < steps; t++) y[t] = r.nextInt(4);
        for (int s = 0; s < layout.count(); s += 2)
            for (int t = 0; t < steps; t++) columns.column(s)[t] += (float) (0.05 * (s % 5 + 1) * y[t]);
        Ranking ranking = UnitFinder.rank(inBlocks(columns, 97), new Target("y", y, true),
                UnitFinder.Options.defaults().withThreads(1));
        assertEquals(layout.count(), ranking.scores().size());
        for (UnitScore s : ranking.scores())
            assertEquals(pearson(columns.column(s.index()), y), s.correlation(), 1e-9, s.series().label());
        for (int i = 1; i < ranking.scores().size(); i++)
            assertTrue(Math.abs(ranking.scores().get(i - 1).correlation()) >= Math.abs(ranking.scores().get(i).correlation()),
                    "best |r| first");
        assertTrue(Math.abs(ranking.best().correlation()) > 0.5, "the followers lead: " + ranking.best());
    }

    @Test
    void precisionAndRecallCountTheOnStepsWithTheSignThatCorrelates() {
        // a GRU layer of one unit: h (tanh), reset and update (sigmoid), candidate (tanh)
        SeriesLayout layout = new SeriesLayout(CellType.GRU, 1, 1);
        float[] h = {0.1f, 0.2f, 0.9f, 0.8f, 0.3f, 0.7f, 0.0f, 0.6f};
        double[] y = {0, 0, 1, 1, 1, 0, 0, 1};
        float[] reset = new float[8], update = new float[8], candidate = new float[8];
        for (int t = 0; t < 8; t++) {
            reset[t] = 1 - h[t];      // falls where h rises: on where 1 - x > 0.5, i.e. x < 0.5
            update[t] = 0.5f;         // constant
            candidate[t] = -h[t];     // on where -x > 0.5
        }
        Ranking ranking = UnitFinder.rank(new FloatColumns(layout, new float[][] {h, reset, update, candidate}),
                new Target("y", y, false), UnitFinder.Options.defaults().withThreshold(0.5));
        // h on at steps 2, 3, 5, 7; the hypothesis at 2, 3, 4, 7: 3 of 4 either way
        assertEquals("update", ranking.scores().get(3).series().quantity().id(), "the constant series comes last");
        for (UnitScore s : ranking.top(3)) {
            assertEquals(4, s.onSteps(), s.series().label());
            assertEquals(0.75, s.precision(), 1e-12, s.series().label());
            assertEquals(0.75, s.recall(), 1e-12, s.series().label());
            assertEquals(s.series().quantity().id().equals("h"), s.correlation() > 0, s.series().label());
        }
        UnitScore constant = ranking.scores().get(3);
        assertEquals(0.0, constant.correlation());
        assertEquals(0, constant.onSteps(), "0.5 is not above 0.5");
        assertTrue(Double.isNaN(constant.precision()), "never on: precision undefined");
        assertEquals(4, ranking.hypothesisOnSteps());
    }

    @Test
    void aSparklinePointIsTheMeanOfItsStretchOfSteps() {
        SeriesLayout layout = new SeriesLayout(CellType.RNN, 1, 1);
        float[] x = new float[10];
        double[] y = new double[10];
        for (int t = 0; t < 10; t++) {
            x[t] = t;
            y[t] = 10 - t;
        }
        Ranking r = UnitFinder.rank(inBlocks(new FloatColumns(layout, new float[][] {x}), 3), new Target("y", y, true),
                new UnitFinder.Options(0.5, 4, 1));
        // stretches ⌊t·4/10⌋: {0, 1, 2}, {3, 4}, {5, 6, 7}, {8, 9}
        assertArrayEquals(new float[] {1f, 3.5f, 6f, 8.5f}, r.best().sparkline(), 1e-6f);
        assertArrayEquals(new float[] {9f, 6.5f, 4f, 1.5f}, r.hypothesisSparkline(), 1e-6f);
        assertEquals(-1.0, r.best().correlation(), 1e-12);
    }

    @Test
    void twoThreadsAndSeveralTargetsGiveWhatOneThreadGivesForEachAlone() {
        SeriesLayout layout = new SeriesLayout(CellType.LSTM, 2, 5);
        FloatColumns columns = randomColumns(layout, 500, 3);
        Random r = new Random(4);
        List<Target> targets = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            double[] y = new double[500];
            for (int t = 0; t < 500; t++) y[t] = r.nextInt(2);
            targets.add(new Target("t" + k, y, false));
        }
        List<Ranking> together = UnitFinder.rank(inBlocks(columns, 64), targets,
                UnitFinder.Options.defaults().withThreads(2), UnitFinder.Progress.NONE);
        for (int k = 0; k < 3; k++) {
            Ranking alone = UnitFinder.rank(columns, targets.get(k), UnitFinder.Options.defaults().withThreads(1));
            for (int i = 0; i < alone.scores().size(); i++) {
                UnitScore a = alone.scores().get(i), b = together.get(k).scores().get(i);
                assertEquals(a.series(), b.series());
                assertEquals(a.correlation(), b.correlation(), 1e-12);
                assertEquals(a.precision(), b.precision(), 0.0);
                assertEquals(a.recall(), b.recall(), 0.0);
            }
        }
    }

    @Test
    void progressHearsEveryBlockAndCanCancel() {
        SeriesLayout layout = new SeriesLayout(CellType.LSTM, 1, 2);
        UnitSeries series = inBlocks(randomColumns(layout, 100, 5), 30);
        Target y = new Target("y", new double[100], false);
        List<Integer> heard = new ArrayList<>();
        UnitFinder.rank(series, List.of(y), UnitFinder.Options.defaults(), new UnitFinder.Progress() {
            @Override
            public void stepsDone(int done, int total) {
                heard.add(done);
                assertEquals(100, total);
            }
        });
        assertEquals(List.of(30, 60, 90, 100), heard);
        int[] blocks = {0};
        assertThrows(CancellationException.class, () -> UnitFinder.rank(series, List.of(y), UnitFinder.Options.defaults(),
                new UnitFinder.Progress() {
                    @Override
                    public void stepsDone(int done, int total) {
                        blocks[0]++;
                    }

                    @Override
                    public boolean isCancelled() {
                        return blocks[0] == 2;
                    }
                }));
        assertEquals(2, blocks[0], "stopped before the third block");
    }

    @Test
    void aConstantHypothesisIsFlaggedAndCorrelatesWithNothing() {
        SeriesLayout layout = new SeriesLayout(CellType.LSTM, 1, 2);
        Ranking r = UnitFinder.rank(randomColumns(layout, 50, 6), new Target("digit", new double[50], false),
                UnitFinder.Options.defaults());
        assertTrue(r.constant());
        assertEquals(0, r.passing(0.01));
        assertTrue(r.scores().stream().allMatch(s -> s.correlation() == 0 && Double.isNaN(s.recall())));
    }

    @Test
    void aTargetOfAnotherLengthIsRefused() {
        SeriesLayout layout = new SeriesLayout(CellType.RNN, 1, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UnitFinder.rank(
                randomColumns(layout, 50, 7), new Target("y", new double[49], false), UnitFinder.Options.defaults()));
        assertEquals("y has 49 steps, the series 50", e.getMessage());
    }
}
