package org.rnnexplorer.model;

/**
 * The full state of one sequence every K steps: checkpoint k holds, for every layer, h and (LSTM) c after step
 * k·K − 1, in float64, that is the state step k·K starts from (checkpoint 0 is the zero initial state). From
 * checkpoint k a forward pass over steps k·K.. gives the same numbers, to the last bit, as one pass from step 0,
 * so only the checkpoints of a long sequence need be kept: any stretch of it is recomputed from the one before it.
 * Written by the pass that makes them (each layer's part by one thread), read by others once that pass has
 * published the steps.
 */
public final class Checkpoints {
    private final int every;
    private final int hidden;
    private final double[][] h; // [k][layers·H]
    private final double[][] c; // [k][layers·H], null unless the cell has a cell state

    /** Room for the checkpoints of a sequence of {@code steps} steps, one every {@code every} steps. */
    public Checkpoints(RnnModel model, int steps, int every) {
        if (every < 1) throw new IllegalArgumentException("checkpoints every " + every + " steps");
        this.every = every;
        this.hidden = model.hiddenSize();
        int count = (steps + every - 1) / every, width = model.layerCount() * hidden;
        h = new double[count][width];
        c = model.cell().hasCellState() ? new double[count][width] : null;
    }

    /** Bytes of heap {@code new Checkpoints(model, steps, every)} takes. */
    public static long bytesFor(RnnModel model, int steps, int every) {
        long count = (steps + every - 1) / every, width = (long) model.layerCount() * model.hiddenSize();
        return (model.cell().hasCellState() ? 2 : 1) * Memory.rows(count, width);
    }

    /** K: a checkpoint every this many steps. */
    public int every() { return every; }

    public int count() { return h.length; }

    /** Saves the state after local step t of {@code chunk} (row 0) as checkpoint k. */
    void save(int k, Trace chunk, int t) {
        for (int l = 0; l < chunk.layerCount(); l++) {
            LayerTrace lt = chunk.layer(l);
            System.arraycopy(lt.h[t].data, 0, h[k], l * hidden, hidden);
            if (c != null) System.arraycopy(lt.c[t].data, 0, c[k], l * hidden, hidden);
        }
    }

    /** Saves layer l's part of checkpoint k: its state after local step t of {@code chunk} (row 0). */
    void saveLayer(int k, Trace chunk, int t, int l) {
        LayerTrace lt = chunk.layer(l);
        System.arraycopy(lt.h[t].data, 0, h[k], l * hidden, hidden);
        if (c != null) System.arraycopy(lt.c[t].data, 0, c[k], l * hidden, hidden);
    }

    /** Makes checkpoint k the state {@code chunk} starts from (each layer's h0, c0). */
    void restore(int k, Trace chunk) {
        for (int l = 0; l < chunk.layerCount(); l++) {
            LayerTrace lt = chunk.layer(l);
            System.arraycopy(h[k], l * hidden, lt.h0.data, 0, hidden);
            if (c != null) System.arraycopy(c[k], l * hidden, lt.c0.data, 0, hidden);
            else lt.c0.zero();
        }
    }
}
