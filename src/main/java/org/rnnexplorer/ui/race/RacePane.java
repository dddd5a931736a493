package org.rnnexplorer.ui.race;

import java.util.List;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.ui.common.LiveChart;
import org.rnnexplorer.ui.training.TaskChoice;

/**
 * The race tab: choose a task, a seed and the batches; Start trains a vanilla RNN, an LSTM and a GRU at once, their
 * loss and accuracy live on one chart; when it is done, "Step through" shows the three models on one input side by
 * side ({@link RaceReplayView}).
 */
public final class RacePane extends BorderPane {
    private final RaceViewModel vm;
    private final RaceReplayViewModel replay;
    private final ChartViewer viewer = new ChartViewer();
    private final LiveChart live;
    private final SplitPane centre = new SplitPane();
    private final ScrollPane replayScroll;

    public RacePane(RaceViewModel vm, RaceReplayViewModel replay) {
        this.vm = vm;
        this.replay = replay;
        getStyleClass().add("race-pane");
        getStylesheets().add(RacePane.class.getResource("race.css").toExternalForm());
        setTop(controls());
        viewer.setId("race-chart");
        viewer.setChart(RaceChart.of(vm, title()));
        live = new LiveChart(viewer.getChart(), vm.seriesUpdatingProperty());
        vm.taskProperty().addListener((o, a, b) -> viewer.getChart().setTitle(title()));
        replayScroll = new ScrollPane(new RaceReplayView(replay));
        replayScroll.setFitToWidth(true);
        centre.setOrientation(Orientation.VERTICAL);
        centre.getItems().add(new StackPane(viewer));
        setCenter(centre);
    }

    public RaceViewModel viewModel() {
        return vm;
    }

    private String title() {
        return "Race: vanilla RNN, LSTM and GRU on " + vm.taskProperty().get().label();
    }

    private Node controls() {
        ComboBox<TaskChoice> task = new ComboBox<>(FXCollections.observableArrayList(TaskChoice.all()));
        task.setId("race-task");
        task.valueProperty().bindBidirectional(vm.taskProperty());
        Spinner<Integer> seed = new Spinner<>(0, Integer.MAX_VALUE, vm.seedProperty().get());
        seed.setId("race-seed");
        seed.setEditable(true);
        seed.setPrefWidth(90);
        seed.valueProperty().addListener((o, a, v) -> vm.seedProperty().set(v));
        Spinner<Integer> batches = new Spinner<>(1, 100_000, vm.batchesProperty().get(), 50);
        batches.setId("race-batches");
        batches.setEditable(true);
        batches.setPrefWidth(100);
        batches.valueProperty().addListener((o, a, v) -> vm.batchesProperty().set(v));
        vm.batchesProperty().addListener((o, a, v) -> batches.getValueFactory().setValue(v.intValue()));
        Button start = new Button("Start");
        start.setId("race-start");
        start.disableProperty().bind(vm.runningProperty());
        start.setOnAction(e -> vm.start());
        Button cancel = new Button("Cancel");
        cancel.setId("race-cancel");
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        Button step = new Button("Step through");
        step.setId("race-step-through");
        step.disableProperty().bind(vm.resultProperty().isNull().or(vm.runningProperty()));
        step.setOnAction(e -> stepThrough());
        for (Node n : List.of(task, seed, batches)) n.disableProperty().bind(vm.runningProperty());
        task.setTooltip(new Tooltip("What the three cells learn (the task's preset: hidden size, learning rate, batch)"));
        seed.setTooltip(new Tooltip("One seed for the three: the same first weights' draw and the same batches"));
        batches.setTooltip(new Tooltip("Batches each cell trains on"));
        start.setTooltip(new Tooltip("Train the three at once, each on its own thread"));
        cancel.setTooltip(new Tooltip("Stop all three; each keeps its model so far"));
        step.setTooltip(new Tooltip("Step the three trained models through one new input, side by side"));

        Label title = new Label("Race three cells");
        title.getStyleClass().add("pane-title");
        HBox row1 = new HBox(10, title, new Label("Task"), task, new Label("Seed"), seed, new Label("Batches"), batches,
                start, cancel, step);
        row1.setAlignment(Pos.CENTER_LEFT);
        for (Node n : row1.getChildren()) if (n instanceof Region r) r.setMinWidth(Region.USE_PREF_SIZE);
        ProgressBar bar = new ProgressBar(0);
        bar.setId("race-progress");
        bar.progressProperty().bind(vm.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        Label status = new Label();
        status.setId("race-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        Label problem = new Label();
        problem.setId("race-problem");
        problem.getStyleClass().add("race-problem");
        problem.textProperty().bind(vm.problemProperty());
        HBox cells = new HBox(24);
        for (CellType c : RaceViewModel.CELLS) {
            Label l = new Label();
            l.setId("race-status-" + c.id());
            l.getStyleClass().add("race-cell-status");
            l.textProperty().bind(vm.cellStatusProperty(c));
            cells.getChildren().add(l);
        }
        VBox top = new VBox(6, row1, bar, status, cells, problem);
        top.setPadding(new Insets(8, 10, 6, 10));
        return top;
    }

    private void stepThrough() {
        replay.show(vm.resultProperty().get(), vm.racedTask(), vm.racedSeed());
        if (!centre.getItems().contains(replayScroll)) {
            centre.getItems().add(replayScroll);
            centre.setDividerPositions(0.42);
        }
    }

    /** The live chart draws only while {@code shown} is true (the tab's {@code selectedProperty()}). */
    public void drawOnlyWhile(ObservableBooleanValue shown) {
        live.drawOnlyWhile(shown);
    }
}
