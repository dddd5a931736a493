package org.rnnexplorer.analysis;

/**
 * Every series of one traced sequence, whatever holds it: the window's full float64 {@link org.rnnexplorer.model.Trace}
 * ({@link TraceColumns}) or, for a long input, the {@link org.rnnexplorer.model.CompactTrace} ({@link CompactColumns}).
 * The text view colours from {@link #value} and shows numbers from {@link #exact}; the unit finder reads it as a
 * {@link UnitSeries}.
 */
public interface UnitColumns extends UnitSeries {

    /** The value the colours show: series {@code series} at step {@code step} as stored. */
    float value(int series, int step);

    /** The value as the engine computed it in float64: what a number on screen reads. */
    double exact(int series, int step);

    /** The whole series, one float per step (a new array). */
    default float[] column(int series) {
        float[] out = new float[steps()];
        int block = preferredBlock();
        float[] buffer = new float[Math.min(block, Math.max(1, steps()))];
        for (int from = 0; from < steps(); from += block) {
            int len = Math.min(block, steps() - from);
            prepare(from, len);
            read(series, from, len, buffer);
            System.arraycopy(buffer, 0, out, from, len);
        }
        return out;
    }
}
