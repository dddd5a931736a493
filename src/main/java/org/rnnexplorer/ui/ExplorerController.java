package org.rnnexplorer.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.prefs.Preferences;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

/** Wires the FXML view to the {@link ExplorerViewModel}: bindings, menus, keyboard, playback timer, dialogs. */
public final class ExplorerController {
    @FXML BorderPane root;
    @FXML Menu modelMenu;
    @FXML Menu fileMenu;
    @FXML Menu exportMenu;
    @FXML SeparatorMenuItem bundledEnd;
    @FXML Menu recentMenu;
    @FXML Menu whatIfMenu;
    @FXML CheckMenuItem presenterItem;
    @FXML CheckMenuItem reducedMotionItem;
    @FXML ToggleGroup transitionGroup;
    @FXML Label modelTitle;
    @FXML Label modelSummary;
    @FXML ComboBox<String> layerBox;
    @FXML Label unitLabel;
    @FXML TextArea inputArea;
    @FXML Label unknownLabel;
    @FXML Label timingLabel;
    @FXML Label hoverLabel;
    @FXML SequenceStrip strip;
    @FXML SplitPane mainSplit;
    @FXML TabPane mainTabs;
    @FXML Tab cellTab;
    @FXML Tab labTab;
    @FXML Tab trainingTab;
    @FXML CellDiagramView diagram;
    @FXML TabPane sideTabs;
    @FXML Tab whatIfTab;
    @FXML Tab gradientTab;
    @FXML BorderPane gradientPane;
    @FXML Label gradientCaption;
    @FXML EquationsPanel equations;
    @FXML WhatIfPanel whatIf;
    @FXML HeatmapsPanel heatmaps;
    @FXML Button firstButton;
    @FXML Button backButton;
    @FXML Button playButton;
    @FXML Button forwardButton;
    @FXML Button lastButton;
    @FXML Slider scrub;
    @FXML Label stepLabel;
    @FXML Slider speed;
    @FXML Label speedLabel;

    private ExplorerViewModel vm;
    private Timeline player;
    private boolean syncingScrub;
    private boolean fullScreenAllowed = true;
    private Boolean compactLayout;
    private final org.rnnexplorer.ui.gradient.GradientLabViewModel labVm = new org.rnnexplorer.ui.gradient.GradientLabViewModel();
    private final org.rnnexplorer.ui.export.Exporter exporter = new org.rnnexplorer.ui.export.Exporter();
    private org.rnnexplorer.ui.export.SaveLocation saveLocation = org.rnnexplorer.ui.export.SaveLocation.fileChooser();
    private final StepThroughGif gif = new StepThroughGif();

    @FXML
    void initialize() {
        vm = new ExplorerViewModel(Platform::runLater);
        WhatIfMenus menus = new WhatIfMenus(vm);
        vm.setErrorHandler(this::showError);

        modelTitle.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.entryProperty().get() == null ? "" : vm.entryProperty().get().title(), vm.entryProperty()));
        modelSummary.textProperty().bind(vm.modelSummaryProperty());
        unitLabel.textProperty().bind(vm.unitLabelProperty());
        unknownLabel.textProperty().bind(vm.unknownSummaryProperty());
        timingLabel.textProperty().bind(vm.timingProperty());
        hoverLabel.textProperty().bind(vm.hoverTextProperty());
        stepLabel.textProperty().bind(vm.stepLabelProperty());
        inputArea.textProperty().bindBidirectional(vm.inputTextProperty());
        inputArea.setPromptText("Type or paste text here; the trace follows as you type.");

        strip.bind(vm);
        diagram.bind(vm, menus);
        equations.bind(vm);
        whatIf.bind(vm, menus);
        heatmaps.bind(vm, menus);

        // model menu: bundled and built-in models, recent files
        int at = 0;
        for (ModelEntry e : ModelCatalog.all()) {
            MenuItem it = new MenuItem(e.title());
            it.setOnAction(a -> unlessUnsaved(() -> vm.open(e)));
            modelMenu.getItems().add(at++, it);
        }
        loadRecent();
        vm.recentFiles().addListener((ListChangeListener<Path>) c -> {
            fillRecent();
            saveRecent();
        });
        fillRecent();

        // layer selector
        vm.modelProperty().addListener((o, a, m) -> {
            layerBox.getItems().clear();
            if (m != null) for (int l = 0; l < m.layerCount(); l++) layerBox.getItems().add("Layer " + (l + 1) + " of " + m.layerCount());
            layerBox.getSelectionModel().select(vm.layerProperty().get());
            layerBox.setDisable(m == null || m.layerCount() < 2);
        });
        layerBox.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (b.intValue() >= 0) vm.layerProperty().set(b.intValue());
        });

        // playback: scrub slider <-> step
        scrub.setBlockIncrement(1);
        scrub.setMajorTickUnit(1);
        scrub.setSnapToTicks(true);
        vm.resultProperty().addListener((o, a, r) -> syncScrub());
        vm.stepProperty().addListener((o, a, b) -> syncScrub());
        scrub.valueProperty().addListener((o, a, b) -> {
            if (!syncingScrub) vm.jumpTo((int) Math.round(b.doubleValue()));
        });
        speed.valueProperty().bindBidirectional(vm.stepsPerSecondProperty());
        speedLabel.textProperty().bind(vm.stepsPerSecondProperty().asString(java.util.Locale.ROOT, "%.1f /s"));
        vm.playingProperty().addListener((o, a, playing) -> updatePlayer());
        vm.stepsPerSecondProperty().addListener((o, a, b) -> updatePlayer());

        // view options
        reducedMotionItem.selectedProperty().bindBidirectional(vm.reducedMotionProperty());
        transitionGroup.selectedToggleProperty().addListener((o, a, t) -> {
            if (t != null) vm.transitionMillisProperty().set(Double.parseDouble(t.getUserData().toString()));
        });
        presenterItem.selectedProperty().bindBidirectional(vm.presenterProperty());
        vm.presenterProperty().addListener((o, a, on) -> applyPresenter(on));

        // a what-if switches to the what-if tab, so the changed trace is in view
        vm.whatIfs().addListener((ListChangeListener<Object>) c -> {
            // (from the equations; the gradient tab stays, it draws the what-if beside the original too)
            if (!vm.whatIfs().isEmpty() && sideTabs.getSelectionModel().getSelectedItem() != gradientTab)
                sideTabs.getSelectionModel().select(whatIfTab);
        });

        // the gradient tab: JFreeChart's viewer in the centre of a BorderPane (it has no useful preferred size)
        gradientCaption.textProperty().bind(vm.gradientCaptionProperty());
        vm.gradientWantedProperty().bind(gradientTab.selectedProperty());
        vm.gradientChartProperty().addListener((o, a, chart) -> {
            if (chart == null) {
                gradientPane.setCenter(null);
                return;
            }
            // the side panel is narrow: show a compact copy; exports keep the full-size chart
            org.jfree.chart.JFreeChart shown = compactCopy(chart);
            if (gradientPane.getCenter() instanceof org.jfree.chart.fx.ChartViewer v) v.setChart(shown);
            else gradientPane.setCenter(new org.jfree.chart.fx.ChartViewer(shown));
        });

        // the gradient lab and training panes, built when their tab is first opened
        mainTabs.setFocusTraversable(false);
        labTab.selectedProperty().addListener((o, a, on) -> {
            if (on) showLab();
        });
        vm.resultProperty().addListener((o, a, r) -> {
            if (labTab.isSelected()) showLab();
        });
        trainingTab.selectedProperty().addListener((o, a, on) -> {
            if (on && trainingTab.getContent() == null) {
                org.rnnexplorer.ui.training.TrainingPane pane = new org.rnnexplorer.ui.training.TrainingPane();
                pane.viewModel().setOnUseModel(m -> unlessUnsaved(() -> {
                    vm.openTrained(m);
                    mainTabs.getSelectionModel().select(cellTab);
                }));
                trainingTab.setContent(pane);
            }
        });

        // the gradient lab's sliders belong to the session
        vm.setSliderValues(this::labSliders);
        vm.setSliderRestorer(this::restoreLabSliders);
        for (javafx.beans.Observable o : List.<javafx.beans.Observable>of(labVm.recurrentScaleProperty(),
                labVm.keepBiasProperty(), labVm.stepsProperty(), labVm.compareProperty()))
            o.addListener(x -> vm.markChanged());

        tooltips();
        root.sceneProperty().addListener((o, a, s) -> {
            if (s != null) installKeys(s);
        });
        List<ModelEntry> all = ModelCatalog.all();
        vm.open(all.get(0));
    }

    private void tooltips() {
        firstButton.setTooltip(new Tooltip("First step (Home)"));
        backButton.setTooltip(new Tooltip("Step back (←)"));
        playButton.setTooltip(new Tooltip("Play / pause (Space)"));
        forwardButton.setTooltip(new Tooltip("Step forward (→)"));
        lastButton.setTooltip(new Tooltip("Last step (End)"));
        scrub.setTooltip(new Tooltip("Drag to any step"));
        speed.setTooltip(new Tooltip("Playback speed, steps per second"));
        layerBox.setTooltip(new Tooltip("Which layer the diagram, equations and heatmaps show"));
        inputArea.setTooltip(new Tooltip("The input; the trace updates as you type. Esc returns the keys to playback."));
        unitLabel.setTooltip(new Tooltip("The selected unit: click a cell of any strip or heatmap to choose another"));
    }

    /** Shows the current model and input in the gradient lab (creating the pane the first time). */
    private void showLab() {
        TraceResult r = vm.result();
        if (!(labTab.getContent() instanceof org.rnnexplorer.ui.gradient.GradientLabPane)) {
            labTab.setContent(new org.rnnexplorer.ui.gradient.GradientLabPane(labVm));
        }
        if (r == null || r.steps() == 0) return;
        org.rnnexplorer.ui.gradient.GradientLabPane pane = (org.rnnexplorer.ui.gradient.GradientLabPane) labTab.getContent();
        pane.viewModel().show(r.model(), r.input().batch(), r.model().takesTokens() ? r.input().tokens() : null);
    }

    private void syncScrub() {
        syncingScrub = true;
        try {
            int n = vm.steps();
            scrub.setMax(Math.max(0, n - 1));
            scrub.setValue(vm.stepProperty().get());
            scrub.setDisable(n < 2);
        } finally {
            syncingScrub = false;
        }
    }

    private void updatePlayer() {
        if (player != null) player.stop();
        boolean on = vm.playingProperty().get();
        playButton.setText(on ? "❚❚ Pause" : "▶ Play");
        if (!on) return;
        player = new Timeline(new KeyFrame(Duration.millis(1000 / Math.max(0.1, vm.stepsPerSecondProperty().get())),
                e -> vm.stepForward()));
        player.setCycleCount(Animation.INDEFINITE);
        player.play();
    }

    /** On a short window (a 720-line projector) the input and the chips take less height, the diagram more. */
    private void fitHeight(double height) {
        boolean compact = height < 850;
        if (compactLayout != null && compact == compactLayout) return;
        compactLayout = compact;
        strip.setPredictionRows(compact ? 1 : 3);
        if (!vm.presenterProperty().get()) {
            inputArea.setPrefRowCount(compact ? 1 : 2);
            mainSplit.setDividerPositions(compact ? 0.74 : 0.64);
        }
    }

    private void installKeys(Scene scene) {
        scene.heightProperty().addListener((o, a, h) -> fitHeight(h.doubleValue()));
        fitHeight(scene.getHeight());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && scene.getFocusOwner() instanceof TextInputControl) {
                strip.requestFocus();
                e.consume();
            }
        });
        // a filter, not a handler: the tab panes would otherwise take the arrow keys for switching tabs
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            Node focus = scene.getFocusOwner();
            if (focus instanceof TextInputControl || e.isConsumed()) return;
            if (e.isShortcutDown() || e.isAltDown()) return;
            if (!cellTab.isSelected()) return; // the other tabs keep their keys
            switch (e.getCode()) {
                case SPACE -> vm.togglePlay();
                case RIGHT -> vm.stepForward();
                case LEFT -> vm.stepBack();
                case HOME -> vm.first();
                case END -> vm.last();
                case UP -> vm.selectUnit(vm.unitProperty().get() - 1);
                case DOWN -> vm.selectUnit(vm.unitProperty().get() + 1);
                case ESCAPE -> {
                    if (vm.presenterProperty().get()) vm.presenterProperty().set(false);
                }
                default -> {
                    return;
                }
            }
            e.consume();
        });
        Platform.runLater(strip::requestFocus);
    }

    private void applyPresenter(boolean on) {
        if (on) root.getStyleClass().add("presenter");
        else root.getStyleClass().remove("presenter");
        // the cell diagram is what the class looks at: give it most of the screen
        boolean compact = compactLayout != null && compactLayout;
        mainSplit.setDividerPositions(on ? 0.9 : compact ? 0.74 : 0.64);
        inputArea.setPrefRowCount(on || compact ? 1 : 2);
        Window w = root.getScene() == null ? null : root.getScene().getWindow();
        if (fullScreenAllowed && w instanceof Stage s) {
            s.setFullScreenExitHint("Presenter mode: F11 or Esc to leave");
            s.setFullScreen(on);
        }
    }

    /** Screenshots render presenter mode without taking over the screen. */
    void setFullScreenAllowed(boolean allowed) {
        fullScreenAllowed = allowed;
    }

    private void showError(String message) {
        Alert a = new Alert(Alert.AlertType.ERROR, message);
        a.setHeaderText(message.contains("cannot save") || message.contains("cannot write") ? "Could not save the file"
                : "Could not open the file");
        a.setTitle("RNN Explorer");
        if (root.getScene() != null) a.initOwner(root.getScene().getWindow());
        a.show();
    }

    // --- recent files ----------------------------------------------------------------------------------------

    private Preferences prefs() {
        return Boolean.getBoolean("rnnexplorer.noPrefs") ? null : Preferences.userNodeForPackage(ExplorerController.class);
    }

    private void loadRecent() {
        Preferences p = prefs();
        if (p == null) return;
        for (String s : p.get("recent", "").split("\n"))
            if (!s.isBlank() && new File(s).isFile()) vm.recentFiles().add(Path.of(s));
    }

    private void saveRecent() {
        Preferences p = prefs();
        if (p == null) return;
        StringBuilder sb = new StringBuilder();
        for (Path f : vm.recentFiles()) sb.append(f).append('\n');
        p.put("recent", sb.toString());
    }

    private void fillRecent() {
        recentMenu.getItems().clear();
        for (Path f : vm.recentFiles()) {
            MenuItem it = new MenuItem(f.getFileName() + "  —  " + f.getParent());
            it.setOnAction(e -> unlessUnsaved(() -> vm.openFile(f)));
            recentMenu.getItems().add(it);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    // --- menu and button actions -----------------------------------------------------------------------------

    @FXML
    void openFile() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open a model file");
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Model files (*.json)", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        unlessUnsaved(() -> {
            File f = fc.showOpenDialog(root.getScene().getWindow());
            if (f != null) vm.openFile(f.toPath());
        });
    }

    @FXML
    void openInput() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open an input: text, or a CSV series (one row of numbers per step)");
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Text and CSV", "*.txt", "*.csv"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File f = fc.showOpenDialog(root.getScene().getWindow());
        if (f != null) vm.openInput(f.toPath());
    }

    @FXML
    void quit() {
        unlessUnsaved(Platform::exit);
    }

    @FXML
    void togglePlay() {
        vm.togglePlay();
    }

    @FXML
    void stepForward() {
        vm.stepForward();
    }

    @FXML
    void stepBack() {
        vm.stepBack();
    }

    @FXML
    void first() {
        vm.first();
    }

    @FXML
    void last() {
        vm.last();
    }

    @FXML
    void focusInput() {
        inputArea.requestFocus();
    }

    @FXML
    void fillWhatIfMenu() {
        whatIfMenu.getItems().setAll(new WhatIfMenus(vm).items(vm.unitProperty().get()));
    }

    @FXML
    void showKeys() {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.setTitle("Keyboard shortcuts");
        a.setHeaderText("Keyboard shortcuts");
        a.setContentText("""
                Space        play / pause
                ← →          step back / forward
                Home End     first / last step
                ↑ ↓          select the previous / next unit
                Esc          leave the input editor (or presenter mode)
                Ctrl+L       edit the input
                Ctrl+O       open a model file
                Ctrl+Shift+O open a session;  Ctrl+S  save the session
                F11          presenter mode
                Click a chip to jump to its step; click a strip or heatmap cell to select its unit;
                right-click it to clamp a gate or ablate the unit.""");
        a.initOwner(root.getScene().getWindow());
        a.show();
    }

    @FXML
    void showAbout() {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.setTitle("About RNN Explorer");
        a.setHeaderText("RNN Explorer 0.1");
        a.setContentText("Step through a live vanilla RNN, LSTM or GRU and watch its gates, states and equations.\n"
                + "GPL-3.0-or-later.");
        a.initOwner(root.getScene().getWindow());
        a.show();
    }

    // --- sessions ---------------------------------------------------------------------------------------------

    /** Where sessions, models and exports are saved (the app: a file chooser; tests: a folder). */
    public void setSaveLocation(org.rnnexplorer.ui.export.SaveLocation location) {
        saveLocation = location;
        exporter.setSaveLocation(location);
    }

    public org.rnnexplorer.ui.export.Exporter exporter() {
        return exporter;
    }

    public StepThroughGif stepThroughGif() {
        return gif;
    }

    private Map<String, Double> labSliders() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(LAB_SCALE, labVm.recurrentScaleProperty().get());
        if (!Double.isNaN(labVm.keepBiasProperty().get())) m.put(LAB_BIAS, labVm.keepBiasProperty().get());
        m.put(LAB_STEPS, (double) labVm.stepsProperty().get());
        m.put(LAB_COMPARE, labVm.compareProperty().get() ? 1.0 : 0.0);
        return m;
    }

    private void restoreLabSliders(Map<String, Double> sliders) {
        labVm.recurrentScaleProperty().set(sliders.getOrDefault(LAB_SCALE, 1.0));
        labVm.keepBiasProperty().set(sliders.getOrDefault(LAB_BIAS, Double.NaN));
        labVm.stepsProperty().set((int) Math.round(sliders.getOrDefault(LAB_STEPS, 0.0)));
        labVm.compareProperty().set(sliders.getOrDefault(LAB_COMPARE, 0.0) != 0);
    }

    /** Slider names of the gradient lab in a session file. */
    static final String LAB_SCALE = "gradientLab.recurrentScale";
    static final String LAB_BIAS = "gradientLab.keepBias";
    static final String LAB_STEPS = "gradientLab.steps";
    static final String LAB_COMPARE = "gradientLab.compare";

    /** The gradient lab's state (its sliders are saved in sessions). */
    public org.rnnexplorer.ui.gradient.GradientLabViewModel labViewModel() {
        return labVm;
    }

    /** Closing the window with unsaved trained weights asks first (Save / Discard / Cancel). */
    void guardClose(Stage stage) {
        stage.setOnCloseRequest(e -> {
            if (!vm.trainedUnsavedProperty().get()) return;
            e.consume();
            unlessUnsaved(stage::hide);
        });
    }

    /**
     * Runs {@code action} now, or, when a model trained in the app is not saved, after asking: Save (a session,
     * then the action once it is written), Discard (the action) or Cancel (nothing).
     */
    void unlessUnsaved(Runnable action) {
        if (!vm.trainedUnsavedProperty().get()) {
            action.run();
            return;
        }
        ButtonType save = new ButtonType("Save…", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Discard", ButtonBar.ButtonData.NO);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION,
                "The weights of the model trained in the app are in no file yet. Save them in a session first?",
                save, discard, ButtonType.CANCEL);
        a.setTitle("RNN Explorer");
        a.setHeaderText("Save the trained model?");
        if (root.getScene() != null) a.initOwner(root.getScene().getWindow());
        a.setOnHidden(e -> {
            ButtonType r = a.getResult();
            if (r == discard) action.run();
            else if (r == save) chooseSessionFile(file -> vm.saveSession(file, action));
        });
        a.show();
    }

    private Window owner() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private void chooseSessionFile(java.util.function.Consumer<Path> then) {
        Path current = vm.sessionFileProperty().get();
        Path f = saveLocation.choose(owner(), "Save session",
                current != null ? current.getFileName().toString() : "explorer.session.json", "json");
        if (f != null) then.accept(f);
    }

    @FXML
    void openSession() {
        unlessUnsaved(() -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("Open a session");
            fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Sessions (*.session.json)", "*.session.json"),
                    new FileChooser.ExtensionFilter("All files", "*.*"));
            File f = fc.showOpenDialog(owner());
            if (f != null) vm.openSession(f.toPath());
        });
    }

    /** Opens a session file (asking first about unsaved trained weights). */
    public void openSession(Path file) {
        unlessUnsaved(() -> vm.openSession(file));
    }

    @FXML
    void saveSession() {
        Path f = vm.sessionFileProperty().get();
        if (f == null) saveSessionAs();
        else vm.saveSession(f, () -> { });
    }

    @FXML
    void saveSessionAs() {
        chooseSessionFile(f -> vm.saveSession(f, () -> { }));
    }

    @FXML
    void saveModelAs() {
        if (vm.modelProperty().get() == null) return;
        Path f = saveLocation.choose(owner(), "Save the model as a model file", "model.json", "json");
        if (f != null) vm.saveModel(f, () -> { });
    }

    // --- export -----------------------------------------------------------------------------------------------

    @FXML
    void fillExportMenu() {
        exportMenu.getItems().setAll(exportItems());
    }

    /** The Export menu as it is now: the window, the cell diagram, the gradient chart, the trace, the GIF. */
    List<MenuItem> exportItems() {
        List<MenuItem> items = new java.util.ArrayList<>();
        items.addAll(exporter.nodeItems("Window", "window", () -> root, this::owner));
        items.addAll(exporter.nodeItems("Cell diagram", "cell-diagram", () -> diagram, this::owner));
        items.add(new SeparatorMenuItem());
        Menu chart = exporter.chartMenu("Gradient chart", "gradient", vm.gradientChartProperty()::get, this::owner);
        if (vm.gradientChartProperty().get() == null) {
            chart.setText("Gradient chart (open the Gradient tab first)");
            chart.setDisable(true);
        }
        items.add(chart);
        items.add(new SeparatorMenuItem());
        items.addAll(exporter.traceItems(() -> {
            TraceResult r = vm.result();
            if (r == null || r.original() == null) return null;
            return new org.rnnexplorer.ui.export.Exporter.TraceSnapshot(r.original(),
                    r.model().takesTokens() ? r.input().tokens() : null, null, null);
        }, this::owner));
        items.add(new SeparatorMenuItem());
        MenuItem g = new MenuItem("Step-through as animated GIF… (cell diagram and strip)");
        g.setId("export-step-gif");
        g.setDisable(vm.steps() == 0);
        g.setOnAction(e -> exportGif());
        items.add(g);
        return items;
    }

    void exportGif() {
        if (vm.steps() == 0) return;
        Path f = saveLocation.choose(owner(), "Save step-through as GIF", "step-through.gif", "gif");
        if (f != null) gif.export(vm, diagram, strip, f, owner(), this::showError);
    }


    public ExplorerViewModel viewModel() {
        return vm;
    }

    public BorderPane root() {
        return root;
    }

    public Label stepLabel() {
        return stepLabel;
    }

    public CellDiagramView diagram() {
        return diagram;
    }

    public TabPane sideTabs() {
        return sideTabs;
    }

    public SequenceStrip strip() {
        return strip;
    }

    private static org.jfree.chart.JFreeChart compactCopy(org.jfree.chart.JFreeChart chart) {
        try {
            return org.rnnexplorer.chart.ChartStyle.compact((org.jfree.chart.JFreeChart) chart.clone());
        } catch (CloneNotSupportedException e) {
            return chart;
        }
    }
}
