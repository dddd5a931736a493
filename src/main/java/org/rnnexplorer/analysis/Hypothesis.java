package org.rnnexplorer.analysis;

/**
 * A guess about what a unit tracks, as a value per token of a text: a {@link BuiltInHypothesis}, a
 * {@link RegexHypothesis} or a {@link MarkedRangeHypothesis}.
 */
public interface Hypothesis {

    /** The short name used on the command line and in files, e.g. {@code bracket-depth}. */
    String id();

    /** What it measures, in one line. */
    String description();

    /** True for counts (depth, position), false for 1/0. */
    boolean graded();

    /** Its value at every token of {@code text}. */
    double[] values(TokenizedText text);

    default Target target(TokenizedText text) {
        return new Target(id(), values(text), graded());
    }
}
