package org.rnnexplorer.ui.explorer.whatif;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.rnnexplorer.analysis.Quantity;
import org.rnnexplorer.chart.HeatmapColours;
import org.rnnexplorer.model.Trace;
import org.rnnexplorer.ui.common.ViewOptions;
import org.rnnexplorer.ui.explorer.heatmap.HeatmapView;
import org.rnnexplorer.ui.explorer.trace.TraceResult;
import org.rnnexplorer.ui.explorer.trace.TraceViewModel;

/**
 * The what-if trace beside the original: the hidden state over time without and with the clamps, and their
 * difference (what changed, where and how much).
 */
public final class WhatIfPanel extends VBox {
    private final Label summary = new Label();
    private final Label atStep = new Label();
    private final Button clear = new Button("Clear what-ifs");
    private final CheckBox showInDiagram = new CheckBox("Show the what-if in the cell diagram and the equations");
    private final HeatmapView original = new HeatmapView("h, original", Quantity.Range.TANH, new HeatmapView.Source() {
        public Trace trace(TraceResult r) {
            return r.hasWhatIf() ? r.original() : null;
        }

        public double value(TraceResult r, int l, int t, int u) {
            return r.original().hidden(l, t, u);
        }
    }, HeatmapColours.Choice.LARGEST);
    private final HeatmapView changed = new HeatmapView("h, with the what-if", Quantity.Range.TANH,
            new HeatmapView.Source() {
                public Trace trace(TraceResult r) {
                    return r.whatIf();
                }

                public double value(TraceResult r, int l, int t, int u) {
                    return r.whatIf().hidden(l, t, u);
                }
            }, HeatmapColours.Choice.LARGEST);
    private final HeatmapView difference = new HeatmapView("difference (what-if − original), scaled to the largest change",
            Quantity.Range.UNBOUNDED, new HeatmapView.Source() {
                public Trace trace(TraceResult r) {
                    return r.whatIf();
                }

                public double value(TraceResult r, int l, int t, int u) {
                    return r.whatIf().hidden(l, t, u) - r.original().hidden(l, t, u);
                }
            }, HeatmapColours.Choice.LARGEST);

    public WhatIfPanel() {
        getStyleClass().add("what-if");
        summary.setWrapText(true);
        summary.setId("what-if-summary");
        atStep.setId("what-if-at-step");
        atStep.getStyleClass().add("what-if-at-step");
        clear.setId("clear-what-ifs-button");
        clear.setMinWidth(Region.USE_PREF_SIZE);
        clear.setTooltip(new Tooltip("Remove every clamp and ablation"));
        difference.setId("what-if-difference");
        changed.setId("what-if-changed");
        HBox top = new HBox(12, summary, clear);
        HBox.setHgrow(summary, Priority.ALWAYS);
        setSpacing(8);
        showInDiagram.setId("show-what-if");
        showInDiagram.setTooltip(new Tooltip(
                "Off: the diagram and the equations show the original trace; on: the trace with the clamps"));
        getChildren().addAll(top, atStep, showInDiagram, original, changed, difference);
    }

    public void bind(TraceViewModel trace, WhatIfViewModel whatIf, ViewOptions view, WhatIfMenus menus) {
        summary.textProperty().bind(whatIf.summaryProperty());
        atStep.textProperty().bind(whatIf.atStepProperty());
        clear.disableProperty().bind(Bindings.isEmpty(trace.whatIfs()));
        clear.setOnAction(e -> whatIf.clear());
        showInDiagram.selectedProperty().bindBidirectional(trace.showWhatIfProperty());
        for (HeatmapView h : new HeatmapView[] {original, changed, difference}) h.bind(trace, view, menus);
        trace.modelProperty().addListener((o, a, m) -> {
            if (m != null) for (HeatmapView h : new HeatmapView[] {original, changed, difference})
                h.setRowHeight(HeatmapView.rowHeight(m.hiddenSize()) * 0.6, m.hiddenSize());
        });
    }
}
