package org.rnnexplorer.ui.explorer.playback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rnnexplorer.ui.common.FakeDialogService;
import org.rnnexplorer.ui.common.QueueApplier;
import org.rnnexplorer.ui.explorer.trace.DemoModels;
import org.rnnexplorer.ui.explorer.trace.ModelSource;
import org.rnnexplorer.ui.explorer.trace.TraceViewModel;

/** Stepping through the input stays inside it, and playing stops at the end and when another model opens. */
class PlaybackViewModelTest {
    final QueueApplier applier = new QueueApplier();
    final TraceViewModel trace = new TraceViewModel(applier, new FakeDialogService());
    final PlaybackViewModel playback = new PlaybackViewModel(trace);

    @BeforeEach
    void open() throws InterruptedException {
        trace.open(DemoModels.entries().get(0));
        applier.until(() -> trace.result() != null && !trace.busyProperty().get());
        trace.inputTextProperty().set("abc");
        applier.until(() -> trace.steps() == 3 && !trace.busyProperty().get());
    }

    @AfterEach
    void close() {
        trace.close();
    }

    @Test
    void steppingStaysInsideTheSequence() {
        playback.stepBack();
        assertEquals(0, trace.stepProperty().get());
        for (int i = 0; i < 3; i++) playback.stepForward();
        assertEquals(2, trace.stepProperty().get());
        assertEquals("step 3 of 3: 'c'", trace.stepLabelProperty().get());
        playback.first();
        assertEquals(0, trace.stepProperty().get());
        playback.last();
        assertEquals(2, trace.stepProperty().get());
    }

    @Test
    void playingFromTheEndStartsAgainAndStopsAtTheLastStep() throws Exception {
        playback.last();
        playback.togglePlay();
        assertTrue(playback.playingProperty().get());
        assertEquals(0, trace.stepProperty().get(), "play at the end starts from the first step");
        playback.stepForward();
        playback.stepForward();
        assertTrue(playback.playingProperty().get());
        playback.stepForward();
        assertFalse(playback.playingProperty().get(), "stepping past the end stops");
        playback.togglePlay();
        ModelSource gru = DemoModels.entries().get(1);
        trace.open(gru);
        applier.until(() -> trace.sourceProperty().get() == gru);
        assertFalse(playback.playingProperty().get(), "another model stops it");
    }
}
