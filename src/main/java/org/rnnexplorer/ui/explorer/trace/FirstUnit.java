package org.rnnexplorer.ui.explorer.trace;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rnnexplorer.model.Trace;

/** The unit to watch when a model opens. */
final class FirstUnit {
    private static final Pattern NAMED_UNIT = Pattern.compile("\\bunit (\\d+)\\b");

    private FirstUnit() {
    }

    /**
     * The unit the model's description names ("cell state unit 29 follows the bracket depth"), else the one whose h
     * varies most over the example.
     */
    static int of(ModelSource source, TraceResult r) {
        Matcher m = NAMED_UNIT.matcher(source.description() == null ? "" : source.description());
        if (m.find()) {
            int u = Integer.parseInt(m.group(1));
            if (u < r.model().hiddenSize()) return u;
        }
        return liveliest(r.original(), 0);
    }

    /** The unit whose h varies most over the trace (variance over the steps). */
    static int liveliest(Trace trace, int layer) {
        if (trace == null) return 0;
        int best = 0;
        double bestVar = -1;
        for (int u = 0; u < trace.hiddenSize(); u++) {
            double s = 0, s2 = 0;
            for (int t = 0; t < trace.steps(); t++) {
                double v = trace.hidden(layer, t, u);
                s += v;
                s2 += v * v;
            }
            double var = s2 / trace.steps() - (s / trace.steps()) * (s / trace.steps());
            if (var > bestVar) {
                bestVar = var;
                best = u;
            }
        }
        return best;
    }
}
