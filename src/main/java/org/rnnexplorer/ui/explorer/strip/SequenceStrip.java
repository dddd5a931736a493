package org.rnnexplorer.ui.explorer.strip;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.rnnexplorer.model.CompactTrace;
import org.rnnexplorer.model.Trace;
import org.rnnexplorer.ui.common.Num;
import org.rnnexplorer.ui.common.Palette;
import org.rnnexplorer.ui.common.TokenLabels;
import org.rnnexplorer.ui.common.ViewOptions;
import org.rnnexplorer.ui.explorer.trace.TraceResult;
import org.rnnexplorer.ui.explorer.trace.TraceViewModel;

/**
 * The input as a row of token chips, the current one highlighted; each chip is coloured by the selected unit's h at
 * that step (Karpathy's view) and shows the readout's top-3 next-token predictions under it (a classifier's classes
 * are in {@link ClassBars} instead). Only the chips that fit
 * are built (a window over the sequence with a scroll bar), so a 5,000-token input costs what a 30-token one does.
 * A click on a chip jumps to its step.
 */
public final class SequenceStrip extends VBox {
    private final HBox row = new HBox(4);
    private final ScrollBar scroll = new ScrollBar();
    private final Label caption = new Label();
    private final Label note = new Label();
    private final List<Chip> chips = new ArrayList<>();
    private TraceViewModel trace;
    private ViewOptions view;
    private int first;
    private int predictionRows = 3;
    /** The prediction rows the chips show now (none for a classifier, whose classes are in {@link ClassBars}). */
    private int shownRows = 3;
    private ChipLights lights = t -> null;
    private IntConsumer onHover = t -> { };

    /** How many predictions each chip shows (3, or 1 on a short screen). */
    public void setPredictionRows(int rows) {
        predictionRows = Math.max(0, Math.min(3, rows));
        shownRows = -1; // fill() shows them (or none, for a classifier)
        fill();
    }

    /** One chip: the token on the colour of the selected unit's h, then up to three predictions. */
    private int markFrom = 0, markTo = -1;

    public final class Chip extends VBox {
        private final Label token = new Label();
        private final Label[] preds = {new Label(), new Label(), new Label()};
        private final Tooltip tip = new Tooltip();
        private final Label light = new Label();
        private int step = -1;
        private Color colour;

        /** The token as the chip writes it. */
        public String tokenText() {
            return token.getText();
        }

        /** The step it shows (−1 when empty). */
        public int step() {
            return step;
        }

        /** The text of its light ("" when unlit). */
        public String lightText() {
            return light.isVisible() ? light.getText() : "";
        }

        void light(ChipLights.Light l) {
            light.setVisible(l != null); // its row stays: lighting the chips does not move the window's layout
            if (l == null) return;
            light.setText(l.text());
            light.setBackground(new Background(new BackgroundFill(l.colour(), new CornerRadii(3), Insets.EMPTY)));
            light.setTextFill(Palette.textOn(l.colour()));
        }

        /** The token's label (its font grows in presenter mode). */
        public Label tokenLabel() {
            return token;
        }

        void paint(Color bg) {
            if (bg.equals(colour)) return;
            colour = bg;
            token.setBackground(new Background(new BackgroundFill(bg, new CornerRadii(4), Insets.EMPTY)));
            token.setTextFill(Palette.textOn(bg));
        }

        void showRows(int rows) {
            for (int k = 0; k < preds.length; k++) {
                preds[k].setVisible(k < rows);
                preds[k].setManaged(k < rows);
            }
        }

        Chip() {
            Tooltip.install(this, tip);
            getStyleClass().add("chip");
            token.getStyleClass().add("chip-token");
            token.setMaxWidth(Double.MAX_VALUE);
            token.setAlignment(Pos.CENTER);
            getChildren().add(token);
            for (Label l : preds) {
                l.getStyleClass().add("chip-prediction");
                l.setMaxWidth(Double.MAX_VALUE);
                getChildren().add(l);
            }
            setAlignment(Pos.TOP_CENTER);
            showRows(predictionRows);
            light.getStyleClass().add("chip-light");
            light.setMaxWidth(Double.MAX_VALUE);
            light(null);
            getChildren().add(light);
            setOnMouseClicked(e -> {
                if (step >= 0) trace.jumpTo(step);
            });
            setOnMouseEntered(e -> onHover.accept(step));
        }
    }

    public SequenceStrip() {
        getStyleClass().add("sequence-strip");
        scroll.setOrientation(Orientation.HORIZONTAL);
        scroll.setFocusTraversable(false);
        scroll.setUnitIncrement(1);
        scroll.valueProperty().addListener((o, a, b) -> {
            int f = (int) Math.round(b.doubleValue());
            if (f != first) {
                first = f;
                fill();
            }
        });
        caption.getStyleClass().add("strip-caption");
        row.setMinHeight(0);
        row.setMinWidth(0); // the chips follow the width given (beside a classifier's bars too), not the other way
        setMinWidth(0);
        row.widthProperty().addListener((o, a, b) -> rebuildChips());
        setFocusTraversable(true);
        addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> requestFocus());
        setSpacing(4);
        note.getStyleClass().add("strip-note");
        note.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        getChildren().addAll(new HBox(16, caption, note), row, scroll);
        row.setOnMouseExited(e -> onHover.accept(-1));
    }

    /** Lights chips beside their h colour (e.g. by the connectivity of a hovered step); redraws them now. */
    public void setLights(ChipLights lights) {
        this.lights = lights;
        fill();
    }

    /** Hears the step of the chip the mouse enters, and −1 when it leaves the chips. */
    public void setOnHover(IntConsumer onHover) {
        this.onHover = onHover;
    }

    /** A second line of caption beside the first (what the lights mean). */
    public Label note() {
        return note;
    }

    /** Redraws the chips (their lights may have changed). */
    public void refresh() {
        fill();
    }

    public void bind(TraceViewModel trace, ViewOptions view) {
        this.trace = trace;
        this.view = view;
        trace.resultProperty().addListener((o, a, b) -> {
            updateScroll();
            fill();
        });
        trace.stepProperty().addListener((o, a, b) -> {
            follow();
            fill();
        });
        trace.unitProperty().addListener((o, a, b) -> fill());
        trace.layerProperty().addListener((o, a, b) -> fill());
        trace.recorder().completedProperty().addListener((o, a, b) -> fill());
        view.presenterProperty().addListener((o, a, b) -> rebuildChips());
    }

    private double chipWidth() {
        return view != null && view.presenterProperty().get() ? 84 : 58;
    }

    private void rebuildChips() {
        int fit = Math.max(1, (int) ((row.getWidth() + 4) / (chipWidth() + 4)));
        if (fit == chips.size()) {
            fill();
            return;
        }
        chips.clear();
        for (int i = 0; i < fit; i++) {
            Chip c = new Chip();
            c.showRows(shownRows);
            c.setPrefWidth(chipWidth());
            c.setMinWidth(chipWidth());
            c.setMaxWidth(chipWidth());
            chips.add(c);
        }
        row.getChildren().setAll(chips);
        updateScroll();
        fill();
    }

    private void updateScroll() {
        int n = trace == null ? 0 : trace.steps();
        int visible = chips.size();
        scroll.setMin(0);
        scroll.setMax(Math.max(0, n - visible));
        scroll.setVisibleAmount(Math.max(1, visible));
        scroll.setBlockIncrement(Math.max(1, visible - 1));
        scroll.setVisible(n > visible);
        scroll.setManaged(n > visible);
        first = Math.max(0, Math.min(first, (int) scroll.getMax()));
        scroll.setValue(first);
    }

    /** Moves the window so the current step stays visible, a few chips from the edge. */
    private void follow() {
        int t = trace.stepProperty().get(), visible = chips.size();
        int margin = Math.min(3, visible / 4);
        int f = first;
        if (t < first + margin) f = t - margin;
        else if (t > first + visible - 1 - margin) f = t - visible + 1 + margin;
        f = Math.max(0, Math.min(f, Math.max(0, trace.steps() - visible)));
        if (f != first) {
            first = f;
            scroll.setValue(f);
        }
    }

    private void fill() {
        if (trace == null) return;
        TraceResult r = trace.result();
        int n = r == null ? 0 : r.steps();
        int cur = trace.stepProperty().get(), unit = trace.unitProperty().get();
        Trace tr = r == null ? null : r.original();
        CompactTrace ct = r == null ? null : r.compact();
        int layers = tr != null ? tr.layerCount() : ct != null ? ct.layerCount() : 1;
        int layer = Math.min(trace.layerProperty().get(), layers - 1);
        Palette p = view.palette();
        boolean classifier = tr != null && tr.hasReadout() && r.model().isClassifier();
        boolean readout = tr != null && tr.hasReadout() && !classifier;
        int rows = classifier ? 0 : predictionRows;
        if (rows != shownRows) {
            shownRows = rows;
            for (Chip c : chips) c.showRows(rows);
        }
        caption.setText(n == 0 ? "Input: no steps yet" : "Input, " + n + " steps — chips coloured by h of unit " + unit
                + (layers > 1 ? " (layer " + (layer + 1) + ")" : "")
                + (ct != null ? " (as stored for colour, 8 bits; no predictions for an input this long)" : "")
                + (readout && predictionRows > 0 ? "; under each chip the model's " + (predictionRows == 1
                ? "likeliest next token" : predictionRows + " likeliest next tokens") : "")
                + (classifier ? "; the classifier's classes at the current step are on the right" : "")
                + (n > chips.size() ? "; scroll for more" : ""));
        for (int i = 0; i < chips.size(); i++) {
            Chip c = chips.get(i);
            int t = first + i;
            boolean on = t < n;
            c.setVisible(on);
            c.step = on ? t : -1;
            c.light(on ? lights.at(t) : null);
            boolean isCurrent = on && t == cur;
            if (isCurrent != c.getStyleClass().contains("current")) {
                if (isCurrent) c.getStyleClass().add("current");
                else c.getStyleClass().remove("current");
            }
            boolean isMarked = on && t >= markFrom && t <= markTo;
            if (isMarked != c.getStyleClass().contains("marked")) {
                if (isMarked) c.getStyleClass().add("marked");
                else c.getStyleClass().remove("marked");
            }
            if (!on) continue;
            boolean ready = ct == null || t < ct.completedSteps();
            double h = tr != null ? tr.hidden(layer, t, Math.min(unit, tr.hiddenSize() - 1))
                    : ready ? ct.value(layer, ct.seriesIndex("h"), t, Math.min(unit, ct.hiddenSize() - 1)) : Double.NaN;
            c.token.setText(TokenLabels.visible(r.input().tokens().get(t)));
            c.paint(ready ? p.signed(h, 1) : p.background());
            List<Prediction> top = readout ? Prediction.top(r.model(), tr, t, 3) : List.of();
            for (int k = 0; k < 3; k++) {
                Label l = c.preds[k];
                if (k < top.size()) {
                    l.setText(TokenLabels.visible(top.get(k).token()) + " " + Num.percent(top.get(k).probability()));
                    boolean hit = t + 1 < n && top.get(k).token().equals(r.input().tokens().get(t + 1));
                    if (hit != l.getStyleClass().contains("hit")) {
                        if (hit) l.getStyleClass().add("hit");
                        else l.getStyleClass().remove("hit");
                    }
                } else {
                    l.setText("");
                }
            }
            c.tip.setText(("step " + (t + 1) + ": '" + TokenLabels.visible(r.input().tokens().get(t))
                    + "', h[" + unit + "] " + (ct == null ? "= " + Num.f(h) : ready ? "≈ " + Num.f(h) : "not traced yet")
                    + " — click to jump here"));
        }
    }

    /** Marks the chips of steps {@code from} to {@code to} (style class {@code marked}; from > to: none). */
    public void markSteps(int from, int to) {
        markFrom = from;
        markTo = to;
        fill();
    }

    /** The chips on screen. */
    public List<Chip> chips() {
        return List.copyOf(chips);
    }
}
