package org.rnnexplorer.ui.text;

import java.util.Locale;
import javafx.beans.property.DoubleProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.util.StringConverter;
import org.rnnexplorer.analysis.BuiltInHypothesis;
import org.rnnexplorer.analysis.HypothesisSummary;
import org.rnnexplorer.analysis.UnitScore;
import org.rnnexplorer.ui.common.Num;

/**
 * The unit finder beside the text: the hypothesis (built in, a regular expression, the marked range), θ and the
 * summary's |r|, Find units with its progress, the best units (a sparkline of each over the whole text, the
 * hypothesis's in grey behind it, r and precision/recall), and the summary per built-in hypothesis.
 */
final class UnitFinderPanel extends VBox {
    private final UnitFinderViewModel vm;

    UnitFinderPanel(UnitFinderViewModel vm, TextViewModel text) {
        this.vm = vm;
        getStyleClass().add("unit-finder");
        setSpacing(6);
        setPadding(new Insets(8));
        setMinWidth(300);
        Label title = new Label("Unit finder: which unit tracks …");
        title.getStyleClass().add("section-title");

        ToggleGroup modes = new ToggleGroup();
        RadioButton builtIn = radio("Built-in", UnitFinderViewModel.Mode.BUILT_IN, modes,
                "Score the units against a hypothesis the finder knows: bracket depth, inside quotes, ...");
        RadioButton regex = radio("Regular expression", UnitFinderViewModel.Mode.REGEX, modes,
                "Score the units against a regular expression over the text: 1 inside a match, 0 outside");
        RadioButton marked = radio("Marked range", UnitFinderViewModel.Mode.MARKED_RANGE, modes,
                "Score the units against the range dragged over the text: on inside, off outside");
        modes.selectedToggleProperty().addListener((o, a, b) -> {
            if (b != null) vm.modeProperty().set((UnitFinderViewModel.Mode) b.getUserData());
        });
        vm.modeProperty().addListener((o, a, m) -> select(modes, m));
        select(modes, vm.modeProperty().get());

        ChoiceBox<BuiltInHypothesis> hypotheses = new ChoiceBox<>();
        hypotheses.setId("finder-hypothesis");
        hypotheses.getItems().setAll(BuiltInHypothesis.values());
        hypotheses.setConverter(new StringConverter<>() {
            @Override
            public String toString(BuiltInHypothesis h) { return h == null ? "" : h.id(); }

            @Override
            public BuiltInHypothesis fromString(String s) { return BuiltInHypothesis.named(s); }
        });
        hypotheses.valueProperty().bindBidirectional(vm.builtInProperty());
        TextField pattern = new TextField();
        pattern.setId("finder-regex");
        pattern.setTooltip(new Tooltip("A Java regular expression; ^ and $ match at line breaks"));
        pattern.setPromptText("e.g. [A-Z]+:  (inside a match = 1)");
        pattern.textProperty().bindBidirectional(vm.regexProperty());
        Label range = new Label();
        range.setId("finder-range");
        range.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            int a = text.markFromProperty().get(), b = text.markToProperty().get();
            return a < 0 ? "drag over the text" : "steps " + (a + 1) + " to " + (b + 1);
        }, text.markFromProperty(), text.markToProperty()));

        GridPane form = new GridPane();
        form.setHgap(6);
        form.setVgap(4);
        form.addRow(0, builtIn, hypotheses);
        form.addRow(1, regex, pattern);
        form.addRow(2, marked, range);
        form.addRow(3, new Label("on above θ ="), number("finder-threshold", vm.thresholdProperty(),
                "A unit is on where its value is above θ (flipped for a unit that falls where the hypothesis rises)"));
        form.addRow(4, new Label("summary: |r| ≥"), number("finder-min-r", vm.minCorrelationProperty(),
                "The summary counts, per built-in hypothesis, the units whose |correlation| reaches this"));
        GridPane.setHgrow(pattern, Priority.ALWAYS);

        Button find = new Button("Find units");
        find.setId("find-units");
        find.setDefaultButton(false);
        find.setOnAction(e -> vm.run());
        find.setTooltip(new Tooltip("Score every unit of every layer (h, C and each gate) against the hypothesis"));
        find.disableProperty().bind(vm.runningProperty());
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> vm.cancel());
        cancel.setTooltip(new Tooltip("Stop the scoring"));
        cancel.disableProperty().bind(vm.runningProperty().not());
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.runningProperty());
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        HBox actions = new HBox(6, find, cancel, progress);
        actions.setAlignment(Pos.CENTER_LEFT);
        Label status = new Label();
        status.setId("finder-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());

        ListView<UnitScore> list = new ListView<>(vm.best());
        list.setId("finder-results");
        list.setCellFactory(l -> new ScoreCell());
        list.setPrefHeight(330);
        list.setMinHeight(110);
        VBox.setVgrow(list, Priority.ALWAYS);

        VBox summary = new VBox(1);
        summary.setId("finder-summary");
        vm.summary().addListener((ListChangeListener<HypothesisSummary>) c -> {
            summary.getChildren().clear();
            for (HypothesisSummary s : vm.summary()) summary.getChildren().add(summaryLine(s));
        });
        Label summaryTitle = new Label("Units per built-in hypothesis");
        summaryTitle.getStyleClass().add("section-title");
        // the controls stay in view; the list takes the height left and the summary scrolls on its own
        ScrollPane summaryScroll = new ScrollPane(summary);
        summaryScroll.setFitToWidth(true);
        summaryScroll.setPrefHeight(175);
        summaryScroll.setMinHeight(60);
        getChildren().addAll(title, form, actions, status, list, summaryTitle, summaryScroll);
    }

    private static RadioButton radio(String label, UnitFinderViewModel.Mode mode, ToggleGroup group, String tip) {
        RadioButton b = new RadioButton(label);
        b.setTooltip(new Tooltip(tip));
        b.setUserData(mode);
        b.setToggleGroup(group);
        return b;
    }

    private static void select(ToggleGroup group, UnitFinderViewModel.Mode m) {
        group.getToggles().stream().filter(t -> t.getUserData() == m).findFirst().ifPresent(t -> t.setSelected(true));
    }

    /** A number field bound to {@code p}: a value that is not a number is marked and left unused. */
    private static TextField number(String id, DoubleProperty p, String tip) {
        TextField f = new TextField(String.format(Locale.ROOT, "%.2f", p.get()));
        f.setTooltip(new Tooltip(tip));
        f.setId(id);
        f.setPrefColumnCount(5);
        f.textProperty().addListener((o, a, b) -> {
            try {
                double v = Double.parseDouble(b.trim());
                if (!Double.isFinite(v)) throw new NumberFormatException();
                p.set(v);
                f.getStyleClass().remove("invalid");
            } catch (NumberFormatException e) {
                if (!f.getStyleClass().contains("invalid")) f.getStyleClass().add("invalid");
            }
        });
        return f;
    }

    private Label summaryLine(HypothesisSummary s) {
        String text = s.constant()
                ? s.hypothesis() + ": constant on this text"
                : String.format(Locale.ROOT, "%s: %d with |r| ≥ %.2f (best %s, r = %s)", s.hypothesis(), s.passing(),
                s.minCorrelation(), s.best().series().label(), Num.f(s.best().correlation()));
        Label l = new Label(text);
        l.getStyleClass().add("finder-summary-line");
        return l;
    }

    /** One series of the ranking: its name, a sparkline, r and precision/recall; a click shows it everywhere. */
    private final class ScoreCell extends ListCell<UnitScore> {
        private final Label name = new Label();
        private final Canvas spark = new Canvas(110, 24);
        private final Label scores = new Label();
        private final HBox box = new HBox(8, name, spark, scores);

        ScoreCell() {
            getStyleClass().add("finder-row");
            name.setMinWidth(70);
            box.setAlignment(Pos.CENTER_LEFT);
            setOnMouseClicked(e -> {
                if (getItem() != null) vm.select(getItem());
            });
        }

        @Override
        protected void updateItem(UnitScore s, boolean empty) {
            super.updateItem(s, empty);
            if (empty || s == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            name.setText(s.series().label());
            scores.setText("r = " + Num.f(s.correlation()) + "\nP " + pct(s.precision()) + " · R " + pct(s.recall()));
            drawSparkline(s);
            setGraphic(box);
        }

        private void drawSparkline(UnitScore s) {
            GraphicsContext g = spark.getGraphicsContext2D();
            double w = spark.getWidth(), h = spark.getHeight();
            g.clearRect(0, 0, w, h);
            var ranking = vm.rankingProperty().get();
            if (ranking != null) line(g, ranking.hypothesisSparkline(), w, h, Color.gray(0.72), false);
            line(g, s.sparkline(), w, h, s.correlation() < 0 ? Color.web("#2166ac") : Color.web("#b2182b"),
                    s.correlation() < 0);
        }

        /** The points scaled to the box (flipped for a unit that falls where the hypothesis rises). */
        private void line(GraphicsContext g, float[] p, double w, double h, Color c, boolean flip) {
            if (p.length == 0) return;
            double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
            for (float v : p) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            double span = hi > lo ? hi - lo : 1;
            g.setStroke(c);
            g.setLineWidth(1.2);
            g.beginPath();
            for (int i = 0; i < p.length; i++) {
                double f = (p[i] - lo) / span;
                if (flip) f = 1 - f;
                double x = p.length == 1 ? w / 2 : i * (w - 2) / (p.length - 1) + 1, y = h - 2 - f * (h - 4);
                if (i == 0) g.moveTo(x, y);
                else g.lineTo(x, y);
            }
            g.stroke();
        }

        private String pct(double v) {
            return Double.isNaN(v) ? "–" : Num.percent(v);
        }
    }
}
