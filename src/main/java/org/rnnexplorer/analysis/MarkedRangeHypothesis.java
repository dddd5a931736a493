package org.rnnexplorer.analysis;

/**
 * 1 at a token that overlaps a marked stretch of the text (the characters {@code [from, to)}, String indices, as
 * the user drags over the text view), 0 elsewhere: LSTMVis's "on inside, off outside".
 *
 * @param from the first marked character
 * @param to   just after the last marked character
 */
public record MarkedRangeHypothesis(int from, int to) implements Hypothesis {

    public MarkedRangeHypothesis {
        if (from < 0 || to <= from) throw new IllegalArgumentException("a marked range needs 0 <= from < to, got " + from + ".." + to);
    }

    @Override
    public String id() {
        return "range:" + from + "-" + to;
    }

    @Override
    public String description() {
        return "inside the marked characters " + from + " to " + (to - 1);
    }

    @Override
    public boolean graded() {
        return false;
    }

    @Override
    public double[] values(TokenizedText text) {
        if (to > text.text().length())
            throw new IllegalArgumentException("the marked range ends at " + to + ", after the text's "
                    + text.text().length() + " characters");
        double[] v = new double[text.steps()];
        for (int t = 0; t < v.length; t++) v[t] = text.start(t) < to && text.end(t) > from ? 1 : 0;
        return v;
    }
}
