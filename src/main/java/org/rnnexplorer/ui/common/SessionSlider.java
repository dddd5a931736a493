package org.rnnexplorer.ui.common;

import java.util.Map;
import java.util.function.DoubleConsumer;
import java.util.function.DoubleSupplier;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;

/**
 * A setting of the window that a session file keeps, as a named number in its {@code sliders} (the playback speed,
 * the gradient lab's sliders). Each feature lists its own; the session saves and restores them all and counts a
 * change of one as a change of the session.
 */
public final class SessionSlider {
    private final String key;
    private final Observable property;
    private final DoubleSupplier read;
    private final DoubleConsumer write;
    private final Double ifMissing;

    private SessionSlider(String key, Observable property, DoubleSupplier read, DoubleConsumer write, Double ifMissing) {
        this.key = key;
        this.property = property;
        this.read = read;
        this.write = write;
        this.ifMissing = ifMissing;
    }

    /**
     * A number; NaN (for "as trained") is not written, and a session without the key sets {@code ifMissing}
     * (null: leaves the value as it is).
     */
    public static SessionSlider of(String key, DoubleProperty p, Double ifMissing) {
        return new SessionSlider(key, p, p::get, p::set, ifMissing);
    }

    /** A whole number (rounded when read back). */
    public static SessionSlider of(String key, IntegerProperty p, int ifMissing) {
        return new SessionSlider(key, p, p::get, v -> p.set((int) Math.round(v)), (double) ifMissing);
    }

    /** A switch, written as 1 or 0; a session without the key turns it off. */
    public static SessionSlider of(String key, BooleanProperty p) {
        return new SessionSlider(key, p, () -> p.get() ? 1 : 0, v -> p.set(v != 0), 0.0);
    }

    /** Adds this slider to what a session writes (a NaN value is left out). */
    public void saveInto(Map<String, Double> sliders) {
        double v = read.getAsDouble();
        if (!Double.isNaN(v)) sliders.put(key, v);
    }

    /** Sets the value a session holds, or the fallback when it holds none. */
    public void restoreFrom(Map<String, Double> sliders) {
        Double v = sliders.get(key);
        if (v == null) v = ifMissing;
        if (v != null) write.accept(v);
    }

    /** What to listen to for changes. */
    public Observable observable() {
        return property;
    }
}
