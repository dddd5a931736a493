package org.rnnexplorer.ui.explorer.trace;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.rnnexplorer.model.RnnModel;

/**
 * The bar under the menus: the model's title (its description as the tooltip: for a checkpoint, what was found where)
 * and summary, the layer selector for stacked models, the unit shown.
 */
public final class ModelBar extends HBox {
    private final Label title = new Label();
    private final Label summary = new Label();
    private final ComboBox<String> layerBox = new ComboBox<>();
    private final Label unit = new Label();

    public ModelBar() {
        super(12);
        getStyleClass().add("model-bar");
        setAlignment(Pos.CENTER_LEFT);
        title.getStyleClass().add("model-title");
        summary.getStyleClass().add("model-summary");
        unit.getStyleClass().add("unit-label");
        Label layer = new Label("Layer");
        for (Region r : new Region[] {title, layer, layerBox, unit}) r.setMinWidth(Region.USE_PREF_SIZE);
        layerBox.setFocusTraversable(false);
        layerBox.setTooltip(new Tooltip("Which layer the diagram, equations and heatmaps show"));
        unit.setTooltip(new Tooltip("The selected unit: click a cell of any strip or heatmap to choose another"));
        Pane gap = new Pane();
        HBox.setHgrow(gap, Priority.ALWAYS);
        getChildren().addAll(title, summary, gap, layer, layerBox, unit);
    }

    /** Shows {@code reading} ("reading model.pt…") with a spinner while it is not empty. */
    public void showReading(javafx.beans.value.ObservableStringValue reading) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        Label what = new Label();
        what.getStyleClass().add("model-summary");
        what.textProperty().bind(reading);
        HBox box = new HBox(6, spinner, what);
        box.setAlignment(Pos.CENTER_LEFT);
        box.visibleProperty().bind(Bindings.isNotEmpty(reading));
        box.managedProperty().bind(box.visibleProperty());
        getChildren().add(2, box);
    }

    public void bind(TraceViewModel trace) {
        title.textProperty().bind(Bindings.createStringBinding(
                () -> trace.sourceProperty().get() == null ? "" : trace.sourceProperty().get().title(),
                trace.sourceProperty()));
        Tooltip where = new Tooltip();
        where.setWrapText(true);
        where.setMaxWidth(700);
        where.textProperty().bind(Bindings.createStringBinding(
                () -> trace.sourceProperty().get() == null ? "" : trace.sourceProperty().get().description(),
                trace.sourceProperty()));
        title.setTooltip(where);
        summary.textProperty().bind(trace.modelSummaryProperty());
        unit.textProperty().bind(trace.unitLabelProperty());
        trace.modelProperty().addListener((o, a, m) -> {
            layerBox.getItems().clear();
            if (m != null) for (int l = 0; l < m.layerCount(); l++) layerBox.getItems().add(layerName(l, m));
            layerBox.getSelectionModel().select(trace.layerProperty().get());
            layerBox.setDisable(m == null || m.layerCount() < 2);
        });
        layerBox.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (b.intValue() >= 0) trace.layerProperty().set(b.intValue());
        });
    }

    private static String layerName(int l, RnnModel m) {
        return "Layer " + (l + 1) + " of " + m.layerCount();
    }
}
