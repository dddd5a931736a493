package org.rnnexplorer.train;

import org.rnnexplorer.model.Trace;

/**
 * Finds the unit whose state follows a signal most closely (Karpathy et al. 2015's "interpretable cells"): the
 * Pearson correlation over the steps, {@code r = Σ(x−x̄)(s−s̄) / √(Σ(x−x̄)² Σ(s−s̄)²)}, of each unit's
 * h_t (or c_t for the LSTM) with the signal s_t; the unit with the largest |r| wins.
 *
 * @param unit the unit's index
 * @param r its correlation (its sign says whether the unit rises or falls with the signal)
 * @param cellState whether c_t (true) or h_t (false) was compared
 */
public record UnitCorrelation(int layer, int unit, double r, boolean cellState) {

    /** Over the steps of sequence 0. */
    public static UnitCorrelation best(Trace trace, int layer, double[] signal, boolean cellState) {
        return best(trace, layer, new double[][] {signal}, cellState);
    }

    /** Over every step of the first {@code signal.length} sequences of the batch ({@code signal[b][t]}). */
    public static UnitCorrelation best(Trace trace, int layer, double[][] signal, boolean cellState) {
        int steps = trace.steps(), hs = trace.hiddenSize();
        if (signal.length > trace.batch())
            throw new IllegalArgumentException("the signal has " + signal.length + " sequences, the trace " + trace.batch());
        for (double[] s : signal)
            if (s.length != steps)
                throw new IllegalArgumentException("the signal has " + s.length + " steps, the trace " + steps);
        if (cellState && trace.layer(layer).c == null)
            throw new IllegalArgumentException("only the LSTM has a cell state");
        UnitCorrelation best = new UnitCorrelation(layer, -1, 0.0, cellState);
        double[] x = new double[signal.length * steps], y = new double[x.length];
        for (int b = 0; b < signal.length; b++) System.arraycopy(signal[b], 0, y, b * steps, steps);
        for (int u = 0; u < hs; u++) {
            for (int b = 0; b < signal.length; b++)
                for (int t = 0; t < steps; t++) {
                    var m = cellState ? trace.layer(layer).c[t] : trace.layer(layer).h[t];
                    x[b * steps + t] = m.data[b * hs + u];
                }
            double r = pearson(x, y);
            if (Math.abs(r) > Math.abs(best.r())) best = new UnitCorrelation(layer, u, r, cellState);
        }
        return best;
    }

    static double pearson(double[] x, double[] y) {
        int n = x.length;
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx == 0 || syy == 0 ? 0.0 : sxy / Math.sqrt(sxx * syy);
    }
}
