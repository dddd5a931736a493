package org.rnnexplorer.ui.explorer.playback;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import org.rnnexplorer.ui.common.SessionSlider;
import org.rnnexplorer.ui.explorer.trace.TraceViewModel;

/**
 * Stepping through the input: first, back, play / pause, forward, last, at a speed in steps per second. Playing stops
 * at the last step and whenever another model or session opens.
 */
public final class PlaybackViewModel {
    private final TraceViewModel trace;
    private final BooleanProperty playing = new SimpleBooleanProperty(false);
    private final DoubleProperty stepsPerSecond = new SimpleDoubleProperty(2.0);

    public PlaybackViewModel(TraceViewModel trace) {
        this.trace = trace;
        trace.openedProperty().addListener((o, a, b) -> playing.set(false));
    }

    public void stepForward() {
        int t = trace.stepProperty().get();
        if (t < trace.steps() - 1) trace.stepProperty().set(t + 1);
        else playing.set(false);
    }

    public void stepBack() {
        int t = trace.stepProperty().get();
        if (t > 0) trace.stepProperty().set(t - 1);
    }

    public void first() {
        trace.stepProperty().set(0);
    }

    public void last() {
        trace.stepProperty().set(Math.max(0, trace.steps() - 1));
    }

    /** Play from the start when at the last step, else toggle. */
    public void togglePlay() {
        if (!playing.get() && trace.stepProperty().get() >= trace.steps() - 1) trace.stepProperty().set(0);
        playing.set(!playing.get() && trace.steps() > 1);
    }

    public BooleanProperty playingProperty() { return playing; }

    public DoubleProperty stepsPerSecondProperty() { return stepsPerSecond; }

    /** The speed a session keeps (a session without it leaves the speed as it is). */
    public List<SessionSlider> sessionSliders() {
        return List.of(SessionSlider.of("playback.stepsPerSecond", stepsPerSecond, null));
    }
}
