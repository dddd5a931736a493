package org.rnnexplorer.io.pytorch;

import java.util.Arrays;

/**
 * A tensor as rebuilt from a checkpoint, its numbers not yet read: element {@code (i_0, ..., i_{n-1})} is element
 * {@code offset + Σ_k i_k · stride_k} of its storage. The constructor checks that every element lies inside the
 * storage, so reading it later cannot run past the storage's bytes.
 */
final class TorchTensor {
    final StorageRef storage;
    final long offset;
    final long[] size;
    final long[] stride;

    TorchTensor(StorageRef storage, long offset, long[] size, long[] stride) {
        if (size.length != stride.length)
            throw new CheckpointException("a tensor has " + size.length + " sizes but " + stride.length + " strides");
        if (size.length > 8) throw new CheckpointException("a tensor has " + size.length + " dimensions");
        if (offset < 0) throw new CheckpointException("a tensor starts at " + offset + " in its storage");
        long last = offset;
        long numel = 1;
        for (int k = 0; k < size.length; k++) {
            if (size[k] < 0 || stride[k] < 0)
                throw new CheckpointException("a tensor has size " + Arrays.toString(size) + " and stride "
                        + Arrays.toString(stride));
            numel = multiply(numel, size[k]);
            if (size[k] > 0) last = add(last, multiply(size[k] - 1, stride[k]));
        }
        if (numel > 0 && last >= storage.numel())
            throw new CheckpointException("a tensor of size " + Arrays.toString(size) + " reaches element " + last
                    + " of a storage of " + storage.numel());
        this.storage = storage;
        this.offset = offset;
        this.size = size.clone();
        this.stride = stride.clone();
    }

    private static long multiply(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw new CheckpointException("a tensor's size overflows");
        }
    }

    private static long add(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw new CheckpointException("a tensor's size overflows");
        }
    }

    int dims() {
        return size.length;
    }

    long numel() {
        long n = 1;
        for (long s : size) n *= s;
        return n;
    }

    /** The index one past the last element it uses in its storage, minus {@link #offset}: how many to read. */
    long span() {
        if (numel() == 0) return 0;
        long last = 0;
        for (int k = 0; k < size.length; k++) last += (size[k] - 1) * stride[k];
        return last + 1;
    }

    boolean isContiguous() {
        long expected = 1;
        for (int k = size.length - 1; k >= 0; k--) {
            if (size[k] != 1 && stride[k] != expected) return false;
            expected *= size[k];
        }
        return true;
    }

    /** The shape as PyTorch prints it after the type: {@code [58, 32]}. */
    String shape() {
        StringBuilder sb = new StringBuilder("[");
        for (int k = 0; k < size.length; k++) sb.append(k > 0 ? ", " : "").append(size[k]);
        return sb.append(']').toString();
    }

    @Override
    public String toString() {
        return storage.dtype().torchName + " " + shape();
    }
}
