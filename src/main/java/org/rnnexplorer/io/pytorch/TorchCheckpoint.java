package org.rnnexplorer.io.pytorch;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * An opened checkpoint: the object its pickle describes ({@link #root}: maps, lists, {@link TorchTensor}s,
 * {@link PythonObject}s...) and the means to read a tensor's numbers, which stay in the file until asked for.
 */
final class TorchCheckpoint implements Closeable {
    /** Most numbers read from one tensor (as doubles, 400 MB): the model file's own limit on all parameters. */
    static final long MAX_TENSOR_ELEMENTS = org.rnnexplorer.io.ModelFile.MAX_PARAMETERS;

    /** Reads {@code count} elements of a storage from element {@code from} on. */
    interface StorageBytes extends Closeable {
        ByteBuffer read(StorageRef storage, long from, long count) throws IOException;
    }

    final Path file;
    /** How the file is laid out, in words: "zip (PyTorch 1.6 or later)", "legacy (before PyTorch 1.6)", ... */
    final String format;
    final Object root;
    private final StorageBytes bytes;

    TorchCheckpoint(Path file, String format, Object root, StorageBytes bytes) {
        this.file = file;
        this.format = format;
        this.root = root;
        this.bytes = bytes;
    }

    /** The numbers of a floating-point tensor in row-major order, as doubles (exactly: every float16/32 is a double). */
    double[] values(TorchTensor t) throws IOException {
        if (!t.storage.dtype().floating)
            throw new CheckpointException("is " + t.storage.dtype().torchName + ", not a floating-point tensor");
        long numel = t.numel();
        long span = t.span();
        if (numel > MAX_TENSOR_ELEMENTS || span > MAX_TENSOR_ELEMENTS)
            throw new CheckpointException("has " + Math.max(numel, span) + " numbers; the limit is " + MAX_TENSOR_ELEMENTS
                    + " (ModelFile.MAX_PARAMETERS)");
        if (bytes == null) throw new CheckpointException("has no data in this file (a plain pickle: only a checkpoint holds the numbers)");
        double[] out = new double[(int) numel];
        if (numel == 0) return out;
        double[] all = t.isContiguous() ? out : new double[(int) span];
        t.storage.dtype().toDoubles(bytes.read(t.storage, t.offset, span), all);
        if (all == out) return out;
        int[] index = new int[t.dims()];
        for (int i = 0; i < out.length; i++) {
            long at = 0;
            for (int k = 0; k < index.length; k++) at += index[k] * t.stride[k];
            out[i] = all[(int) at];
            for (int k = index.length - 1; k >= 0; k--) {
                if (++index[k] < t.size[k]) break;
                index[k] = 0;
            }
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        if (bytes != null) bytes.close();
    }
}
