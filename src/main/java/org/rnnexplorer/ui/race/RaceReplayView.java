package org.rnnexplorer.ui.race;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import org.rnnexplorer.analysis.Connectivity;
import org.rnnexplorer.chart.ChartStyle;
import org.rnnexplorer.ui.connect.ConnectionLights;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.ui.common.Palette;
import org.rnnexplorer.ui.common.TokenLabels;

/**
 * The three trained models stepping through one input side by side: a row per cell with its tokens (the shared
 * step highlighted, the cell's prediction under each token, the task's target over the scored ones), the top
 * layer's h after the step as a strip of coloured squares (blue −1, white 0, red +1), and a button that opens the
 * model in the cell tab. One slider and ◀ ▶ move all three. Hovering a chip compares the cells' memories: in every
 * row the chips up to it light by how much that cell's prediction there depends on each earlier input.
 */
public final class RaceReplayView extends VBox {
    private final RaceReplayViewModel vm;
    private final VBox rows = new VBox(6);
    private final Map<CellType, CellRow> cellRows = new EnumMap<>(CellType.class);
    private final Slider slider = new Slider(0, 1, 0);

    /** One cell's row: its tokens with predictions, and its h after the step. */
    final class CellRow extends VBox {
        final CellType cell;
        final List<VBox> chips = new ArrayList<>();
        final List<Label> lights = new ArrayList<>();
        final HBox hidden = new HBox(1);
        final Label now = new Label();

        CellRow(CellType cell) {
            this.cell = cell;
            getStyleClass().add("race-row");
            setId("race-row-" + cell.id());
            Label name = new Label(RaceViewModel.name(cell));
            name.getStyleClass().add("race-cell-name");
            name.setTextFill(fx(ChartStyle.cellColor(cell)));
            name.setMinWidth(110);
            now.getStyleClass().add("race-now");
            Button open = new Button("Open in the cell tab");
            open.setId("race-open-" + cell.id());
            open.setTooltip(new Tooltip("Step through this model in the cell tab, on this input, at this step"));
            open.setOnAction(e -> vm.openInCellTab(cell));
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            HBox head = new HBox(10, name, now, gap, new Label("h after the step:"), hidden, open);
            head.setAlignment(Pos.CENTER_LEFT);
            setSpacing(2);
            getChildren().add(head);
        }

        void build(RaceReplay r) {
            HBox strip = new HBox(2);
            chips.clear();
            List<String> tokens = r.traces().get(cell).input().tokens();
            for (int t = 0; t < r.steps(); t++) {
                Label target = new Label(r.targets().get(t));
                target.getStyleClass().add("race-target");
                Label token = new Label(TokenLabels.visible(tokens.get(t)));
                token.getStyleClass().add("race-token");
                Label pred = new Label(vm.predictedToken(cell, t));
                pred.getStyleClass().add("race-prediction");
                if (!r.targets().get(t).isEmpty() && !r.regression())
                    pred.getStyleClass().add(pred.getText().equals(r.targets().get(t)) ? "hit" : "miss");
                Tooltip.install(chip(target, token, pred), new Tooltip("step " + (t + 1) + ": "
                        + RaceViewModel.name(cell) + " predicts " + vm.prediction(cell, t)));
                VBox chip = (VBox) token.getParent();
                Label light = new Label();
                light.getStyleClass().add("race-light");
                light.setVisible(false);
                chip.getChildren().add(light);
                lights.add(light);
                int step = t;
                chip.setOnMouseClicked(e -> vm.stepProperty().set(step));
                chip.setOnMouseEntered(e -> vm.hoveredProperty().set(step));
                chips.add(chip);
            }
            strip.getChildren().setAll(chips);
            strip.setOnMouseExited(e -> vm.hoveredProperty().set(-1));
            ScrollPane scroll = new ScrollPane(strip);
            scroll.setFitToHeight(true);
            scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
            if (getChildren().size() > 1) getChildren().set(1, scroll);
            else getChildren().add(scroll);
        }

        private VBox chip(Label target, Label token, Label pred) {
            VBox chip = new VBox(1, target, token, pred);
            chip.setAlignment(Pos.TOP_CENTER);
            chip.getStyleClass().add("race-chip");
            return chip;
        }

        /** Lights the chips up to the hovered step by this cell's c_{s,t}, scaled by its largest earlier one. */
        void light(Connectivity.Row row) {
            double max = 0;
            if (row != null) for (int t = 0; t < row.step(); t++) max = Math.max(max, row.norms()[t]);
            if (row != null && max == 0) max = row.norms()[row.step()];
            for (int t = 0; t < lights.size(); t++) {
                Label l = lights.get(t);
                boolean on = row != null && t <= row.step();
                l.setVisible(on);
                if (!on) continue;
                double v = row.norms()[t];
                Color c = Palette.NORMAL.sigmoid(max > 0 ? Math.min(1, v / max) : 0);
                l.setText(ConnectionLights.text(v));
                l.setBackground(new Background(new BackgroundFill(c, new CornerRadii(2), Insets.EMPTY)));
                l.setTextFill(Palette.textOn(c));
            }
        }

        void show(int t) {
            for (int i = 0; i < chips.size(); i++) {
                VBox c = chips.get(i);
                boolean cur = i == t;
                if (cur != c.getStyleClass().contains("current")) {
                    if (cur) c.getStyleClass().add("current");
                    else c.getStyleClass().remove("current");
                }
            }
            double[] h = vm.hidden(cell, t);
            if (hidden.getChildren().size() != h.length) {
                hidden.getChildren().clear();
                for (int u = 0; u < h.length; u++) hidden.getChildren().add(new Rectangle(9, 16));
            }
            for (int u = 0; u < h.length; u++) {
                Rectangle sq = (Rectangle) hidden.getChildren().get(u);
                sq.setFill(Palette.NORMAL.signed(h[u], 1));
                sq.setStroke(Color.web("#9aa3b2"));
            }
            now.setText("predicts " + vm.prediction(cell, t));
        }
    }

    public RaceReplayView(RaceReplayViewModel vm) {
        this.vm = vm;
        getStyleClass().add("race-replay");
        setId("race-replay");
        setSpacing(8);
        setPadding(new Insets(6, 10, 10, 10));
        for (CellType c : RaceViewModel.CELLS) {
            CellRow row = new CellRow(c);
            cellRows.put(c, row);
            rows.getChildren().add(row);
        }
        Button back = new Button("◀");
        back.setId("race-back");
        back.setOnAction(e -> vm.previous());
        back.setTooltip(new Tooltip("One step back, for all three"));
        Button forward = new Button("▶");
        forward.setId("race-forward");
        forward.setOnAction(e -> vm.next());
        forward.setTooltip(new Tooltip("One step on, for all three"));
        slider.setId("race-step");
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setSnapToTicks(true);
        HBox.setHgrow(slider, Priority.ALWAYS);
        slider.valueProperty().addListener((o, a, b) -> vm.stepProperty().set((int) Math.round(b.doubleValue())));
        Label step = new Label();
        step.setId("race-step-label");
        step.getStyleClass().add("race-step-label");
        step.textProperty().bind(vm.stepLabelProperty());
        step.setMinWidth(360);
        HBox bar = new HBox(8, back, forward, slider, step);
        bar.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(bar, rows);
        vm.replayProperty().addListener((o, a, r) -> build(r));
        vm.stepProperty().addListener((o, a, t) -> show(t.intValue()));
        vm.connectionsProperty().addListener((o, a, rows) -> {
            for (CellRow row : cellRows.values()) row.light(rows == null ? null : rows.get(row.cell));
        });
        if (vm.replayProperty().get() != null) build(vm.replayProperty().get());
    }

    private void build(RaceReplay r) {
        if (r == null) return;
        slider.setMax(Math.max(1, r.steps() - 1));
        for (CellRow row : cellRows.values()) row.build(r);
        show(vm.stepProperty().get());
    }

    private void show(int t) {
        RaceReplay r = vm.replayProperty().get();
        if (r == null || t >= r.steps()) return;
        if ((int) Math.round(slider.getValue()) != t) slider.setValue(t);
        for (CellRow row : cellRows.values()) row.show(t);
    }

    private static Color fx(java.awt.Color c) {
        return Color.rgb(c.getRed(), c.getGreen(), c.getBlue());
    }
}
