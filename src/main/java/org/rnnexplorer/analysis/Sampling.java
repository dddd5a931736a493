package org.rnnexplorer.analysis;

import java.util.Arrays;
import java.util.Random;

/**
 * How the next token is drawn from the readout's logits z (V numbers): softmax with temperature T, restricted to the
 * k largest logits,
 * <pre>
 * q_i = exp(z_i / T) / Σ_{j ∈ K} exp(z_j / T)   for i ∈ K,   q_i = 0 otherwise,
 * </pre>
 * where K holds the k indices with the largest logits (ties broken towards the lower index; k = 0 or k ≥ V: every
 * index). T = 0, and k = 1, put all the mass on the argmax (the lowest index among equal maxima). T = 1 with no
 * restriction is the model's own distribution.
 *
 * @param temperature T ≥ 0
 * @param topK k ≥ 0 (0: no restriction)
 */
public record Sampling(double temperature, int topK) {

    public Sampling {
        if (!(temperature >= 0) || Double.isInfinite(temperature))
            throw new IllegalArgumentException("--temperature must be a number at least 0, got " + temperature);
        if (topK < 0) throw new IllegalArgumentException("--top-k must not be negative, got " + topK);
    }

    /** Always the likeliest token. */
    public static Sampling greedy() {
        return new Sampling(0, 0);
    }

    /** Whether this always picks the argmax (T = 0 or k = 1). */
    public boolean isGreedy() {
        return temperature == 0 || topK == 1;
    }

    /**
     * Writes q (the distribution above) for the V logits at {@code z[offset..offset+V)} into {@code q[0..V)};
     * {@code scratch} holds at least V numbers. Allocates nothing.
     */
    public void distribution(double[] z, int offset, int v, double[] q, double[] scratch) {
        Arrays.fill(q, 0, v, 0.0);
        if (isGreedy()) {
            q[argmax(z, offset, v)] = 1.0;
            return;
        }
        int k = topK == 0 || topK >= v ? v : topK;
        double max = z[offset + argmax(z, offset, v)], threshold = Double.NEGATIVE_INFINITY;
        int tiesLeft = v;
        if (k < v) {
            // the k-th largest logit, then every index above it and, among those equal to it, the lowest first
            System.arraycopy(z, offset, scratch, 0, v);
            Arrays.sort(scratch, 0, v);
            threshold = scratch[v - k];
            int above = 0;
            for (int i = 0; i < v; i++) if (z[offset + i] > threshold) above++;
            tiesLeft = k - above;
        }
        double sum = 0;
        for (int i = 0; i < v; i++) {
            double zi = z[offset + i];
            boolean in = zi > threshold || (zi == threshold && tiesLeft-- > 0);
            if (!in) continue;
            q[i] = Math.exp((zi - max) / temperature);
            sum += q[i];
        }
        for (int i = 0; i < v; i++) q[i] /= sum;
    }

    /**
     * Draws one index from q: the first i whose cumulative Σ_{j ≤ i} q_j exceeds u, u uniform in [0, 1) from
     * {@code random} (one draw per call, none when greedy). {@code q} and {@code scratch} are workspaces of V numbers.
     */
    public int sample(double[] z, int offset, int v, Random random, double[] q, double[] scratch) {
        if (isGreedy()) return argmax(z, offset, v);
        distribution(z, offset, v, q, scratch);
        double u = random.nextDouble(), cumulative = 0;
        int last = 0;
        for (int i = 0; i < v; i++) {
            if (q[i] == 0) continue;
            cumulative += q[i];
            last = i;
            if (u < cumulative) return i;
        }
        return last; // u within rounding of 1
    }

    /** The index of the largest of {@code z[offset..offset+v)}, the lowest among equals. */
    public static int argmax(double[] z, int offset, int v) {
        int best = 0;
        for (int i = 1; i < v; i++) if (z[offset + i] > z[offset + best]) best = i;
        return best;
    }

    /** "T = 0.8, top-k 5" for files and the UI. */
    public String describe() {
        if (isGreedy()) return "greedy (argmax)";
        return "T = " + temperature + (topK == 0 ? ", all tokens" : ", top-k " + topK);
    }
}
