package org.rnnexplorer.ui.gradient;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.rnnexplorer.chart.GateChart;
import org.rnnexplorer.analysis.Quantity;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.InputBatch;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.ui.export.Exporter;

/**
 * The gradient lab: the gradient-over-time chart of the current model and input with the what-if sliders under it
 * (recurrent-weight scale, forget/update-gate bias, sequence length), a one-line reading, a compare toggle (RNN, LSTM
 * and GRU of the same size), and tabs with the gate activations of the selected units and the saturation bars. The
 * Export menu saves each chart (PNG, PNG 2x, SVG, PDF), the pane as PNG, and the trace (CSV, JSON).
 *
 * <p>Embed it with a {@link GradientLabViewModel}: {@code new GradientLabPane(vm)}, then {@code vm.show(model, input,
 * tokens)} whenever the window's model or input changes, and bind {@code vm.unitsProperty()} to the selected unit.
 */
public final class GradientLabPane extends BorderPane {
    static final double SCALE_MIN = 0.0;
    static final double SCALE_MAX = 3.0;
    static final double BIAS_MIN = -6.0;
    static final double BIAS_MAX = 8.0;
    static final int STEPS_MIN = 2;
    static final int STEPS_MAX = 400;
    /** A step-through GIF shows at most this many steps, {@link #GIF_DELAY_MS} each. */
    static final int GIF_STEPS = 120;
    static final int GIF_DELAY_MS = 300;

    private final GradientLabViewModel vm;
    private final Exporter exporter = new Exporter();
    private final ChartViewer gradientViewer = new ChartViewer();
    private final ChartViewer saturationViewer = new ChartViewer();
    private final GridPane gateGrid = new GridPane();
    private final List<ChartViewer> gateViewers = new ArrayList<>();
    private final Label reading = new Label();
    private final Label error = new Label();
    private final Slider scale = new Slider(SCALE_MIN, SCALE_MAX, 1.0);
    private final Slider bias = new Slider(BIAS_MIN, BIAS_MAX, 1.0);
    private final Slider steps = new Slider(0, STEPS_MAX, 40);
    private final Label scaleLabel = new Label();
    private final Label biasLabel = new Label();
    private final Label stepsLabel = new Label();
    private final Label biasHint = new Label();
    private final ToggleButton compare = new ToggleButton("Compare RNN · LSTM · GRU");
    private final TabPane tabs = new TabPane();
    private final TextField unitsField = new TextField();
    private boolean settingSliders;

    /** A pane on its own view model, showing {@code model} on {@code input} ({@code tokens} may be null). */
    public GradientLabPane(RnnModel model, InputBatch input, List<String> tokens) {
        this(new GradientLabViewModel());
        vm.show(model, input, tokens);
    }

    public GradientLabPane(GradientLabViewModel vm) {
        this.vm = vm;
        getStyleClass().add("gradient-lab");
        setStyle("-fx-background-color: white; -fx-font-size: 14px;");
        setTop(toolbar());
        setCenter(tabs());
        setBottom(sliders());
        vm.resultProperty().addListener((o, a, r) -> apply(r));
        vm.readingProperty().addListener((o, a, s) -> reading.setText(s));
        vm.errorProperty().addListener((o, a, s) -> error.setText(s));
        vm.modelProperty().addListener((o, a, m) -> syncSliders());
        vm.inputProperty().addListener((o, a, m) -> syncSliders());
        vm.recurrentScaleProperty().addListener((o, a, b) -> syncSliders());
        vm.keepBiasProperty().addListener((o, a, b) -> syncSliders());
        vm.stepsProperty().addListener((o, a, b) -> syncSliders());
        compare.selectedProperty().bindBidirectional(vm.compareProperty());
        syncSliders();
        if (vm.getResult() != null) apply(vm.getResult());
    }

    public GradientLabViewModel viewModel() {
        return vm;
    }

    /** The export machinery (tests point it at a folder; the main window may share its settings). */
    public Exporter exporter() {
        return exporter;
    }

    private Node toolbar() {
        Label title = new Label("Gradient lab");
        title.setStyle("-fx-font-size: 18px; -fx-font-weight: bold;");
        compare.setId("compare");
        Button reset = new Button("As trained");
        reset.setId("reset");
        reset.setOnAction(e -> vm.resetSliders());
        MenuButton export = new MenuButton("Export");
        export.setId("export");
        export.setOnShowing(e -> fillExportMenu(export));
        fillExportMenu(export);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        compare.setTooltip(new Tooltip("The same input through a vanilla RNN, an LSTM and a GRU of the same size"));
        reset.setTooltip(new Tooltip("Put the sliders back: the model's own weights and the input's length"));
        export.setTooltip(new Tooltip("Save the charts (PNG, SVG, PDF), this pane, or the trace"));
        HBox bar = new HBox(12, title, compare, reset, gap, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 10, 6, 10));
        return bar;
    }

    private void fillExportMenu(MenuButton menu) {
        GradientLabResult r = vm.getResult();
        menu.getItems().clear();
        menu.getItems().add(exporter.chartMenu("Gradient chart", "gradient",
                () -> vm.getResult() == null ? null : vm.getResult().gradientChart(), this::window));
        if (r != null) {
            for (int i = 0; i < r.gateCharts().size(); i++) {
                int k = i;
                JFreeChart c = r.gateCharts().get(i);
                String title = c.getTitle() == null ? "gate " + i : c.getTitle().getText();
                menu.getItems().add(exporter.chartMenu(title, "gates-" + stem(title),
                        () -> vm.getResult() == null ? null : vm.getResult().gateCharts().get(
                                Math.min(k, vm.getResult().gateCharts().size() - 1)), this::window));
            }
        }
        menu.getItems().add(exporter.chartMenu("Saturation chart", "saturation",
                () -> vm.getResult() == null ? null : vm.getResult().saturation(), this::window));
        javafx.scene.control.MenuItem gif = new javafx.scene.control.MenuItem(
                "Gate chart step by step (animated GIF)");
        gif.setId("export-gates-gif");
        gif.setOnAction(e -> {
            GradientLabResult x = vm.getResult();
            if (x == null) return;
            int[] units = GradientLab.validUnits(vm.unitsProperty().get(), x.model().hiddenSize());
            Quantity q = Quantity.gates(x.model().cell()).isEmpty() ? Quantity.HIDDEN
                    : Quantity.gate(x.model().cell(), 1 % x.model().cell().blocks());
            int top = x.trace().layerCount() - 1;
            exporter.exportChartGif(t -> GateChart.of(x.trace(), top, q, units, x.tokens(), t),
                    Math.min(x.trace().steps(), GIF_STEPS), GIF_DELAY_MS, "gates-steps", window());
        });
        menu.getItems().add(gif);
        menu.getItems().add(new SeparatorMenuItem());
        menu.getItems().addAll(exporter.nodeItems("This pane", "gradient-lab", () -> this, this::window));
        menu.getItems().add(new SeparatorMenuItem());
        menu.getItems().addAll(exporter.traceItems(() -> {
            GradientLabResult x = vm.getResult();
            return x == null ? null : new Exporter.TraceSnapshot(x.trace(), x.tokens(), x.gradients(), x.objective());
        }, this::window));
    }

    private static String stem(String title) {
        String s = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "gate" : s;
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    private Node tabs() {
        gradientViewer.setId("gradient-chart");
        reading.setId("reading");
        reading.setWrapText(true);
        reading.setMaxWidth(Double.MAX_VALUE);
        reading.setPadding(new Insets(6, 10, 6, 10));
        error.setId("lab-error");
        error.setStyle("-fx-text-fill: #b00020;");
        BorderPane gradient = new BorderPane(new StackPane(gradientViewer));
        gradient.setBottom(new VBox(reading, error));

        TextField units = unitsField;
        units.setId("units");
        units.setPromptText("e.g. 0, 5, 29");
        units.setTooltip(new Tooltip("Which units' gates to plot; type numbers and press Enter"));
        units.setPrefColumnCount(14);
        units.setOnAction(e -> vm.unitsProperty().set(parseUnits(units.getText())));
        vm.unitsProperty().addListener((o, a, u) -> {
            if (u != null && !units.isFocused()) units.setText(join(u));
        });
        Label unitsLabel = new Label("Units (comma-separated, Enter):");
        Label gatesHint = new Label("σ gates: 0 = closed, 1 = open; shaded bands = saturated (< 0.1 or > 0.9)");
        gatesHint.setStyle("-fx-text-fill: #555;");
        HBox unitBar = new HBox(8, unitsLabel, units, gatesHint);
        unitBar.setAlignment(Pos.CENTER_LEFT);
        unitBar.setPadding(new Insets(6, 10, 6, 10));
        BorderPane gates = new BorderPane(gateGrid);
        gates.setTop(unitBar);
        saturationViewer.setId("saturation-chart");

        Tab t1 = new Tab("Gradient over time", gradient);
        Tab t2 = new Tab("Gate activations", gates);
        Tab t3 = new Tab("Saturation", new StackPane(saturationViewer));
        t1.setId("tab-gradient");
        t2.setId("tab-gates");
        t3.setId("tab-saturation");
        for (Tab t : List.of(t1, t2, t3)) t.setClosable(false);
        tabs.getTabs().addAll(t1, t2, t3);
        return tabs;
    }

    private Node sliders() {
        scale.setId("scale");
        bias.setId("bias");
        steps.setId("steps");
        scaleLabel.setId("scale-label");
        biasLabel.setId("bias-label");
        stepsLabel.setId("steps-label");
        scale.setMajorTickUnit(0.5);
        scale.setShowTickMarks(true);
        scale.setShowTickLabels(true);
        scale.setBlockIncrement(0.05);
        bias.setMajorTickUnit(2);
        bias.setShowTickMarks(true);
        bias.setShowTickLabels(true);
        bias.setBlockIncrement(0.25);
        steps.setMajorTickUnit(50);
        steps.setShowTickMarks(true);
        steps.setShowTickLabels(true);
        steps.setBlockIncrement(1);
        scale.valueProperty().addListener((o, a, v) -> {
            if (!settingSliders) vm.recurrentScaleProperty().set(Math.round(v.doubleValue() * 100) / 100.0);
        });
        bias.valueProperty().addListener((o, a, v) -> {
            if (!settingSliders) vm.keepBiasProperty().set(Math.round(v.doubleValue() * 4) / 4.0);
        });
        steps.valueProperty().addListener((o, a, v) -> {
            if (!settingSliders) vm.stepsProperty().set(Math.max(STEPS_MIN, (int) Math.round(v.doubleValue())));
        });
        scale.setTooltip(new Tooltip("Multiply the recurrent weights W_hh (1 = as trained)"));
        bias.setTooltip(new Tooltip("Set the bias of the gate that keeps the memory (LSTM forget gate, GRU update gate)"));
        steps.setTooltip(new Tooltip("How many steps the input runs (it repeats to fill them)"));
        Label scaleHint = hint("← smaller: the gradient vanishes        larger: it explodes →");
        Label stepsHint = hint("longer: more steps back for the gradient to fade or grow (the input repeats)");
        biasHint.setStyle("-fx-text-fill: #555;");

        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(2);
        g.setPadding(new Insets(6, 10, 10, 10));
        ColumnConstraints c0 = new ColumnConstraints(290);
        ColumnConstraints c1 = new ColumnConstraints(200, 420, Double.MAX_VALUE);
        c1.setHgrow(Priority.ALWAYS);
        ColumnConstraints c2 = new ColumnConstraints();
        c2.setHgrow(Priority.SOMETIMES);
        g.getColumnConstraints().addAll(c0, c1, c2);
        g.addRow(0, scaleLabel, scale, scaleHint);
        g.addRow(1, biasLabel, bias, biasHint);
        g.addRow(2, stepsLabel, steps, stepsHint);
        for (Label l : List.of(scaleLabel, biasLabel, stepsLabel)) {
            l.setStyle("-fx-font-weight: bold;");
            l.setWrapText(true); // "Forget-gate bias b_f: as trained (mean 1.20)" is wider than the column
        }
        for (int i = 0; i < 3; i++) g.getRowConstraints().add(new RowConstraints(44));
        return g;
    }

    private static Label hint(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-text-fill: #555;");
        return l;
    }

    /** Puts the sliders and their labels where the view model is (without feeding the change back). */
    private void syncSliders() {
        settingSliders = true;
        try {
            double s = vm.recurrentScaleProperty().get();
            scale.setValue(s);
            scaleLabel.setText(String.format(Locale.ROOT, "Recurrent weights  W_hh × %.2f", s));
            RnnModel m = vm.modelProperty().get();
            CellType cell = m == null ? CellType.RNN : m.cell();
            boolean gated = cell != CellType.RNN || vm.compareProperty().get();
            bias.setDisable(!gated);
            double b = vm.keepBiasProperty().get();
            String gate = cell == CellType.GRU ? "Update-gate bias b_z" : "Forget-gate bias b_f";
            if (!gated) {
                biasLabel.setText("Forget-gate bias: no gate");
                biasHint.setText("a vanilla RNN has no gate (Compare shows the gated cells)");
            } else {
                double trained = vm.trainedKeepBias();
                if (Double.isNaN(b)) {
                    bias.setValue(Double.isNaN(trained) ? 1.0 : Math.max(BIAS_MIN, Math.min(BIAS_MAX, trained)));
                    biasLabel.setText(Double.isNaN(trained) ? gate + " = 1.00 (peers)"
                            : String.format(Locale.ROOT, "%s: as trained (mean %.2f)", gate, trained));
                } else {
                    bias.setValue(b);
                    biasLabel.setText(String.format(Locale.ROOT, "%s = %.2f", gate, b));
                }
                biasHint.setText(cell == CellType.GRU && !vm.compareProperty().get()
                        ? "← low: z ≈ 0, h is rewritten, the gradient vanishes        high: z ≈ 1 copies h forward →"
                        : "← low: f ≈ 0 forgets, the gradient vanishes        high: f ≈ 1 keeps the cell state →");
            }
            int t = vm.stepsProperty().get() == 0 ? vm.inputSteps() : vm.stepsProperty().get();
            steps.setValue(t);
            stepsLabel.setText("Sequence length  T = " + t + (vm.stepsProperty().get() == 0 ? " (the input)" : ""));
        } finally {
            settingSliders = false;
        }
    }

    private void apply(GradientLabResult r) {
        if (r == null) return;
        gradientViewer.setChart(r.gradientChart());
        saturationViewer.setChart(r.saturation());
        GradientReading.Verdict v = r.curves().size() == 1 ? GradientReading.verdict(r.curves().get(0)) : null;
        String color = v == null ? "#222" : v == GradientReading.Verdict.EXPLODING ? "#b03000"
                : v == GradientReading.Verdict.VANISHING ? "#0050a0" : "#007050";
        reading.setStyle("-fx-font-size: 15px; -fx-font-weight: bold; -fx-text-fill: " + color + ";");
        List<JFreeChart> charts = r.gateCharts();
        if (gateViewers.size() != charts.size()) {
            gateGrid.getChildren().clear();
            gateGrid.getColumnConstraints().clear();
            gateGrid.getRowConstraints().clear();
            gateViewers.clear();
            int cols = charts.size() == 1 ? 1 : 2;
            int rows = (charts.size() + cols - 1) / cols;
            for (int c = 0; c < cols; c++) {
                ColumnConstraints cc = new ColumnConstraints();
                cc.setPercentWidth(100.0 / cols);
                gateGrid.getColumnConstraints().add(cc);
            }
            for (int i = 0; i < rows; i++) {
                RowConstraints rc = new RowConstraints();
                rc.setPercentHeight(100.0 / rows);
                gateGrid.getRowConstraints().add(rc);
            }
            for (int i = 0; i < charts.size(); i++) {
                ChartViewer cv = new ChartViewer();
                cv.setId("gate-chart-" + i);
                gateViewers.add(cv);
                gateGrid.add(new StackPane(cv), i % cols, i / cols);
            }
        }
        for (int i = 0; i < charts.size(); i++) gateViewers.get(i).setChart(charts.get(i));
        if (unitsField.getText().isBlank() && !unitsField.isFocused()) unitsField.setText(shownUnits(charts));
        syncSliders();
    }

    /** "0, 1, 2": the units the first gate chart draws (its series are named "unit u"). */
    private static String shownUnits(List<JFreeChart> charts) {
        if (charts.isEmpty()) return "";
        var data = charts.get(0).getXYPlot().getDataset();
        StringBuilder b = new StringBuilder();
        for (int s = 0; s < data.getSeriesCount(); s++)
            b.append(s > 0 ? ", " : "").append(data.getSeriesKey(s).toString().replace("unit ", ""));
        return b.toString();
    }

    /** The gate charts shown now (for tests and the GIF demo). */
    public List<ChartViewer> gateViewers() {
        return List.copyOf(gateViewers);
    }

    public ChartViewer gradientViewer() {
        return gradientViewer;
    }

    public TabPane tabPane() {
        return tabs;
    }

    static int[] parseUnits(String text) {
        List<Integer> out = new ArrayList<>();
        for (String p : text.split("[,\\s]+")) {
            if (p.isBlank()) continue;
            try {
                out.add(Integer.parseInt(p.trim()));
            } catch (NumberFormatException e) {
                // not a number: skipped
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    static String join(int[] u) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < u.length; i++) b.append(i > 0 ? ", " : "").append(u[i]);
        return b.toString();
    }

    /** Stops the background threads. */
    public void dispose() {
        vm.dispose();
        exporter.dispose();
    }
}
