package org.rnnexplorer.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.rnnexplorer.model.CheckpointedBackward;
import org.rnnexplorer.model.Gradients;
import org.rnnexplorer.model.InputBatch;
import org.rnnexplorer.model.Intervention;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.model.StepObjective;
import org.rnnexplorer.model.Trace;

/**
 * Writes a trace as numpy's {@code .npz} ({@link NpzWriter}), for inputs far too long for JSON: the arrays are named
 * after the trace file's keys, {@code l0.h}, {@code l0.c}, {@code l0.gates.forget}, ..., {@code l0.gradH},
 * {@code l0.gradC}, {@code l0.gradX}, then {@code probabilities} [T][V], and as 0-d arrays {@code format},
 * {@code version}, {@code cell}, {@code steps}, {@code hiddenSize}, {@code loss} and {@code objective}, with
 * {@code tokens} ([T] strings) for text input. Per-step arrays are [T][n], float32 by default (the engine's float64
 * rounded once; ask for float64 to keep every bit) and read with {@code np.load("t.npz")["l0.h"]}.
 *
 * <p>The whole float64 trace is never held: the gradients come from checkpointed BPTT
 * ({@link CheckpointedBackward}, without dL/dθ, which the file does not hold), which hands over a chunk of steps
 * at a time, forward in step order and then backward last chunk first. Every array's size is known up front, so
 * each entry's place in the zip is fixed before the passes start ({@link PlacedZip}) and every chunk's rows go
 * straight into their place in the output's temporary file: the data is written once, never copied.
 */
public final class TraceNpz {
    private static final int BUFFER = 1 << 20;

    private TraceNpz() {
    }

    /** Steps per checkpoint and per chunk of the passes. */
    static final int EVERY = CheckpointedBackward.DEFAULT_EVERY, CHUNK = CheckpointedBackward.DEFAULT_CHUNK;

    /** Bytes of heap {@link #write} needs for a model over {@code steps} steps (the passes and the buffers). */
    public static long bytesFor(RnnModel model, int steps) {
        return CheckpointedBackward.bytesFor(model, steps, EVERY, CHUNK) + 2L * BUFFER;
    }

    /** One per-step array: its name, row width, where in the temporary file it goes, and what fills a row. */
    private record Region(String name, int width, boolean gradient, RowSource source, long[] offset) {
    }

    @FunctionalInterface
    private interface RowSource {
        /** Row t of a chunk. */
        double[] row(Trace trace, Gradients g, int t);
    }

    private static List<Region> regions(RnnModel model, int steps, NpzWriter.Dtype dtype) {
        List<Region> rs = new ArrayList<>();
        int h = model.hiddenSize();
        List<String> gates = model.cell().gateNames();
        for (int l = 0; l < model.layerCount(); l++) {
            int layer = l;
            String p = "l" + l + ".";
            rs.add(new Region(p + "h", h, false, (tr, g, t) -> tr.layer(layer).h[t].data, new long[1]));
            if (model.cell().hasCellState())
                rs.add(new Region(p + "c", h, false, (tr, g, t) -> tr.layer(layer).c[t].data, new long[1]));
            for (int k = 0; k < gates.size(); k++)
                rs.add(new Region(p + "gates." + gates.get(k), h, false, new GateRows(layer, k, h), new long[1]));
            rs.add(new Region(p + "gradH", h, true, (tr, g, t) -> g.layer(layer).dH[t].data, new long[1]));
            if (model.cell().hasCellState())
                rs.add(new Region(p + "gradC", h, true, (tr, g, t) -> g.layer(layer).dC[t].data, new long[1]));
            if (l == 0)
                rs.add(new Region(p + "gradX", model.inputSize(), true, (tr, g, t) -> g.layer(0).dX[t].data, new long[1]));
        }
        if (model.hasHead())
            rs.add(new Region("probabilities", model.outputSize(), false, (tr, g, t) -> tr.probabilities(t).data,
                    new long[1]));
        long at = 0;
        for (Region r : rs) {
            r.offset[0] = at;
            at += (long) steps * r.width * dtype.bytes();
        }
        return rs;
    }

    /** Gate k of a layer: columns k·H..k·H+H−1 of the activations, copied into a row of its own. */
    private static final class GateRows implements RowSource {
        private final int layer, gate, hidden;
        private final double[] row;

        GateRows(int layer, int gate, int hidden) {
            this.layer = layer;
            this.gate = gate;
            this.hidden = hidden;
            this.row = new double[hidden];
        }

        @Override
        public double[] row(Trace trace, Gradients g, int t) {
            System.arraycopy(trace.layer(layer).act[t].data, gate * hidden, row, 0, hidden);
            return row;
        }
    }

    /**
     * Runs {@code model} over {@code input} (one sequence), back-propagates {@code objective} and writes
     * {@code file} atomically.
     *
     * @param tokens      the input's tokens for text input, else null
     * @param description what L is, for the file
     * @return L
     */
    public static double write(Path file, RnnModel model, InputBatch input, List<Intervention> interventions,
                             List<String> tokens, StepObjective objective, String description, NpzWriter.Dtype dtype) {
        if (tokens != null && tokens.size() != input.steps())
            throw new IllegalArgumentException(tokens.size() + " tokens for " + input.steps() + " steps");
        double[] loss = new double[1];
        AtomicFiles.writeFile(file, temp -> {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                PlacedZip zip = new PlacedZip(ch);
                int steps = input.steps();
                small(zip, "format", TraceFile.FORMAT);
                small(zip, "version", NpzWriter.Dtype.INT32, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(TraceFile.VERSION));
                small(zip, "cell", model.cell().id());
                small(zip, "steps", NpzWriter.Dtype.INT32, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(steps));
                small(zip, "hiddenSize", NpzWriter.Dtype.INT32,
                        ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(model.hiddenSize()));
                if (tokens != null) strings(zip, "tokens", tokens, steps);
                List<Region> regions = regions(model, steps, dtype);
                List<PlacedZip.Entry> entries = new ArrayList<>();
                int widest = 0;
                for (Region r : regions) {
                    byte[] h = NpzWriter.header(dtype.descr, steps, r.width);
                    PlacedZip.Entry e = zip.add(r.name + ".npy", h.length + (long) steps * r.width * dtype.bytes());
                    zip.write(e, 0, ByteBuffer.wrap(h));
                    r.offset[0] = h.length;
                    entries.add(e);
                    widest = Math.max(widest, r.width * dtype.bytes());
                }
                ByteBuffer buf = ByteBuffer.allocateDirect(Math.max(BUFFER, widest)).order(ByteOrder.LITTLE_ENDIAN);
                CheckpointedBackward pass = new CheckpointedBackward(model, input, interventions, EVERY, CHUNK)
                        .withoutParameterGradients(); // the file holds per-step gradients, not dL/dθ
                IOException[] failure = new IOException[1];
                pass.forward((tr, g, from, n) -> spill(zip, entries, buf, regions, false, tr, null, from, n, dtype, failure));
                if (failure[0] != null) throw failure[0];
                pass.backward(objective, (tr, g, from, n) -> spill(zip, entries, buf, regions, true, tr, g, from, n, dtype, failure));
                if (failure[0] != null) throw failure[0];
                loss[0] = pass.loss();
                small(zip, "loss", NpzWriter.Dtype.FLOAT64, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(pass.loss()));
                small(zip, "objective", description);
                zip.close();
            }
        });
        return loss[0];
    }

    /** A 0-d array of {@code dtype} whose value {@code value} holds (written up to its position). */
    private static void small(PlacedZip zip, String name, NpzWriter.Dtype dtype, ByteBuffer value) throws IOException {
        whole(zip, name, NpzWriter.header(dtype.descr), value.flip());
    }

    /** A 0-d array holding one string. */
    private static void small(PlacedZip zip, String name, String value) throws IOException {
        strings(zip, name, List.of(value));
    }

    /** An array of strings, {@code <U n} with n the longest string's length in code points (at least 1). */
    private static void strings(PlacedZip zip, String name, List<String> values, long... shape) throws IOException {
        int width = 1;
        for (String v : values) width = Math.max(width, v.codePointCount(0, v.length()));
        ByteBuffer data = ByteBuffer.allocate(4 * width * values.size()).order(ByteOrder.LITTLE_ENDIAN);
        for (String v : values) {
            int at = data.position();
            v.codePoints().forEach(data::putInt);
            data.position(at + 4 * width);
        }
        whole(zip, name, NpzWriter.header("<U" + width, shape), data.flip());
    }

    private static void whole(PlacedZip zip, String name, byte[] header, ByteBuffer data) throws IOException {
        PlacedZip.Entry e = zip.add(name + ".npy", header.length + (long) data.remaining());
        zip.write(e, 0, ByteBuffer.wrap(header));
        zip.write(e, header.length, data);
    }

    /**
     * Puts a chunk's rows of every forward (or every gradient) array in its place in the temporary file: each row
     * converted in one loop and put in bulk, through a float (or double) view of the buffer.
     */
    private static void spill(PlacedZip zip, List<PlacedZip.Entry> entries, ByteBuffer buf, List<Region> regions,
                              boolean gradients, Trace trace, Gradients g, int from, int n, NpzWriter.Dtype dtype,
                              IOException[] failure) {
        if (failure[0] != null) return;
        try {
            boolean single = dtype == NpzWriter.Dtype.FLOAT32;
            for (int k = 0; k < regions.size(); k++) {
                Region r = regions.get(k);
                if (r.gradient != gradients) continue;
                long at = r.offset[0] + (long) from * r.width * dtype.bytes();
                int rowBytes = r.width * dtype.bytes(), rowsPerBuffer = Math.max(1, buf.capacity() / rowBytes);
                float[] floats = single ? new float[r.width] : null;
                for (int t0 = 0; t0 < n; t0 += rowsPerBuffer) {
                    int rows = Math.min(rowsPerBuffer, n - t0);
                    buf.clear();
                    if (single) {
                        java.nio.FloatBuffer view = buf.asFloatBuffer();
                        for (int t = t0; t < t0 + rows; t++) {
                            double[] row = r.source.row(trace, g, t);
                            for (int j = 0; j < r.width; j++) floats[j] = (float) row[j];
                            view.put(floats, 0, r.width);
                        }
                    } else {
                        java.nio.DoubleBuffer view = buf.asDoubleBuffer();
                        for (int t = t0; t < t0 + rows; t++) view.put(r.source.row(trace, g, t), 0, r.width);
                    }
                    buf.position(rows * rowBytes).flip();
                    zip.write(entries.get(k), at, buf);
                    at += (long) rows * rowBytes;
                }
            }
        } catch (IOException e) {
            failure[0] = e;
        }
    }


}
