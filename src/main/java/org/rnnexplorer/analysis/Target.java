package org.rnnexplorer.analysis;

/**
 * What a hypothesis says at every step: a number per token (1/0 for yes/no hypotheses; a count for graded ones such
 * as the bracket depth). The hypothesis is "on" at a step where its value is above 0.
 *
 * @param name   the hypothesis's name, e.g. {@code bracket-depth} or {@code regex "[A-Z]+:"}
 * @param values one value per step
 * @param graded true when the values are counts rather than 1/0
 */
public record Target(String name, double[] values, boolean graded) {

    public int steps() {
        return values.length;
    }

    public boolean on(int t) {
        return values[t] > 0;
    }

    /** The number of steps where it is on. */
    public int onSteps() {
        int n = 0;
        for (double v : values) if (v > 0) n++;
        return n;
    }

    /** True when every step has the same value: no unit can correlate with it. */
    public boolean isConstant() {
        for (double v : values) if (v != values[0]) return false;
        return true;
    }
}
