package org.rnnexplorer.analysis;

import org.rnnexplorer.model.Trace;

/**
 * How saturated a gate is: the share of its values (all units, all steps of sequence 0) near its ends. For a σ
 * gate: below 0.1 (closed) and above 0.9 (open); for a tanh block: below −0.9 and above 0.9. Saturated values pass
 * almost no gradient (σ' and tanh' are near 0 there).
 *
 * @param low    share below 0.1 (σ) or −0.9 (tanh)
 * @param middle share in between
 * @param high   share above 0.9
 */
public record Saturation(double low, double middle, double high) {
    public static final double SIGMOID_LOW = 0.1;
    public static final double HIGH = 0.9;
    public static final double TANH_LOW = -0.9;

    public static Saturation of(Trace trace, int layer, Quantity quantity) {
        double lowEdge = quantity.range() == Quantity.Range.SIGMOID ? SIGMOID_LOW : TANH_LOW;
        long lo = 0, hi = 0, n = 0;
        for (int t = 0; t < trace.steps(); t++) {
            for (int u = 0; u < trace.hiddenSize(); u++) {
                double v = quantity.value(trace, layer, t, u);
                if (v < lowEdge) lo++;
                else if (v > HIGH) hi++;
                n++;
            }
        }
        return new Saturation(lo / (double) n, (n - lo - hi) / (double) n, hi / (double) n);
    }
}
