package org.rnnexplorer.ui.generate;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;
import org.rnnexplorer.ui.explorer.trace.TraceResult;
import org.rnnexplorer.ui.explorer.trace.TraceViewModel;

/**
 * The cell tab's Generate panel: how many tokens, the temperature, top-k and seed; Generate (a language model) or
 * Continue (a series model); the text written, or a plot of the series given and continued; Append to the input.
 */
public final class GeneratePanel extends VBox {
    private final TextArea text = new TextArea();
    private final ChartViewer plot = new ChartViewer();
    private final StackPane plotBox = new StackPane(plot);

    /** A panel bound to {@code vm}. */
    public static GeneratePanel of(GenerateViewModel vm, TraceViewModel trace) {
        GeneratePanel p = new GeneratePanel();
        p.bind(vm, trace);
        return p;
    }

    public GeneratePanel() {
        getStyleClass().add("generate-panel");
        setSpacing(8);
        setPadding(new Insets(8));
    }

    public void bind(GenerateViewModel vm, TraceViewModel trace) {
        Spinner<Integer> length = new Spinner<>(1, 5000, vm.lengthProperty().get(), 50);
        length.setId("generate-length");
        Spinner<Double> temperature = new Spinner<>(0.0, 5.0, vm.temperatureProperty().get(), 0.1);
        temperature.setId("generate-temperature");
        Spinner<Integer> topK = new Spinner<>(0, 1000, vm.topKProperty().get(), 1);
        topK.setId("generate-top-k");
        Spinner<Integer> seed = new Spinner<>(0, Integer.MAX_VALUE, vm.seedProperty().get(), 1);
        seed.setId("generate-seed");
        for (Spinner<?> s : new Spinner<?>[] {length, temperature, topK, seed}) {
            s.setEditable(true);
            s.setPrefWidth(90);
        }
        length.valueProperty().addListener((o, a, v) -> vm.lengthProperty().set(v));
        temperature.valueProperty().addListener((o, a, v) -> vm.temperatureProperty().set(v));
        topK.valueProperty().addListener((o, a, v) -> vm.topKProperty().set(v));
        seed.valueProperty().addListener((o, a, v) -> vm.seedProperty().set(v));
        length.setTooltip(new Tooltip("How many tokens (or values) to write after the input"));
        temperature.setTooltip(new Tooltip("T: q ∝ exp(z / T); 0 always takes the likeliest, higher is wilder"));
        topK.setTooltip(new Tooltip("Draw only from the k likeliest tokens (0: from all)"));
        seed.setTooltip(new Tooltip("The same seed and settings write the same text"));

        Button go = new Button();
        go.setId("generate");
        go.textProperty().bind(Bindings.when(vm.kindProperty().isEqualTo(GenerateViewModel.Kind.SERIES))
                .then("Continue").otherwise("Generate"));
        go.disableProperty().bind(vm.runningProperty().or(vm.kindProperty().isEqualTo(GenerateViewModel.Kind.NONE)));
        go.setOnAction(e -> vm.generate());
        go.setTooltip(new Tooltip("Write after the input's last step, from the state the model reached there"));
        Button cancel = new Button("Stop");
        cancel.setId("generate-stop");
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        cancel.setTooltip(new Tooltip("Stop writing; what was written so far is kept"));
        Button append = new Button("Append to the input");
        append.setId("generate-append");
        append.disableProperty().bind(vm.generatedProperty().isNull());
        append.setOnAction(e -> vm.append());
        append.setTooltip(new Tooltip("Add what was written to the input and show its first step"));

        FlowPane settings = new FlowPane(8, 6, new Label("Length"), length, new Label("Temperature"), temperature,
                new Label("Top-k"), topK, new Label("Seed"), seed);
        settings.setAlignment(Pos.CENTER_LEFT);
        HBox actions = new HBox(8, go, cancel, append);
        text.setId("generated-text");
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(8);
        text.setTooltip(new Tooltip("What the model wrote after the input (Append adds it to the input)"));
        Label status = new Label();
        status.setId("generate-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        plotBox.setPrefHeight(260);
        plotBox.setMinHeight(180);
        getChildren().addAll(settings, actions, status, text, plotBox);

        vm.kindProperty().addListener((o, a, k) -> showKind(k));
        showKind(vm.kindProperty().get());
        vm.generatedProperty().addListener((o, a, g) -> show(vm, trace));
        vm.writtenFromProperty().addListener((o, a, b) -> show(vm, trace));
        trace.resultProperty().addListener((o, a, b) -> show(vm, trace));
    }

    private void showKind(GenerateViewModel.Kind k) {
        boolean series = k == GenerateViewModel.Kind.SERIES;
        text.setVisible(!series);
        text.setManaged(!series);
        plotBox.setVisible(series);
        plotBox.setManaged(series);
    }

    private void show(GenerateViewModel vm, TraceViewModel trace) {
        GenerateViewModel.Generated g = vm.generatedProperty().get();
        if (vm.kindProperty().get() != GenerateViewModel.Kind.SERIES) {
            text.setText(g == null ? "" : g.appended());
            return;
        }
        TraceResult r = trace.result();
        if (g != null) plot.setChart(ContinuationChart.of(g.given(), g.continued()));
        else if (r != null && r.input().vectors() != null) plot.setChart(ContinuationChart.ofInput(r.input().vectors(),
                vm.writtenFromProperty().get()));
    }
}
