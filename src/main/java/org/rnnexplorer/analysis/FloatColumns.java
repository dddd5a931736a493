package org.rnnexplorer.analysis;

/** Every series in memory, one float column of T steps each: 4 bytes per value. */
public final class FloatColumns implements UnitSeries {
    private final SeriesLayout layout;
    private final float[][] columns;
    private final int steps;

    /** @param columns one array of T values per series, in {@link SeriesLayout} order (kept, not copied) */
    public FloatColumns(SeriesLayout layout, float[][] columns) {
        if (columns.length != layout.count())
            throw new IllegalArgumentException(columns.length + " columns for a layout of " + layout.count() + " series");
        this.layout = layout;
        this.columns = columns;
        this.steps = columns[0].length;
        for (float[] c : columns)
            if (c.length != steps) throw new IllegalArgumentException("columns of " + c.length + " and " + steps + " steps");
    }

    /** Reads every step of every series of {@code source} into memory. */
    public static FloatColumns copyOf(UnitSeries source) {
        int n = source.layout().count(), t = source.steps(), block = source.preferredBlock();
        float[][] columns = new float[n][t];
        float[] buffer = new float[block];
        for (int from = 0; from < t; from += block) {
            int len = Math.min(block, t - from);
            source.prepare(from, len);
            for (int s = 0; s < n; s++) {
                source.read(s, from, len, buffer);
                System.arraycopy(buffer, 0, columns[s], from, len);
            }
        }
        return new FloatColumns(source.layout(), columns);
    }

    /** The column of one series (the array itself). */
    public float[] column(int series) {
        return columns[series];
    }

    @Override
    public SeriesLayout layout() {
        return layout;
    }

    @Override
    public int steps() {
        return steps;
    }

    @Override
    public void read(int series, int from, int length, float[] into) {
        System.arraycopy(columns[series], from, into, 0, length);
    }
}
