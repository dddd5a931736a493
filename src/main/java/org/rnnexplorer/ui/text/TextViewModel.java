package org.rnnexplorer.ui.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.Observable;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.rnnexplorer.analysis.Quantity;
import org.rnnexplorer.analysis.SeriesId;
import org.rnnexplorer.analysis.SeriesLayout;
import org.rnnexplorer.chart.ColorScale;
import org.rnnexplorer.chart.TextHeatmapHtml;
import org.rnnexplorer.chart.TextWrap;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.RobustScale;
import org.rnnexplorer.ui.common.Num;
import org.rnnexplorer.ui.common.TokenLabels;
import org.rnnexplorer.ui.explorer.trace.TraceViewModel;

/**
 * The Text tab's state: the whole input as wrapped text, coloured by the window's selected unit (its layer and unit,
 * in the quantity chosen here: h, C or a gate), with further units as bands under each line; the step under the
 * mouse and what it reads; a range marked by dragging. A click on a character moves the window's step.
 *
 * <p>Colours: a σ gate on white → green over [0, 1]; h and the candidates on blue – white – red over [−1, 1]; the
 * unbounded C on blue – white – red over ±s, s the 99th percentile of the unit's |C| over the text
 * ({@link RobustScale#percentile}), so that a few saturated steps do not wash out the rest (beyond ±s: the end
 * colour).
 */
public final class TextViewModel {
    /** The quantile of |v| that scales an unbounded quantity. */
    public static final double ROBUST_QUANTILE = 0.99;
    /** Bands under the line, at most. */
    public static final int MAX_ROWS = 4;

    /** What the view draws: the wrapped tokens, the rows of values and the series they show (same order). */
    public record Content(TextSource source, TextWrap wrap, List<TextHeatmapHtml.Row> rows, List<SeriesId> series) {
    }

    private final TraceViewModel trace;
    private final ObjectProperty<Quantity> quantity = new SimpleObjectProperty<>(Quantity.HIDDEN);
    private final ObservableList<SeriesId> extraRows = FXCollections.observableArrayList();
    private final IntegerProperty columns = new SimpleIntegerProperty(100);
    private final IntegerProperty hoverStep = new SimpleIntegerProperty(-1);
    private final IntegerProperty markFrom = new SimpleIntegerProperty(-1);
    private final IntegerProperty markTo = new SimpleIntegerProperty(-1);
    private final ReadOnlyObjectWrapper<TextSource> source = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Content> content = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper hoverText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private TextWrap wrap;

    public TextViewModel(TraceViewModel trace) {
        this.trace = trace;
        trace.resultProperty().addListener((o, a, r) -> {
            source.set(TextSource.of(r));
            extraRows.clear();
            markFrom.set(-1);
            markTo.set(-1);
            wrap = null;
            if (r != null && (quantity.get() == null || !quantity.get().belongsTo(r.model().cell())))
                quantity.set(defaultQuantity(r.model().cell()));
            refresh();
        });
        trace.recorder().runningProperty().addListener((o, a, running) -> {
            if (!running && source.get() == null) source.set(TextSource.of(trace.result())); // a long trace, now filled
        });
        // a long input's compact trace is recorded after it is shown: the text comes when every step is there
        trace.recorder().runningProperty().addListener((o, a, running) -> {
            if (!running && source.get() == null && TextSource.of(trace.result()) != null) {
                source.set(TextSource.of(trace.result()));
                refresh();
            }
        });
        trace.modelProperty().addListener((o, a, m) -> {
            if (m != null && (a == null || a.cell() != m.cell())) quantity.set(defaultQuantity(m.cell()));
        });
        for (Observable o : List.<Observable>of(quantity, extraRows, trace.layerProperty(), trace.unitProperty()))
            o.addListener(x -> refresh());
        columns.addListener(x -> {
            wrap = null;
            refresh();
        });
        hoverStep.addListener(x -> hoverText.set(describe(hoverStep.get())));
    }

    /** C for a cell that has it (Karpathy's quantity), else h. */
    static Quantity defaultQuantity(CellType cell) {
        return cell.hasCellState() ? Quantity.CELL : Quantity.HIDDEN;
    }

    // --- commands -------------------------------------------------------------------------------------------

    /** The user clicked the character of step t: the window shows that step. */
    public void click(int t) {
        if (t >= 0) trace.jumpTo(t);
    }

    /** The user dragged over steps a..b (either order): marks them as the range the finder can use. */
    public void mark(int a, int b) {
        if (a < 0 || b < 0) return;
        markFrom.set(Math.min(a, b));
        markTo.set(Math.max(a, b));
    }

    public void clearMark() {
        markFrom.set(-1);
        markTo.set(-1);
    }

    /** Adds the window's selected unit (in the current quantity) as a band under each line. */
    public void addSelectedAsRow() {
        SeriesId id = selectedSeries();
        if (id == null || extraRows.contains(id) || extraRows.size() >= MAX_ROWS - 1) return;
        extraRows.add(id);
    }

    /** Shows series {@code id}: its layer and unit become the window's selection, its quantity the tab's. */
    public void show(SeriesId id) {
        trace.layerProperty().set(id.layer());
        trace.selectUnit(id.unit());
        quantity.set(id.quantity());
    }

    // --- derived --------------------------------------------------------------------------------------------

    /** The selected layer and unit in the chosen quantity, or null with no trace. */
    public SeriesId selectedSeries() {
        TextSource src = source.get();
        if (src == null) return null;
        return new SeriesId(trace.layerProperty().get(), quantity.get(), trace.unitProperty().get());
    }

    private void refresh() {
        TextSource src = source.get();
        SeriesId primary = selectedSeries();
        // the quantity is null for a moment while the tab's choice box swaps its items (a model of another cell)
        if (src == null || primary == null || quantity.get() == null
                || !quantity.get().belongsTo(src.result().model().cell())) {
            content.set(null);
            var r = trace.result();
            status.set(r == null ? "" : r.isCompact() && !r.compact().isComplete()
                    ? "a long input: the text is coloured once its trace is recorded (progress below)"
                    : src == null ? "the Text tab shows text input (a model that reads tokens)" : "");
            return;
        }
        SeriesLayout layout = src.columns().layout();
        if (primary.layer() >= layout.layers() || primary.unit() >= layout.units()) return;
        if (wrap == null || wrap.tokens() != src.tokens()) wrap = new TextWrap(src.tokens(), src.spaced(), columns.get());
        List<SeriesId> ids = new ArrayList<>();
        ids.add(primary);
        for (SeriesId e : extraRows) if (!e.equals(primary)) ids.add(e);
        List<TextHeatmapHtml.Row> rows = new ArrayList<>();
        for (SeriesId id : ids) rows.add(row(src, id));
        content.set(new Content(src, wrap, List.copyOf(rows), List.copyOf(ids)));
        status.set(String.format(Locale.ROOT, "%,d steps on %,d lines", src.text().steps(), wrap.lines()));
        hoverText.set(describe(hoverStep.get()));
    }

    /** A row of values of one series, with its colour scale. */
    static TextHeatmapHtml.Row row(TextSource src, SeriesId id) {
        float[] v = src.columns().column(src.columns().layout().index(id.layer(), id.quantity(), id.unit()));
        ColorScale scale;
        String range;
        switch (id.quantity().range()) {
            case SIGMOID -> {
                scale = ColorScale.sequential(0, 1);
                range = "0 … 1";
            }
            case TANH -> {
                scale = ColorScale.diverging(1);
                range = "−1 … 1";
            }
            default -> {
                double s = robustScale(v);
                scale = ColorScale.diverging(s);
                range = "±" + Num.f(s) + ", the 99th percentile of |" + id.quantity().symbol() + "|";
            }
        }
        return new TextHeatmapHtml.Row(id.label() + " · " + id.quantity().label() + " (" + range + ")", v, scale);
    }

    /** s: the {@link #ROBUST_QUANTILE} of |v| over the steps (1 when every value is 0). */
    static double robustScale(float[] v) {
        return RobustScale.ofSeries(v, ROBUST_QUANTILE);
    }

    /** "step 41 '(' · l0.c.29 = −1.234 · l0.h.3 = 0.456": the exact values at step t ("" outside the text). */
    public String describe(int t) {
        Content c = content.get();
        if (c == null || t < 0 || t >= c.source().text().steps()) return "";
        StringBuilder sb = new StringBuilder("step ").append(t + 1).append(" '")
                .append(TokenLabels.visible(c.source().tokens().get(t))).append("'");
        for (SeriesId id : c.series())
            sb.append(" · ").append(id.label()).append(" = ").append(Num.f(exact(c, id, t)));
        return sb.toString();
    }

    /** The value of a series at step t as the engine computed it. */
    public double exact(Content c, SeriesId id, int t) {
        SeriesLayout layout = c.source().columns().layout();
        return c.source().columns().exact(layout.index(id.layer(), id.quantity(), id.unit()), t);
    }

    // --- properties -----------------------------------------------------------------------------------------

    public ObjectProperty<Quantity> quantityProperty() { return quantity; }
    /** Further series shown as bands under each line (the selected one is always the first row). */
    public ObservableList<SeriesId> extraRows() { return extraRows; }
    /** Cells per line: set by the view from its width. */
    public IntegerProperty columnsProperty() { return columns; }
    /** The step under the mouse, −1 for none. */
    public IntegerProperty hoverStepProperty() { return hoverStep; }
    public IntegerProperty markFromProperty() { return markFrom; }
    public IntegerProperty markToProperty() { return markTo; }
    public ReadOnlyObjectProperty<TextSource> sourceProperty() { return source.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Content> contentProperty() { return content.getReadOnlyProperty(); }
    /** What the step under the mouse reads (the tooltip). */
    public ReadOnlyStringProperty hoverTextProperty() { return hoverText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public TraceViewModel trace() { return trace; }
}
