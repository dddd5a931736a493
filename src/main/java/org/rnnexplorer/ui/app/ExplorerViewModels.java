package org.rnnexplorer.ui.app;

import java.util.concurrent.Executor;
import org.rnnexplorer.ui.common.DialogService;
import org.rnnexplorer.ui.common.EventBus;
import org.rnnexplorer.ui.common.ViewOptions;
import org.rnnexplorer.ui.explorer.equations.EquationsViewModel;
import org.rnnexplorer.ui.explorer.playback.PlaybackViewModel;
import org.rnnexplorer.ui.explorer.trace.TraceViewModel;
import org.rnnexplorer.ui.explorer.whatif.WhatIfViewModel;
import org.rnnexplorer.ui.gradient.GradientLabViewModel;
import org.rnnexplorer.ui.gradient.GradientPanelViewModel;
import org.rnnexplorer.ui.lesson.LessonViewModel;
import org.rnnexplorer.ui.session.SessionViewModel;
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
    public final PlaybackViewModel playback;
    public final SessionViewModel session;
    public final EquationsViewModel equations;
    public final WhatIfViewModel whatIf;
    public final GradientPanelViewModel gradient;
    public final GradientLabViewModel lab;
    public final TrainingViewModel training;
    public final LessonViewModel lesson;

    /** {@code applier} runs finished background work (the JavaFX thread in the app). */
    public ExplorerViewModels(Executor applier, DialogService dialogs) {
        this.dialogs = dialogs;
        trace = new TraceViewModel(applier, dialogs);
        playback = new PlaybackViewModel(trace);
        session = new SessionViewModel(trace, applier, dialogs);
        equations = new EquationsViewModel(trace);
        whatIf = new WhatIfViewModel(trace);
        gradient = new GradientPanelViewModel(trace, applier);
        lab = new GradientLabViewModel(applier);
        training = new TrainingViewModel(applier, events);
        lesson = new LessonViewModel(trace, session, playback, applier, dialogs);
        session.addSliders(playback.sessionSliders());
        session.addSliders(lab.sessionSliders());
        events.subscribe(ModelChosen.class, e -> session.openTrained(e.model()));
    }

    @Override
    public void close() {
        trace.close();
        session.close();
        gradient.close();
        lab.dispose();
        lesson.dispose();
    }
}
