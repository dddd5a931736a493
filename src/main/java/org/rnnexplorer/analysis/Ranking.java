package org.rnnexplorer.analysis;

import java.util.List;

/**
 * Every series scored against one hypothesis, best first: by |r| falling (ties by series index).
 *
 * @param hypothesis         the hypothesis's id
 * @param steps              T
 * @param threshold          the value above which a unit is "on"
 * @param hypothesisOnSteps  steps where the hypothesis is on
 * @param constant           the hypothesis has one value at every step: every r is 0
 * @param hypothesisSparkline the hypothesis downsampled as the series' sparklines are
 * @param scores             every series, best first
 */
public record Ranking(String hypothesis, int steps, double threshold, int hypothesisOnSteps, boolean constant,
                      float[] hypothesisSparkline, List<UnitScore> scores) {

    public UnitScore best() {
        return scores.get(0);
    }

    /** The first {@code n} scores (all of them when there are fewer). */
    public List<UnitScore> top(int n) {
        return scores.subList(0, Math.min(n, scores.size()));
    }

    /** How many series reach {@code |r| >= minCorrelation}. */
    public int passing(double minCorrelation) {
        int n = 0;
        for (UnitScore s : scores) {
            if (Math.abs(s.correlation()) >= minCorrelation) n++;
            else break;
        }
        return n;
    }
}
