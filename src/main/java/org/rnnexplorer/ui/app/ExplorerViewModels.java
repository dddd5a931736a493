package org.rnnexplorer.ui.app;

import java.util.concurrent.Executor;
import org.rnnexplorer.ui.common.DialogService;
import org.rnnexplorer.ui.connect.ConnectivityViewModel;
import org.rnnexplorer.ui.generate.GenerateViewModel;
import org.rnnexplorer.ui.pca.PcaPathViewModel;
import org.rnnexplorer.ui.common.EventBus;
import org.rnnexplorer.ui.common.ViewOptions;
import org.rnnexplorer.ui.explorer.equations.EquationsViewModel;
import org.rnnexplorer.ui.explorer.heatmap.HeatmapZoomViewModel;
import org.rnnexplorer.ui.explorer.playback.PlaybackViewModel;
import org.rnnexplorer.ui.explorer.trace.TraceViewModel;
import org.rnnexplorer.ui.explorer.whatif.WhatIfViewModel;
import org.rnnexplorer.ui.gradient.GradientLabViewModel;
import org.rnnexplorer.ui.gradient.GradientPanelViewModel;
import org.rnnexplorer.ui.opening.OpeningViewModel;
import org.rnnexplorer.ui.safety.RecoveryStore;
import org.rnnexplorer.ui.safety.SessionRecovery;
import org.rnnexplorer.ui.safety.StateFolder;
import org.rnnexplorer.ui.safety.TrainingRecovery;
import org.rnnexplorer.ui.race.RaceModelChosen;
import org.rnnexplorer.ui.race.RaceReplayViewModel;
import org.rnnexplorer.ui.race.RaceViewModel;
import org.rnnexplorer.ui.lesson.LessonViewModel;
import org.rnnexplorer.ui.session.SessionViewModel;
import org.rnnexplorer.ui.text.TextViewModel;
import org.rnnexplorer.ui.text.UnitFinderViewModel;
import org.rnnexplorer.ui.training.ModelChosen;
import org.rnnexplorer.ui.training.TrainingViewModel;

/**
 * Every view model of one window, made together and coupled here: they share the {@link TraceViewModel}'s state,
 * sessions keep the playback speed and the gradient lab's sliders, and a model chosen in the Training tab opens as
 * the document. No JavaFX scene is needed: tests build it with a queue as the applier and a fake dialog service.
 */
public final class ExplorerViewModels implements AutoCloseable {
    public final DialogService dialogs;
    public final ViewOptions view = new ViewOptions();
    public final EventBus events = new EventBus();
    public final TraceViewModel trace;
    /** The stretch of steps the heatmaps show (zoom, pan, fit). */
    public final HeatmapZoomViewModel heatmapZoom;
    public final PlaybackViewModel playback;
    public final SessionViewModel session;
    public final EquationsViewModel equations;
    public final WhatIfViewModel whatIf;
    public final GradientPanelViewModel gradient;
    public final GradientLabViewModel lab;
    public final TrainingViewModel training;
    public final TextViewModel text;
    public final UnitFinderViewModel finder;
    /** Model → Open…, drag and drop, the command line and recent files: models, sessions and checkpoints. */
    public final OpeningViewModel opening;
    /**
     * The unsaved work a crash must not lose: the session and the Training tab's weights are registered; another
     * kind of work registers its own {@link org.rnnexplorer.ui.safety.Recoverable} here. Nothing is written until
     * the window starts the recovery ({@link org.rnnexplorer.ui.safety.WindowSafety}).
     */
    public final RecoveryStore recovery;
    public final RaceViewModel race;
    public final ConnectivityViewModel connectivity;
    public final GenerateViewModel generate;
    public final PcaPathViewModel pcaPath;
    public final RaceReplayViewModel raceReplay;
    public final LessonViewModel lesson;

    /** {@code applier} runs finished background work (the JavaFX thread in the app). */
    public ExplorerViewModels(Executor applier, DialogService dialogs) {
        this(applier, dialogs, StateFolder.resolve());
    }

    /** The same, keeping the recovery file in {@code stateFolder} (tests give a folder of their own). */
    public ExplorerViewModels(Executor applier, DialogService dialogs, java.nio.file.Path stateFolder) {
        this.dialogs = dialogs;
        recovery = new RecoveryStore(stateFolder);
        trace = new TraceViewModel(applier, dialogs);
        heatmapZoom = new HeatmapZoomViewModel(trace);
        playback = new PlaybackViewModel(trace);
        session = new SessionViewModel(trace, applier, dialogs);
        opening = new OpeningViewModel(trace, session, applier, dialogs);
        equations = new EquationsViewModel(trace);
        whatIf = new WhatIfViewModel(trace);
        gradient = new GradientPanelViewModel(trace, applier);
        lab = new GradientLabViewModel(applier);
        training = new TrainingViewModel(applier, events);
        text = new TextViewModel(trace);
        finder = new UnitFinderViewModel(text, applier, dialogs);
        race = new RaceViewModel(applier);
        connectivity = new ConnectivityViewModel(trace, applier);
        generate = new GenerateViewModel(trace, applier);
        pcaPath = new PcaPathViewModel(trace, applier);
        raceReplay = new RaceReplayViewModel(applier, events);
        lesson = new LessonViewModel(trace, session, playback, applier, dialogs);
        session.addSliders(playback.sessionSliders());
        session.addSliders(lab.sessionSliders());
        events.subscribe(ModelChosen.class, e -> session.openTrained(e.model()));
        recovery.register(new SessionRecovery(session));
        recovery.register(new TrainingRecovery(training));
        events.subscribe(RaceModelChosen.class, e -> session.unlessUnsaved(() -> trace.open(e.opening(), o -> { })));
    }

    @Override
    public void close() {
        trace.close();
        opening.close();
        session.close();
        gradient.close();
        lab.dispose();
        finder.close();
        race.cancel();
        raceReplay.close();
        connectivity.close();
        lesson.document().dispose();
        generate.close();
        pcaPath.close();
    }
}
