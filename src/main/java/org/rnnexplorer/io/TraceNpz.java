package org.rnnexplorer.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
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
 * ({@link CheckpointedBackward}), which hands over a chunk of steps at a time, forward in step order and then
 * backward last chunk first. A zip entry must be written in one go, so the chunks are first put in their place in
 * a temporary file beside the output, each array a region of it, and the zip is then copied from there.
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
            Path spill = Files.createTempFile(temp.toAbsolutePath().getParent(), "." + file.getFileName(), ".spill");
            try (FileChannel ch = FileChannel.open(spill, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE)) {
                int steps = input.steps();
                List<Region> regions = regions(model, steps, dtype);
                int widest = 0;
                for (Region r : regions) widest = Math.max(widest, r.width * dtype.bytes());
                ByteBuffer buf = ByteBuffer.allocateDirect(Math.max(BUFFER, widest)).order(ByteOrder.LITTLE_ENDIAN);
                CheckpointedBackward pass = new CheckpointedBackward(model, input, interventions, EVERY, CHUNK)
                        .withoutParameterGradients(); // the file holds per-step gradients, not dL/dθ
                IOException[] failure = new IOException[1];
                pass.forward((tr, g, from, n) -> spill(ch, buf, regions, false, tr, null, from, n, dtype, failure));
                if (failure[0] != null) throw failure[0];
                pass.backward(objective, (tr, g, from, n) -> spill(ch, buf, regions, true, tr, g, from, n, dtype, failure));
                if (failure[0] != null) throw failure[0];
                try (NpzWriter npz = new NpzWriter(temp)) {
                    npz.scalar("format", TraceFile.FORMAT);
                    npz.scalar("version", TraceFile.VERSION);
                    npz.scalar("cell", model.cell().id());
                    npz.scalar("steps", steps);
                    npz.scalar("hiddenSize", model.hiddenSize());
                    if (tokens != null) npz.strings("tokens", tokens, steps);
                    byte[] copy = new byte[BUFFER];
                    for (Region r : regions) {
                        npz.begin(r.name, dtype, steps, r.width);
                        long left = (long) steps * r.width * dtype.bytes(), at = r.offset[0];
                        while (left > 0) {
                            ByteBuffer b = ByteBuffer.wrap(copy, 0, (int) Math.min(copy.length, left));
                            int got = 0;
                            while (b.hasRemaining()) got += ch.read(b, at + got);
                            npz.putBytes(copy, 0, got);
                            at += got;
                            left -= got;
                        }
                    }
                    loss[0] = pass.loss();
                    npz.scalar("loss", pass.loss());
                    npz.scalar("objective", description);
                }
            } finally {
                Files.deleteIfExists(spill);
            }
        });
        return loss[0];
    }

    /**
     * Puts a chunk's rows of every forward (or every gradient) array in its place in the temporary file: each row
     * converted in one loop and put in bulk, through a float (or double) view of the buffer.
     */
    private static void spill(FileChannel ch, ByteBuffer buf, List<Region> regions, boolean gradients, Trace trace,
                              Gradients g, int from, int n, NpzWriter.Dtype dtype, IOException[] failure) {
        if (failure[0] != null) return;
        try {
            boolean single = dtype == NpzWriter.Dtype.FLOAT32;
            for (Region r : regions) {
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
                    buf.position(rows * rowBytes);
                    at = drain(ch, buf, at);
                }
            }
        } catch (IOException e) {
            failure[0] = e;
        }
    }

    private static long drain(FileChannel ch, ByteBuffer buf, long at) throws IOException {
        buf.flip();
        while (buf.hasRemaining()) at += ch.write(buf, at);
        buf.clear();
        return at;
    }

}
