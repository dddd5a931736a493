package org.rnnexplorer.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.rnnexplorer.model.Gradients;
import org.rnnexplorer.model.LayerGradients;
import org.rnnexplorer.model.LayerTrace;
import org.rnnexplorer.model.Trace;

/**
 * Writes a trace as JSON (DESIGN.md, "Trace file"): {@code cell}, {@code tokens} (text input only), {@code layers}
 * bottom first, each with {@code h}, {@code c} (LSTM), {@code gates} by name after their activation (LSTM input,
 * forget, candidate, output; GRU reset, update, candidate; vanilla none), {@code gradH} = dL/dh_t and {@code gradC} =
 * dL/dc_t through every later step and layer above, and for layer 0 {@code gradX} = dL/dx_t at the (embedded) input;
 * then {@code probabilities} when the model has a head (after {@code labels}, the class names, for a classifier),
 * {@code loss} and {@code objective}, the words saying what L
 * is. Every per-step entry is [T][n], one row per step. Only sequence 0 of a batch is written. A number that is not
 * finite (a diverged model) is written as {@code null}.
 */
public final class TraceFile {
    public static final String FORMAT = "rnn-explorer-trace";
    public static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    private TraceFile() {
    }

    /**
     * Writes {@code file} atomically.
     *
     * @param tokens    the input tokens for text input, else null
     * @param gradients the backward pass of {@code objective}, or null to write the forward pass only
     * @param objective what L is, e.g. {@code dot(v, h[T-1])}; null without gradients
     */
    public static void write(Path file, Trace trace, List<String> tokens, Gradients gradients, String objective) {
        write(file, trace, tokens, gradients, objective, null);
    }

    /**
     * Writes {@code file} atomically; {@code labels} names a classifier's outputs (written as {@code labels}, so
     * that {@code probabilities} are read as class probabilities), or null when they are next tokens.
     */
    public static void write(Path file, Trace trace, List<String> tokens, Gradients gradients, String objective,
                             List<String> labels) {
        AtomicFiles.writeText(file, w -> write(w, trace, tokens, gradients, objective, labels));
    }

    /** Writes the JSON to {@code w} (not closed). */
    public static void write(Writer w, Trace trace, List<String> tokens, Gradients gradients, String objective)
            throws IOException {
        write(w, trace, tokens, gradients, objective, null);
    }

    /** Writes the JSON to {@code w} (not closed), with a classifier's {@code labels} (or null). */
    public static void write(Writer w, Trace trace, List<String> tokens, Gradients gradients, String objective,
                             List<String> labels) throws IOException {
        if (tokens != null && tokens.size() != trace.steps())
            throw new IllegalArgumentException(tokens.size() + " tokens for a trace of " + trace.steps() + " steps");
        int hidden = trace.hiddenSize();
        List<String> gateNames = trace.cell().gateNames();
        w.write("{\n");
        w.write("  \"format\": \"" + FORMAT + "\",\n  \"version\": " + VERSION + ",\n");
        w.write("  \"cell\": \"" + trace.cell().id() + "\",\n");
        w.write("  \"steps\": " + trace.steps() + ",\n  \"hiddenSize\": " + hidden + ",\n");
        if (tokens != null) w.write("  \"tokens\": " + JSON.writeValueAsString(tokens) + ",\n");
        w.write("  \"layers\": [");
        for (int l = 0; l < trace.layerCount(); l++) {
            LayerTrace lt = trace.layer(l);
            w.write(l == 0 ? "\n    {" : ",\n    {");
            steps(w, "h", lt.h, 0, hidden, true);
            if (lt.c != null) steps(w, "c", lt.c, 0, hidden, false);
            w.write(",\n      \"gates\": {");
            for (int g = 0; g < gateNames.size(); g++) {
                if (g > 0) w.write(",");
                w.write("\n        " + JSON.writeValueAsString(gateNames.get(g)) + ": ");
                rows(w, lt.act, g * hidden, hidden, "        ");
            }
            w.write(gateNames.isEmpty() ? "}" : "\n      }");
            if (gradients != null) {
                LayerGradients lg = gradients.layer(l);
                steps(w, "gradH", lg.dH, 0, hidden, false);
                if (lg.dC != null) steps(w, "gradC", lg.dC, 0, hidden, false);
                if (l == 0 && gradients.inputGradient()) steps(w, "gradX", lg.dX, 0, lg.dX[0].numCols, false);
            }
            w.write("\n    }");
        }
        w.write("\n  ]");
        if (trace.hasReadout()) {
            if (labels != null) w.write(",\n  \"labels\": " + JSON.writeValueAsString(labels));
            w.write(",\n  \"probabilities\": ");
            DMatrixRMaj[] p = new DMatrixRMaj[trace.steps()];
            for (int t = 0; t < p.length; t++) p[t] = trace.probabilities(t);
            rows(w, p, 0, trace.outputSize(), "  ");
        }
        if (gradients != null) {
            w.write(",\n  \"loss\": " + number(gradients.loss()));
            w.write(",\n  \"objective\": " + JSON.writeValueAsString(objective));
        }
        w.write("\n}\n");
        w.flush();
    }

    private static void steps(Writer w, String key, DMatrixRMaj[] perStep, int from, int count, boolean first)
            throws IOException {
        w.write(first ? "\n      " : ",\n      ");
        w.write("\"" + key + "\": ");
        rows(w, perStep, from, count, "      ");
    }

    /** [T][count]: columns from..from+count−1 of row 0 (sequence 0) of each step's matrix, one step per line. */
    private static void rows(Writer w, DMatrixRMaj[] perStep, int from, int count, String indent) throws IOException {
        w.write("[");
        for (int t = 0; t < perStep.length; t++) {
            w.write(t == 0 ? "\n  " : ",\n  ");
            w.write(indent);
            w.write("[");
            double[] d = perStep[t].data;
            for (int j = 0; j < count; j++) {
                if (j > 0) w.write(", ");
                w.write(number(d[from + j]));
            }
            w.write("]");
        }
        w.write("\n" + indent + "]");
    }

    private static String number(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "null";
    }
}
