package org.rnnexplorer.analysis;

/**
 * Every series of a trace as floats, read in blocks of steps: what {@link UnitFinder} scores. A source may hold
 * them in memory ({@link FloatColumns}), compute them on demand ({@link ChunkedForwardSeries}) or decode them from
 * a compact store.
 *
 * <p>How the finder reads: block after block in step order; for each block, {@link #prepare} once on one thread,
 * then {@link #read} for every series, from several threads at once. A source that computes on demand does the
 * work in {@code prepare}; {@code read} must then be safe to call concurrently for the prepared block.
 */
public interface UnitSeries {

    SeriesLayout layout();

    /** T: the number of steps of every series. */
    int steps();

    /** The block length this source reads best in (its chunk); the finder uses it. */
    default int preferredBlock() {
        return 8192;
    }

    /** Called before the reads of steps {@code [from, from + length)}. */
    default void prepare(int from, int length) {
    }

    /** Copies steps {@code [from, from + length)} of series {@code series} into {@code into[0 .. length)}. */
    void read(int series, int from, int length, float[] into);
}
