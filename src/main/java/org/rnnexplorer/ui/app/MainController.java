package org.rnnexplorer.ui.app;

import java.nio.file.Path;
import javafx.fxml.FXML;
import javafx.scene.control.MenuBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import org.rnnexplorer.ui.connect.ConnectionLights;
import org.rnnexplorer.ui.explorer.CellTab;
import org.rnnexplorer.ui.explorer.playback.PlaybackBar;
import org.rnnexplorer.ui.explorer.strip.ClassBars;
import org.rnnexplorer.ui.explorer.strip.SequenceStrip;
import org.rnnexplorer.ui.explorer.trace.InputBar;
import org.rnnexplorer.ui.explorer.trace.ModelBar;
import org.rnnexplorer.ui.explorer.trace.ModelCatalog;
import org.rnnexplorer.ui.explorer.trace.ModelSource;
import org.rnnexplorer.ui.export.StepThroughGif;
import org.rnnexplorer.ui.connect.WaysToConnectTab;
import org.rnnexplorer.ui.generate.GeneratePanel;
import org.rnnexplorer.ui.gradient.GradientLabTab;
import org.rnnexplorer.ui.pca.PcaPathView;
import org.rnnexplorer.ui.text.TextTab;
import org.rnnexplorer.ui.opening.FileDrop;
import org.rnnexplorer.ui.race.RaceTab;
import org.rnnexplorer.ui.lesson.LessonMode;
import org.rnnexplorer.ui.training.TrainingTab;

/**
 * The window's shell ({@code explorer.fxml}): binds the bars above and below to the view models, puts the tabs in the
 * centre (a tab is one line in {@link #initialize}), the menus on top and the playback keys on the scene, and opens
 * the default bundled model.
 */
public final class MainController {
    @FXML BorderPane root;
    @FXML MenuBar menuBar;
    @FXML ModelBar modelBar;
    @FXML InputBar inputBar;
    @FXML SequenceStrip strip;
    @FXML ClassBars classBars;
    @FXML TabPane mainTabs;
    @FXML PlaybackBar playbackBar;

    private final ExplorerViewModels vms;
    private CellTab cellTab;
    private PresenterLayout layout;
    private ExplorerMenus menus;
    private LessonMode lessonMode;

    MainController(ExplorerViewModels vms) {
        this.vms = vms;
    }

    @FXML
    void initialize() {
        modelBar.bind(vms.trace);
        modelBar.showReading(vms.opening.readingProperty());
        inputBar.bind(vms.trace);
        strip.bind(vms.trace, vms.view);
        ConnectionLights.install(strip, vms.connectivity, vms.trace, vms.view);
        classBars.bind(vms.trace);
        playbackBar.bind(vms.trace, vms.playback);
        RecentFiles.persist(vms.session.recentFiles());

        cellTab = new CellTab(vms.trace, vms.view, vms.equations, vms.whatIf, vms.gradient, vms.heatmapZoom);
        cellTab.addSide("Generate", GeneratePanel.of(vms.generate, vms.trace));
        vms.pcaPath.wantedProperty().bind(cellTab.addSide("State path", PcaPathView.of(vms.pcaPath)).selectedProperty());
        Tab cell = new Tab("Cell, step by step", cellTab);
        cell.setId("cell-tab");
        mainTabs.getTabs().addAll(cell, TextTab.of(vms.text, vms.finder, vms.dialogs),
                GradientLabTab.of(vms.lab, vms.trace, vms.dialogs),
                TrainingTab.of(vms.training, vms.dialogs),
                RaceTab.of(vms.race, vms.raceReplay),
                WaysToConnectTab.of(vms.trace, vms.session, () -> mainTabs.getSelectionModel().select(cell)));
        // a model from the Training tab is shown where it can be stepped through
        vms.trace.openedProperty().addListener((o, a, opened) -> {
            if (opened.source() instanceof ModelSource.Trained) mainTabs.getSelectionModel().select(cell);
        });

        menus = new ExplorerMenus(vms, root, cellTab, inputBar, strip);
        menuBar.getMenus().setAll(menus.menus());
        lessonMode = LessonWiring.install(vms, root, menuBar, mainTabs, cellTab, strip);
        layout = new PresenterLayout(root, cellTab, inputBar, strip, vms.view);
        root.sceneProperty().addListener((o, a, scene) -> {
            if (scene == null) return;
            layout.follow(scene);
            lessonMode.install(scene);
            PlaybackKeys.install(scene, vms, strip, cell::isSelected);
            FileDrop.install(scene, vms.opening::open);
        });
        vms.trace.open(ModelCatalog.all().get(0));
    }

    /** Screenshots and tests render presenter mode without taking over the screen. */
    void setFullScreenAllowed(boolean allowed) {
        layout.setFullScreenAllowed(allowed);
    }

    StepThroughGif stepThroughGif() {
        return menus.stepThroughGif();
    }

    void exportStepThroughGif(Path file) {
        menus.stepThroughGif().export(cellTab.diagram(), strip, file);
    }

    LessonMode lessonMode() {
        return lessonMode;
    }

    CellTab cellTab() {
        return cellTab;
    }
}
