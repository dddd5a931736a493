package org.rnnexplorer.model;

/**
 * Heap sizes of what the engine allocates, on a 64-bit JVM with compressed references (the default below 32 GB of
 * heap): an object header of 12 bytes, an array header of 16, references of 4, everything rounded up to 8 bytes.
 */
final class Memory {
    static final long REFERENCE = 4;

    private Memory() {
    }

    /** A {@code double[n]}. */
    static long doubles(long n) {
        return align(16 + 8 * n);
    }

    /** A {@code DMatrixRMaj} of r × c: the object (header, two ints, a reference, EJML's own fields) and its array. */
    static long matrix(long r, long c) {
        return 24 + doubles(r * c);
    }

    /** A {@code double[r][c]}: the array of rows and each row. */
    static long rows(long r, long c) {
        return align(16 + REFERENCE * r) + r * doubles(c);
    }

    private static long align(long bytes) {
        return (bytes + 7) & ~7L;
    }
}
