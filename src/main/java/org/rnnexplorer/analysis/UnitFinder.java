package org.rnnexplorer.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Scores every series (every unit of every layer and quantity) against hypotheses in one pass over the series, and
 * ranks them by |r|. Per series and hypothesis:
 *
 * <ul>
 *   <li>Pearson's {@code r = Σ(x−x̄)(y−ȳ) / √(Σ(x−x̄)² · Σ(y−ȳ)²)} of the series x_t with the hypothesis y_t, from
 *       sums gathered in the one pass: with {@code d = x − x₀} (x₀ the first value, so the sums stay small) and
 *       {@code c = y − ȳ}, {@code Σ(x−x̄)(y−ȳ) = Σd·c − Σd·Σc/T} and {@code Σ(x−x̄)² = Σd² − (Σd)²/T}. r is 0 for a
 *       constant series or hypothesis.</li>
 *   <li>"On": the unit is on at step t when {@code x_t > θ} (r ≥ 0) or, for a unit that falls where the hypothesis
 *       rises (r &lt; 0), when its flipped value is: {@code −x_t > θ}, or {@code 1 − x_t > θ} for a σ gate.
 *       The hypothesis is on where its value is above 0 (for the graded bracket
 *       depth: inside at least one bracket). Precision = |unit on ∧ hypothesis on| / |unit on|,
 *       recall = |unit on ∧ hypothesis on| / |hypothesis on|.</li>
 *   <li>A sparkline: the mean of x over each of P equal stretches of steps (stretch b holds the steps t with
 *       ⌊t·P/T⌋ = b).</li>
 * </ul>
 *
 * <p>The pass reads the series in blocks (see {@link UnitSeries}), each series' block once into a float buffer
 * that then stays in the cache for every hypothesis; sums are doubles, nothing is boxed. The series of a block
 * are split between {@link Options#threads()} threads. Call it from a background thread: {@link Progress} hears
 * after each block and can cancel it.
 */
public final class UnitFinder {

    /**
     * @param threshold       θ, the value above which a unit is on (for an LSTM's h, 0.5 is a clear "on")
     * @param sparklinePoints P, the points of each sparkline (fewer when there are fewer steps)
     * @param threads         threads scoring at once (the calling thread is one of them)
     */
    public record Options(double threshold, int sparklinePoints, int threads) {
        public Options {
            if (!Double.isFinite(threshold)) throw new IllegalArgumentException("the threshold must be a number, got " + threshold);
            if (sparklinePoints < 1) throw new IllegalArgumentException("a sparkline needs a point");
            if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }

        /** θ = 0.5, 100 sparkline points, one thread per processor. */
        public static Options defaults() {
            return new Options(0.5, 100, Runtime.getRuntime().availableProcessors());
        }

        public Options withThreshold(double t) {
            return new Options(t, sparklinePoints, threads);
        }

        public Options withThreads(int n) {
            return new Options(threshold, sparklinePoints, n);
        }
    }

    /** Hears how far the pass is, and may stop it. Called on the scoring thread. */
    public interface Progress {
        Progress NONE = new Progress() { };

        /** After each block: {@code done} of {@code total} steps scored. */
        default void stepsDone(int done, int total) {
        }

        /** Checked before each block; true stops the pass with a {@link CancellationException}. */
        default boolean isCancelled() {
            return false;
        }
    }

    private UnitFinder() {
    }

    /** One hypothesis. */
    public static Ranking rank(UnitSeries series, Target target, Options options) {
        return rank(series, List.of(target), options, Progress.NONE).get(0);
    }

    /**
     * Every series against every target, in one pass; one ranking per target, in the targets' order.
     *
     * @throws CancellationException when {@code progress} cancels or the thread is interrupted
     */
    public static List<Ranking> rank(UnitSeries series, List<Target> targets, Options options, Progress progress) {
        for (Target t : targets)
            if (t.steps() != series.steps())
                throw new IllegalArgumentException(t.name() + " has " + t.steps() + " steps, the series " + series.steps());
        Pass pass = new Pass(series, targets, options);
        int steps = series.steps(), block = Math.max(1, Math.min(series.preferredBlock(), steps));
        int threads = Math.min(options.threads(), series.layout().count());
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads - 1, r -> {
            Thread th = new Thread(r, "unit-finder");
            th.setDaemon(true);
            return th;
        }) : null;
        try {
            float[][] buffers = new float[threads][block];
            for (int from = 0; from < steps; from += block) {
                if (progress.isCancelled() || Thread.currentThread().isInterrupted())
                    throw new CancellationException("the unit finder was cancelled");
                int f = from, len = Math.min(block, steps - from);
                series.prepare(f, len);
                if (pool == null) {
                    pass.blocks(0, pass.n, f, len, buffers[0]);
                } else {
                    List<Future<?>> parts = new ArrayList<>();
                    for (int w = 1; w < threads; w++) {
                        int lo = pass.n * w / threads, hi = pass.n * (w + 1) / threads;
                        float[] buf = buffers[w];
                        parts.add(pool.submit(() -> pass.blocks(lo, hi, f, len, buf)));
                    }
                    pass.blocks(0, pass.n / threads, f, len, buffers[0]);
                    for (Future<?> p : parts) join(p);
                }
                progress.stepsDone(from + len, steps);
            }
        } finally {
            if (pool != null) pool.shutdownNow();
        }
        List<Ranking> out = new ArrayList<>();
        for (int k = 0; k < targets.size(); k++) out.add(pass.ranking(k));
        return out;
    }

    private static void join(Future<?> part) {
        try {
            part.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("the unit finder was interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The sums of one pass: per series, and per series and target. */
    private static final class Pass {
        final UnitSeries series;
        final List<Target> targets;
        final int n;
        final int steps;
        final int points;
        final double threshold;
        final double[] onAbove;   // θ
        final double[] onBelow;   // the flipped value above θ: x < −θ, or x < 1 − θ for a σ gate
        final double[][] centred; // c = y − ȳ, per target
        final byte[][] targetOn;  // 1 where the target is on
        final float[] first;
        final double[] sumD;
        final double[] sumDD;
        final int[] above;
        final int[] below;
        final double[][] sumDC;
        final int[][] aboveOn;
        final int[][] belowOn;
        final double[][] pointSums;

        Pass(UnitSeries series, List<Target> targets, Options options) {
            this.series = series;
            this.targets = targets;
            SeriesLayout layout = series.layout();
            n = layout.count();
            steps = series.steps();
            points = Math.min(options.sparklinePoints(), steps);
            threshold = options.threshold();
            onAbove = new double[n];
            onBelow = new double[n];
            for (int s = 0; s < n; s++) {
                Quantity q = layout.id(s).quantity();
                onAbove[s] = threshold;
                onBelow[s] = q.range() == Quantity.Range.SIGMOID ? 1 - threshold : -threshold;
            }
            int k = targets.size();
            centred = new double[k][];
            targetOn = new byte[k][];
            for (int j = 0; j < k; j++) {
                double[] y = targets.get(j).values();
                double mean = 0;
                for (double v : y) mean += v;
                mean /= steps;
                centred[j] = new double[steps];
                targetOn[j] = new byte[steps];
                for (int t = 0; t < steps; t++) {
                    centred[j][t] = y[t] - mean;
                    targetOn[j][t] = (byte) (y[t] > 0 ? 1 : 0);
                }
            }
            first = new float[n];
            sumD = new double[n];
            sumDD = new double[n];
            above = new int[n];
            below = new int[n];
            sumDC = new double[k][n];
            aboveOn = new int[k][n];
            belowOn = new int[k][n];
            pointSums = new double[n][points];
        }

        /** Step t belongs to sparkline point ⌊t·P/T⌋; point b starts at ⌈b·T/P⌉. */
        int pointStart(int b) {
            return (int) (((long) b * steps + points - 1) / points);
        }

        void blocks(int lo, int hi, int from, int len, float[] x) {
            for (int s = lo; s < hi; s++) {
                series.read(s, from, len, x);
                block(s, from, len, x);
            }
        }

        private void block(int s, int from, int len, float[] x) {
            if (from == 0) first[s] = x[0];
            double x0 = first[s], up = onAbove[s], down = onBelow[s];
            double sd = 0, sdd = 0;
            int nAbove = 0, nBelow = 0;
            double[] ps = pointSums[s];
            int i = 0;
            while (i < len) {
                int b = (int) ((long) (from + i) * points / steps);
                int stop = Math.min(len, pointStart(b + 1) - from);
                double part = 0;
                for (; i < stop; i++) {
                    double v = x[i], d = v - x0;
                    part += d;
                    sdd += d * d;
                    nAbove += v > up ? 1 : 0;
                    nBelow += v < down ? 1 : 0;
                }
                ps[b] += part;
                sd += part;
            }
            sumD[s] += sd;
            sumDD[s] += sdd;
            above[s] += nAbove;
            below[s] += nBelow;
            for (int k = 0; k < centred.length; k++) {
                double[] c = centred[k];
                byte[] on = targetOn[k];
                double sdc = 0;
                int hitAbove = 0, hitBelow = 0;
                for (i = 0; i < len; i++) {
                    double v = x[i];
                    int o = on[from + i];
                    sdc += (v - x0) * c[from + i];
                    hitAbove += v > up ? o : 0;
                    hitBelow += v < down ? o : 0;
                }
                sumDC[k][s] += sdc;
                aboveOn[k][s] += hitAbove;
                belowOn[k][s] += hitBelow;
            }
        }

        Ranking ranking(int k) {
            Target target = targets.get(k);
            double sc = 0, scc = 0;
            for (double c : centred[k]) {
                sc += c;
                scc += c * c;
            }
            double varY = scc - sc * sc / steps;
            int targetOnSteps = target.onSteps();
            SeriesLayout layout = series.layout();
            List<UnitScore> scores = new ArrayList<>(n);
            for (int s = 0; s < n; s++) {
                double varX = sumDD[s] - sumD[s] * sumD[s] / steps;
                double cov = sumDC[k][s] - sumD[s] * sc / steps;
                double r = varX > 0 && varY > 0 ? Math.max(-1, Math.min(1, cov / Math.sqrt(varX * varY))) : 0;
                int unitOn = r >= 0 ? above[s] : below[s], hits = r >= 0 ? aboveOn[k][s] : belowOn[k][s];
                double precision = unitOn == 0 ? Double.NaN : hits / (double) unitOn;
                double recall = targetOnSteps == 0 ? Double.NaN : hits / (double) targetOnSteps;
                scores.add(new UnitScore(layout.id(s), s, r, precision, recall, unitOn, sparkline(s)));
            }
            scores.sort(Comparator.comparingDouble((UnitScore u) -> -Math.abs(u.correlation()))
                    .thenComparingInt(UnitScore::index));
            return new Ranking(target.name(), steps, threshold, targetOnSteps, target.isConstant(),
                    downsample(target.values()), List.copyOf(scores));
        }

        private float[] sparkline(int s) {
            float[] p = new float[points];
            for (int b = 0; b < points; b++)
                p[b] = (float) (first[s] + pointSums[s][b] / (pointStart(b + 1) - pointStart(b)));
            return p;
        }

        private float[] downsample(double[] y) {
            float[] p = new float[points];
            for (int b = 0; b < points; b++) {
                double sum = 0;
                int a = pointStart(b), e = pointStart(b + 1);
                for (int t = a; t < e; t++) sum += y[t];
                p[b] = (float) (sum / (e - a));
            }
            return p;
        }
    }
}
