package org.rnnexplorer.io;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.Gradients;
import org.rnnexplorer.model.Trace;

/**
 * A trace as CSV for spreadsheets and pandas: one row per step of sequence 0, one column per unit per quantity.
 * Header: {@code step,token,l0.h.0,…,l0.c.0,…,l0.input.0,…,l0.forget.0,…} (layer, quantity as in the trace file,
 * unit), then with gradients {@code l0.gradH.0,…} (and {@code l0.gradC.0,…} for the LSTM): dL/dh_t and dL/dc_t.
 * The token column is empty for numeric input.
 */
public final class TraceCsv {
    private TraceCsv() {
    }

    /**
     * @param tokens    the input tokens (null for numeric input)
     * @param gradients the backward pass of the same trace, or null to leave the gradient columns out
     */
    public static String csv(Trace trace, List<String> tokens, Gradients gradients) {
        if (tokens != null && tokens.size() != trace.steps())
            throw new IllegalArgumentException(tokens.size() + " tokens for a trace of " + trace.steps() + " steps");
        int h = trace.hiddenSize();
        StringBuilder sb = new StringBuilder(64 * trace.steps() * h);
        sb.append("step,token");
        for (int l = 0; l < trace.layerCount(); l++) {
            for (String q : quantities(trace.cell())) header(sb, l, q, h);
            if (gradients != null) {
                header(sb, l, "gradH", h);
                if (trace.cell().hasCellState()) header(sb, l, "gradC", h);
            }
        }
        sb.append('\n');
        for (int t = 0; t < trace.steps(); t++) {
            sb.append(t).append(',');
            if (tokens != null) sb.append(escape(tokens.get(t)));
            for (int l = 0; l < trace.layerCount(); l++) {
                for (int u = 0; u < h; u++) sb.append(',').append(trace.hidden(l, t, u));
                if (trace.cell().hasCellState())
                    for (int u = 0; u < h; u++) sb.append(',').append(trace.cellState(l, t, u));
                for (int g = 0; g < trace.cell().gateNames().size(); g++)
                    for (int u = 0; u < h; u++) sb.append(',').append(trace.gate(l, g, t, u));
                if (gradients != null) {
                    double[] dh = gradients.layer(l).dH[t].data;
                    for (int u = 0; u < h; u++) sb.append(',').append(dh[u]);
                    if (trace.cell().hasCellState()) {
                        double[] dc = gradients.layer(l).dC[t].data;
                        for (int u = 0; u < h; u++) sb.append(',').append(dc[u]);
                    }
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Writes {@link #csv} to {@code out} (use with {@link AtomicFiles#writeText}). */
    public static void write(Trace trace, List<String> tokens, Gradients gradients, Writer out) throws IOException {
        out.write(csv(trace, tokens, gradients));
    }

    /** h, c (LSTM), then the gates in block order, named as in the trace file. */
    private static List<String> quantities(CellType cell) {
        List<String> names = new java.util.ArrayList<>(List.of("h"));
        if (cell.hasCellState()) names.add("c");
        names.addAll(cell.gateNames());
        return names;
    }

    private static void header(StringBuilder sb, int layer, String name, int hidden) {
        for (int u = 0; u < hidden; u++) sb.append(",l").append(layer).append('.').append(name).append('.').append(u);
    }

    /** RFC 4180: quote a field with a comma, quote or line break; double the quotes inside. */
    static String escape(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
