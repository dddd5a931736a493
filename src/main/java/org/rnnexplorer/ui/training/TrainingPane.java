package org.rnnexplorer.ui.training;

import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.jfree.chart.fx.ChartViewer;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.ui.common.DialogService;
import org.rnnexplorer.ui.common.FxDialogService;
import org.rnnexplorer.ui.common.LiveChart;
import org.rnnexplorer.ui.export.Exporter;

/**
 * The training view: pick a task and a cell, Train / Cancel, a progress bar with the steps per second, live charts of
 * loss, accuracy and gradient norm, and "Use this model" that hands the trained model to the window.
 *
 * <p>"Use this model" publishes {@link ModelChosen} on the view model's event bus.
 */
public final class TrainingPane extends BorderPane {
    /** Learning rates offered besides the preset's; 2 makes the runs diverge, which is worth seeing once. */
    static final List<Double> RATES = List.of(Double.NaN, 0.001, 0.003, 0.03, 0.1, 0.5, 2.0);

    private final TrainingViewModel vm;
    private final Exporter exporter;
    private final ChartViewer viewer = new ChartViewer();
    private final LiveChart live;

    /** A pane on its own view model, with JavaFX dialogs. */
    public TrainingPane() {
        this(new TrainingViewModel(), null);
    }

    /** The pane on {@code vm}, asking for files through {@code dialogs} (null: JavaFX dialogs over its window). */
    public TrainingPane(TrainingViewModel vm, DialogService dialogs) {
        this.vm = vm;
        exporter = new Exporter(dialogs != null ? dialogs : new FxDialogService(this::window));
        getStyleClass().add("training-pane");
        getStylesheets().add(TrainingPane.class.getResource("training.css").toExternalForm());
        setTop(controls());
        viewer.setId("training-chart");
        viewer.setChart(TrainingChart.of(vm.lossSeries(), vm.accuracySeries(), vm.gradientNormSeries(), title()));
        live = new LiveChart(viewer.getChart(), vm.seriesUpdatingProperty());
        vm.taskProperty().addListener((o, a, b) -> retitle());
        vm.cellProperty().addListener((o, a, b) -> retitle());
        setCenter(new StackPane(viewer));
        setBottom(result());
    }

    public TrainingViewModel viewModel() {
        return vm;
    }

    private String title() {
        return "Training " + vm.cellProperty().get().name() + ": " + vm.taskProperty().get().label();
    }

    private void retitle() {
        viewer.getChart().setTitle(title());
    }

    private Node controls() {
        ComboBox<TaskChoice> task = new ComboBox<>(FXCollections.observableArrayList(TaskChoice.all()));
        task.setId("task");
        task.valueProperty().bindBidirectional(vm.taskProperty());
        ComboBox<CellType> cell = new ComboBox<>(FXCollections.observableArrayList(CellType.values()));
        cell.setId("cell");
        cell.valueProperty().bindBidirectional(vm.cellProperty());
        Spinner<Integer> steps = new Spinner<>(1, 100_000, vm.stepsProperty().get(), 50);
        steps.setId("train-steps");
        steps.setEditable(true);
        steps.setPrefWidth(100);
        steps.valueProperty().addListener((o, a, v) -> vm.stepsProperty().set(v));
        vm.stepsProperty().addListener((o, a, v) -> steps.getValueFactory().setValue(v.intValue()));
        ComboBox<Double> rate = new ComboBox<>(FXCollections.observableArrayList(RATES));
        rate.setId("learning-rate");
        rate.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double d) {
                return d == null || d.isNaN() ? "preset" : d >= 1 ? String.format(Locale.ROOT, "%.0f (too high)", d)
                        : String.format(Locale.ROOT, "%s", d);
            }

            @Override
            public Double fromString(String s) {
                return s.equals("preset") ? Double.NaN : Double.parseDouble(s.replace(" (too high)", ""));
            }
        });
        rate.setValue(Double.NaN);
        rate.valueProperty().addListener((o, a, v) -> vm.learningRateProperty().set(v == null ? Double.NaN : v));
        Button train = new Button("Train");
        train.setId("train");
        train.setDefaultButton(true);
        train.disableProperty().bind(vm.runningProperty());
        train.setOnAction(e -> vm.train());
        Button cancel = new Button("Cancel");
        cancel.setId("cancel");
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        for (Node n : List.of(task, cell, steps, rate)) n.disableProperty().bind(vm.runningProperty());
        task.setTooltip(new Tooltip("What the model learns (each task has its preset size and steps)"));
        cell.setTooltip(new Tooltip("The cell to train: vanilla RNN, LSTM or GRU"));
        steps.setTooltip(new Tooltip("Training steps (one batch each)"));
        rate.setTooltip(new Tooltip("Learning rate of Adam; \"preset\" is the task's own"));
        train.setTooltip(new Tooltip("Train in the background; the charts update live (Enter)"));
        cancel.setTooltip(new Tooltip("Stop training; the model so far is kept"));
        MenuButton export = new MenuButton("Export");
        export.setId("export");
        export.getItems().add(exporter.chartMenu("Training chart", "training",
                () -> TrainingChart.snapshot(vm.lossSeries(), vm.accuracySeries(), vm.gradientNormSeries(), title())));
        export.setTooltip(new Tooltip("Save the training chart or this pane as a picture"));
        export.getItems().add(new SeparatorMenuItem());
        export.getItems().addAll(exporter.nodeItems("This pane", "training-pane", () -> this));

        Label title = new Label("Train a model");
        title.getStyleClass().add("pane-title");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox row0 = new HBox(10, title, gap, export);
        row0.setAlignment(Pos.CENTER_LEFT);
        HBox row1 = new HBox(10, new Label("Task"), task, new Label("Cell"), cell, new Label("Steps"), steps,
                new Label("Learning rate"), rate, train, cancel);
        row1.setAlignment(Pos.CENTER_LEFT);
        for (Node n : row1.getChildren()) if (n instanceof Region r) r.setMinWidth(Region.USE_PREF_SIZE);

        ProgressBar bar = new ProgressBar(0);
        bar.setId("progress");
        bar.progressProperty().bind(vm.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        Label speed = new Label();
        speed.setId("speed");
        speed.setMinWidth(160);
        speed.textProperty().bind(Bindings.createStringBinding(() -> vm.stepsPerSecondProperty().get() > 0
                ? String.format(Locale.ROOT, "%.1f steps/s", vm.stepsPerSecondProperty().get()) : "",
                vm.stepsPerSecondProperty()));
        HBox row2 = new HBox(10, bar, speed);
        row2.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(8, row0, row1, row2);
        top.setPadding(new Insets(8, 10, 6, 10));
        return top;
    }

    private Node result() {
        Label status = new Label();
        status.setId("train-status");
        status.setWrapText(true);
        status.getStyleClass().add("train-status");
        status.textProperty().bind(vm.statusProperty());
        Label problem = new Label();
        problem.setId("train-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add("train-problem");
        problem.textProperty().bind(vm.problemProperty());
        Button use = new Button("Use this model");
        use.setId("use-model");
        use.disableProperty().bind(vm.trainedModelProperty().isNull().or(vm.runningProperty()));
        use.setOnAction(e -> vm.useModel());
        use.setTooltip(new Tooltip("Open the trained model in the cell tab"));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        VBox text = new VBox(4, status, problem);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(10, text, use);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(6, 10, 10, 10));
        return row;
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }


    /** The live chart draws only while {@code shown} is true (the tab's {@code selectedProperty()}). */
    public void drawOnlyWhile(ObservableBooleanValue shown) {
        live.drawOnlyWhile(shown);
    }
}
