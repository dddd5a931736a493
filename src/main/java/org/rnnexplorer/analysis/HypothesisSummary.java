package org.rnnexplorer.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of the finder's summary: for a hypothesis, how many series reach a chosen |r|, and the best one.
 *
 * @param hypothesis     the hypothesis's id
 * @param minCorrelation the |r| a series must reach to count
 * @param passing        how many series reach it
 * @param best           the best series
 * @param constant       the hypothesis is constant on this text (nothing can correlate with it)
 */
public record HypothesisSummary(String hypothesis, double minCorrelation, int passing, UnitScore best,
                                boolean constant) {

    public static HypothesisSummary of(Ranking ranking, double minCorrelation) {
        return new HypothesisSummary(ranking.hypothesis(), minCorrelation, ranking.passing(minCorrelation),
                ranking.best(), ranking.constant());
    }

    /** Every built-in hypothesis scored in one pass over {@code series} (read from {@code text}). */
    public static List<HypothesisSummary> ofBuiltIns(UnitSeries series, TokenizedText text, UnitFinder.Options options,
                                                     double minCorrelation, UnitFinder.Progress progress) {
        List<Target> targets = new ArrayList<>();
        for (BuiltInHypothesis h : BuiltInHypothesis.values()) targets.add(h.target(text));
        List<HypothesisSummary> out = new ArrayList<>();
        for (Ranking r : UnitFinder.rank(series, targets, options, progress)) out.add(of(r, minCorrelation));
        return out;
    }
}
