package org.rnnexplorer.ui.common;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

/** How the window draws, whatever it shows: presenter mode (large, high contrast) and the step transitions. */
public final class ViewOptions {
    private final BooleanProperty presenter = new SimpleBooleanProperty(false);
    private final BooleanProperty reducedMotion = new SimpleBooleanProperty(false);
    private final DoubleProperty transitionMillis = new SimpleDoubleProperty(300);

    /** Presenter mode: full screen, larger type, the high-contrast palette. */
    public BooleanProperty presenterProperty() { return presenter; }

    /** No transitions between steps. */
    public BooleanProperty reducedMotionProperty() { return reducedMotion; }

    /** How long a step blends into the next. */
    public DoubleProperty transitionMillisProperty() { return transitionMillis; }

    /** Milliseconds a step transition takes: 0 with reduced motion. */
    public double effectiveTransitionMillis() {
        return reducedMotion.get() ? 0 : transitionMillis.get();
    }

    /** The colours of values now: the high-contrast palette in presenter mode. */
    public Palette palette() {
        return Palette.of(presenter.get());
    }
}
