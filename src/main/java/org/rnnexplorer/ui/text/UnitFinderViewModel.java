package org.rnnexplorer.ui.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.rnnexplorer.analysis.BuiltInHypothesis;
import org.rnnexplorer.analysis.Hypothesis;
import org.rnnexplorer.analysis.HypothesisSummary;
import org.rnnexplorer.analysis.MarkedRangeHypothesis;
import org.rnnexplorer.analysis.Ranking;
import org.rnnexplorer.analysis.RegexHypothesis;
import org.rnnexplorer.analysis.Target;
import org.rnnexplorer.analysis.TokenizedText;
import org.rnnexplorer.analysis.UnitFinder;
import org.rnnexplorer.analysis.UnitScore;
import org.rnnexplorer.ui.common.DialogService;
import org.rnnexplorer.ui.common.LatestWinsExecutor;
import org.rnnexplorer.ui.common.Messages;
import org.rnnexplorer.ui.common.Num;

/**
 * The unit finder beside the text: a hypothesis (built in, a regular expression over the text, or the range marked
 * on it: on inside, off outside), the threshold θ of "on", and the |r| the summary counts; {@link #run} scores every
 * series of the window's trace off the FX thread ({@link UnitFinder}, with progress and cancel) against the chosen
 * hypothesis and every built-in one in the same pass; the best units are listed and a click on one shows it in the
 * whole window ({@link TextViewModel#show}).
 */
public final class UnitFinderViewModel implements AutoCloseable {
    /** Where the hypothesis comes from. */
    public enum Mode { BUILT_IN, REGEX, MARKED_RANGE }

    /** Rows of the ranking shown. */
    public static final int SHOWN = 25;

    private final TextViewModel text;
    private final DialogService dialogs;
    private final Executor applier;
    private final LatestWinsExecutor worker;
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.BUILT_IN);
    private final ObjectProperty<BuiltInHypothesis> builtIn = new SimpleObjectProperty<>(BuiltInHypothesis.BRACKET_DEPTH);
    private final StringProperty regex = new SimpleStringProperty("");
    private final DoubleProperty threshold = new SimpleDoubleProperty(0.5);
    private final DoubleProperty minCorrelation = new SimpleDoubleProperty(0.5);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyObjectWrapper<Ranking> ranking = new ReadOnlyObjectWrapper<>();
    private final ObservableList<UnitScore> best = FXCollections.observableArrayList();
    private final ObservableList<HypothesisSummary> summary = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("choose a hypothesis and press Find units");
    private final BooleanProperty summaryShown = new SimpleBooleanProperty(true);
    private volatile AtomicBoolean cancel = new AtomicBoolean();

    private record Result(Ranking ranking, List<HypothesisSummary> summary, double millis) {
    }

    public UnitFinderViewModel(TextViewModel text, Executor applier, DialogService dialogs) {
        this.text = text;
        this.applier = applier;
        this.dialogs = dialogs;
        this.worker = new LatestWinsExecutor("unit-finder", applier);
        text.sourceProperty().addListener((o, a, b) -> {
            cancel();
            ranking.set(null);
            best.clear();
            summary.clear();
            status.set(b == null ? "no text to score" : "choose a hypothesis and press Find units");
        });
        // choosing a hypothesis of a kind makes that kind the one a run uses
        text.markToProperty().addListener((o, a, b) -> {
            if (b.intValue() >= 0) mode.set(Mode.MARKED_RANGE);
        });
        regex.addListener((o, a, b) -> mode.set(Mode.REGEX));
        builtIn.addListener((o, a, b) -> mode.set(Mode.BUILT_IN));
    }

    /** Scores every series against the chosen hypothesis (and the built-in ones, for the summary), off this thread. */
    public void run() {
        TextSource src = text.sourceProperty().get();
        if (src == null) {
            status.set("no text to score: open a model that reads text");
            return;
        }
        Hypothesis h;
        try {
            h = hypothesis(src.text());
        } catch (IllegalArgumentException e) {
            dialogs.showError("Cannot find units", Messages.oneLine(e));
            return;
        }
        if (h == null) return;
        UnitFinder.Options options = UnitFinder.Options.defaults().withThreshold(threshold.get());
        double minR = minCorrelation.get();
        boolean withSummary = summaryShown.get();
        cancel.set(true);
        AtomicBoolean stop = new AtomicBoolean();
        cancel = stop;
        running.set(true);
        progress.set(0);
        status.set("scoring " + src.columns().layout().count() + " series against " + h.id() + " …");
        int steps = src.text().steps();
        UnitFinder.Progress heard = new UnitFinder.Progress() {
            @Override
            public void stepsDone(int done, int total) {
                applier.execute(() -> {
                    if (!stop.get()) progress.set(done / (double) total);
                });
            }

            @Override
            public boolean isCancelled() {
                return stop.get();
            }
        };
        worker.submit(() -> {
            long t0 = System.nanoTime();
            List<Target> targets = new ArrayList<>();
            targets.add(h.target(src.text()));
            if (withSummary) for (BuiltInHypothesis b : BuiltInHypothesis.values()) targets.add(b.target(src.text()));
            List<Ranking> all = UnitFinder.rank(src.columns(), targets, options, heard);
            List<HypothesisSummary> sums = new ArrayList<>();
            for (int k = 1; k < all.size(); k++) sums.add(HypothesisSummary.of(all.get(k), minR));
            return new Result(all.get(0), sums, (System.nanoTime() - t0) / 1e6);
        }, r -> {
            running.set(false);
            progress.set(1);
            ranking.set(r.ranking());
            best.setAll(r.ranking().top(SHOWN));
            summary.setAll(r.summary());
            UnitScore top = r.ranking().best();
            status.set(String.format(Locale.ROOT, "%s: %d series over %,d steps in %.0f ms; best %s, r = %s",
                    r.ranking().hypothesis(), r.ranking().scores().size(), steps, r.millis(), top.series().label(),
                    Num.f(top.correlation())));
        }, e -> {
            running.set(false);
            if (e instanceof java.util.concurrent.CancellationException) status.set("cancelled");
            else dialogs.showError("Cannot find units", Messages.oneLine(e));
        });
    }

    /** Stops a run in progress (its result is not shown). */
    public void cancel() {
        cancel.set(true);
        worker.cancel();
        if (running.get()) status.set("cancelled");
        running.set(false);
    }

    /** The chosen hypothesis, or null (a message says why). */
    Hypothesis hypothesis(TokenizedText t) {
        switch (mode.get()) {
            case REGEX -> {
                String r = regex.get() == null ? "" : regex.get().trim();
                if (r.isEmpty()) {
                    status.set("type a regular expression (inside a match = 1)");
                    return null;
                }
                return new RegexHypothesis(r);
            }
            case MARKED_RANGE -> {
                int a = text.markFromProperty().get(), b = text.markToProperty().get();
                if (a < 0 || b < 0 || b >= t.steps()) {
                    status.set("drag over the text to mark a range (on inside, off outside)");
                    return null;
                }
                return new MarkedRangeHypothesis(t.start(a), t.end(b));
            }
            default -> {
                return builtIn.get();
            }
        }
    }

    /** A click on a row: that series in the whole window. */
    public void select(UnitScore s) {
        if (s != null) text.show(s.series());
    }

    @Override
    public void close() {
        cancel();
        worker.close();
    }

    public ObjectProperty<Mode> modeProperty() { return mode; }
    public ObjectProperty<BuiltInHypothesis> builtInProperty() { return builtIn; }
    public StringProperty regexProperty() { return regex; }
    /** θ: a unit is on where its value is above it. */
    public DoubleProperty thresholdProperty() { return threshold; }
    /** The |r| a series must reach to count in the summary. */
    public DoubleProperty minCorrelationProperty() { return minCorrelation; }
    /** Whether a run also scores every built-in hypothesis for the summary. */
    public BooleanProperty summaryShownProperty() { return summaryShown; }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Ranking> rankingProperty() { return ranking.getReadOnlyProperty(); }
    /** The best {@link #SHOWN} series of the last run. */
    public ObservableList<UnitScore> best() { return best; }
    /** Per built-in hypothesis: how many series reach the chosen |r|. */
    public ObservableList<HypothesisSummary> summary() { return summary; }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
}
