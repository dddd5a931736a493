package org.rnnexplorer.ui.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import org.rnnexplorer.ui.common.Shortcut;
import org.rnnexplorer.ui.safety.CrashLog;
import org.rnnexplorer.ui.safety.StateFolder;
import org.rnnexplorer.ui.explorer.CellTab;
import org.rnnexplorer.ui.explorer.strip.SequenceStrip;
import org.rnnexplorer.ui.explorer.trace.InputBar;
import org.rnnexplorer.ui.explorer.trace.ModelCatalog;
import org.rnnexplorer.ui.explorer.trace.ModelSource;
import org.rnnexplorer.ui.explorer.trace.TraceResult;
import org.rnnexplorer.ui.explorer.whatif.WhatIfMenus;
import org.rnnexplorer.ui.export.Exporter;
import org.rnnexplorer.ui.export.StepThroughGif;
import org.rnnexplorer.ui.export.TraceNpzExport;

/**
 * The window's menus, each item doing what a view model offers, with its accelerator from {@link Shortcut}. A menu
 * item is one line in its menu's method here.
 */
final class ExplorerMenus {
    private final ExplorerViewModels vms;
    private final Node window;
    private final CellTab cellTab;
    private final InputBar inputBar;
    private final SequenceStrip strip;
    private final Exporter exporter;
    private final TraceNpzExport npz;
    private final StepThroughGif gif;

    ExplorerMenus(ExplorerViewModels vms, Node window, CellTab cellTab, InputBar inputBar, SequenceStrip strip) {
        this.vms = vms;
        this.window = window;
        this.cellTab = cellTab;
        this.inputBar = inputBar;
        this.strip = strip;
        exporter = new Exporter(vms.dialogs);
        npz = new TraceNpzExport(vms.dialogs, Platform::runLater);
        inputBar.progress().showAlso(npz.statusProperty(), npz.runningProperty());
        gif = new StepThroughGif(vms.trace, vms.playback, vms.view, vms.session, vms.dialogs);
    }

    List<Menu> menus() {
        return List.of(file(), model(), playback(), export(), whatIf(), view(), help());
    }

    /** The step-through GIF export (its progress dialog and running state). */
    StepThroughGif stepThroughGif() {
        return gif;
    }

    private Menu file() {
        return new Menu("_File", null,
                Shortcut.OPEN_SESSION.menuItem("_Open session…", vms.session::chooseSessionToOpen),
                Shortcut.SAVE_SESSION.menuItem("_Save session", vms.session::save),
                item("Save session _as…", vms.session::saveAs),
                item("Save _model as…", vms.session::saveModelAs),
                new SeparatorMenuItem(),
                Shortcut.QUIT.menuItem("_Quit", () -> vms.session.unlessUnsaved(Platform::exit)));
    }

    private Menu model() {
        Menu menu = new Menu("_Model");
        for (ModelSource s : ModelCatalog.all()) menu.getItems().add(item(s.title(), () -> vms.session.open(s)));
        Menu recent = new Menu("Open _recent");
        fillRecent(recent);
        vms.session.recentFiles().addListener((ListChangeListener<Path>) c -> fillRecent(recent));
        menu.getItems().addAll(new SeparatorMenuItem(),
                Shortcut.OPEN_MODEL.menuItem("_Open model, session or PyTorch checkpoint…", vms.opening::choose),
                Shortcut.OPEN_INPUT.menuItem("Open _input text or CSV…", vms.trace::chooseInput),
                recent);
        return menu;
    }

    private void fillRecent(Menu recent) {
        recent.getItems().clear();
        for (Path f : vms.session.recentFiles())
            recent.getItems().add(item(f.getFileName() + "  —  " + f.getParent(), () -> vms.opening.open(f)));
        recent.setDisable(recent.getItems().isEmpty());
    }

    private Menu playback() {
        return new Menu("_Playback", null,
                Shortcut.PLAY_PAUSE.menuItem("Play / pause", vms.playback::togglePlay),
                Shortcut.STEP_FORWARD.menuItem("Step forward", vms.playback::stepForward),
                Shortcut.STEP_BACK.menuItem("Step back", vms.playback::stepBack),
                Shortcut.FIRST_STEP.menuItem("First step", vms.playback::first),
                Shortcut.LAST_STEP.menuItem("Last step", vms.playback::last),
                new SeparatorMenuItem(),
                Shortcut.EDIT_INPUT.menuItem("Edit the input", () -> inputBar.editor().requestFocus()));
    }

    /** The Export menu, filled as it opens: the window, the cell diagram, the gradient chart, the trace, the GIF. */
    private Menu export() {
        Menu menu = new Menu("_Export", null, new MenuItem("(nothing to export yet)"));
        menu.setOnShowing(e -> menu.getItems().setAll(exportItems()));
        return menu;
    }

    private List<MenuItem> exportItems() {
        List<MenuItem> items = new ArrayList<>();
        items.addAll(exporter.nodeItems("Window", "window", () -> window));
        items.addAll(exporter.nodeItems("Cell diagram", "cell-diagram", cellTab::diagram));
        items.add(new SeparatorMenuItem());
        Menu chart = exporter.chartMenu("Gradient chart", "gradient", vms.gradient.chartProperty()::get);
        if (vms.gradient.chartProperty().get() == null) {
            chart.setText("Gradient chart (open the Gradient tab first)");
            chart.setDisable(true);
        }
        items.add(chart);
        items.add(heatmapCharts());
        items.add(new SeparatorMenuItem());
        items.addAll(exporter.traceItems(() -> {
            TraceResult r = vms.trace.result();
            if (r == null || r.original() == null) return null;
            return new Exporter.TraceSnapshot(r.original(), r.model().takesTokens() ? r.input().tokens() : null, null,
                    null);
        }));
        if (vms.trace.result() != null && vms.trace.result().isCompact())
            items.stream().filter(i -> i.getId() != null && i.getId().startsWith("export-trace-")).forEach(i -> {
                i.setText(i.getText() + " (too long: use NPZ)");
                i.setDisable(true);
            });
        MenuItem npzItem = item("Trace as NPZ (numpy; states, gates, gradients, for long inputs)",
                () -> npz.chooseAndWrite(vms.trace.result()));
        npzItem.setId("export-trace-npz");
        npzItem.setDisable(vms.trace.steps() == 0 || npz.runningProperty().get());
        items.add(npzItem);
        items.add(new SeparatorMenuItem());
        MenuItem g = item("Step-through as animated GIF… (cell diagram and strip)",
                () -> gif.chooseAndExport(cellTab.diagram(), strip));
        g.setId("export-step-gif");
        g.setDisable(vms.trace.steps() == 0);
        items.add(g);
        return items;
    }

    /** Each heatmap as a chart (PNG, SVG, PDF): the stretch shown, with its colour scale, legend and clipped cells. */
    private Menu heatmapCharts() {
        Menu m = new Menu("Heatmap (the stretch shown)");
        m.setId("export-heatmaps");
        cellTab.heatmaps().views().keySet().stream().sorted().forEach(q -> {
            Menu one = exporter.chartMenu(q.label(), "heatmap-" + q.id(), () -> cellTab.heatmaps().chartOf(q));
            m.getItems().add(one);
        });
        m.setDisable(m.getItems().isEmpty());
        return m;
    }

    private Menu whatIf() {
        Menu menu = new Menu("_What-if", null, new MenuItem("(select a unit)"));
        menu.setOnShowing(e -> menu.getItems().setAll(
                new WhatIfMenus(vms.trace, vms.whatIf).items(vms.trace.unitProperty().get())));
        return menu;
    }

    private Menu view() {
        CheckMenuItem presenter = new CheckMenuItem("_Presenter mode (full screen, large, high contrast)");
        presenter.setAccelerator(Shortcut.PRESENTER.accelerator());
        presenter.selectedProperty().bindBidirectional(vms.view.presenterProperty());
        CheckMenuItem reduced = new CheckMenuItem("_Reduced motion (no transitions)");
        reduced.selectedProperty().bindBidirectional(vms.view.reducedMotionProperty());
        Menu transition = new Menu("_Transition time");
        ToggleGroup times = new ToggleGroup();
        for (int ms : new int[] {150, 300, 600, 1000}) {
            RadioMenuItem r = new RadioMenuItem(ms + " ms");
            r.setToggleGroup(times);
            r.setSelected(ms == vms.view.transitionMillisProperty().get());
            r.setOnAction(e -> vms.view.transitionMillisProperty().set(ms));
            transition.getItems().add(r);
        }
        return new Menu("_View", null, presenter, reduced, transition, new SeparatorMenuItem(),
                Shortcut.ZOOM_IN.menuItem("Zoom the heatmaps in", vms.heatmapZoom::zoomIn),
                Shortcut.ZOOM_OUT.menuItem("Zoom the heatmaps out", vms.heatmapZoom::zoomOut),
                Shortcut.FIT.menuItem("Fit the heatmaps to the whole input", vms.heatmapZoom::fit));
    }

    private Menu help() {
        return new Menu("_Help", null,
                Shortcut.SHORTCUTS_HELP.menuItem("_Keyboard shortcuts", () -> vms.dialogs.showInformation(
                        "Keyboard shortcuts", "Keyboard shortcuts", Shortcut.helpText()
                                + "Click a chip to jump to its step; click a strip or heatmap cell to select its unit;\n"
                                + "right-click it to clamp a gate or ablate the unit.")),
                item("_Log and recovery folder", () -> vms.dialogs.showInformation("Log and recovery folder",
                        "Errors and unsaved work are kept in", StateFolder.resolve() + "\n\nThe error log is "
                                + CrashLog.NAME + " (the one before: " + CrashLog.NAME + ".1); recovery-PID.json files"
                                + " hold the unsaved work of a window, offered at the next start after a crash.")),
                item("_About RNN Explorer", () -> vms.dialogs.showInformation("About RNN Explorer", "RNN Explorer 0.1",
                        "Step through a live vanilla RNN, LSTM or GRU and watch its gates, states and equations.\n"
                                + "GPL-3.0-or-later.")));
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem it = new MenuItem(text);
        it.setOnAction(e -> action.run());
        return it;
    }
}
