package org.rnnexplorer.analysis;

/**
 * One series of a trace: a quantity of one unit of one layer over every step.
 *
 * @param layer    0 for the bottom layer
 * @param quantity h, c or a gate
 * @param unit     the unit, 0 .. H−1
 */
public record SeriesId(int layer, Quantity quantity, int unit) {

    /** The trace CSV's column name: {@code l0.c.29}. */
    public String label() {
        return "l" + layer + "." + quantity.id() + "." + unit;
    }

    @Override
    public String toString() {
        return label();
    }
}
