package org.rnnexplorer.ui.explorer.strip;

import java.util.ArrayList;
import java.util.List;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.model.Trace;

/**
 * One of the readout's most likely next tokens after a step (or, for a classifier, one of its likeliest classes).
 *
 * @param token       the token as the vocabulary spells it (a classifier's class by its name)
 * @param probability its softmax probability
 */
public record Prediction(String token, double probability) {

    /** The {@code k} most probable next tokens after step t, most probable first; empty without a readout. */
    public static List<Prediction> top(RnnModel model, Trace trace, int t, int k) {
        return top(model.vocabulary(), trace, t, k);
    }

    /** A classifier's {@code k} most probable classes after step t, by their names, most probable first. */
    public static List<Prediction> topClasses(RnnModel model, Trace trace, int t, int k) {
        return top(model.labels(), trace, t, k);
    }

    private static List<Prediction> top(List<String> names, Trace trace, int t, int k) {
        List<Prediction> out = new ArrayList<>();
        if (trace == null || !trace.hasReadout()) return out;
        int v = trace.outputSize();
        int[] best = new int[Math.min(k, v)];
        java.util.Arrays.fill(best, -1);
        for (int j = 0; j < v; j++) {
            double p = trace.probability(t, j);
            for (int s = 0; s < best.length; s++) {
                if (best[s] < 0 || p > trace.probability(t, best[s])) {
                    System.arraycopy(best, s, best, s + 1, best.length - s - 1);
                    best[s] = j;
                    break;
                }
            }
        }
        for (int j : best)
            out.add(new Prediction(j < names.size() ? names.get(j) : "#" + j, trace.probability(t, j)));
        return out;
    }
}
