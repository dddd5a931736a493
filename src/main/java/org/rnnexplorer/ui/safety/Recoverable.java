package org.rnnexplorer.ui.safety;

import java.util.function.Supplier;

/**
 * One kind of unsaved work that a crash must not lose (the session on screen, a training run, edited lessons). A
 * part registers with the window's {@link RecoveryStore}; every {@link RecoveryScheduler#PERIOD} the store asks each
 * part for its work, writes the recovery file when any of it changed, and at the next start offers it back.
 *
 * <p>A new kind of work (the lessons, say) implements this and registers with
 * {@code vms.recovery.register(part)} ({@link RecoveryStore#register}); nothing else is needed.
 */
public interface Recoverable {

    /** The part's key in the recovery file: a short lower-case name such as {@code lessons}. */
    String key();

    /**
     * On the JavaFX thread: the work not saved yet, or null when there is none. Take what is needed on this thread
     * (cheap: references, copies of small values) and return a producer of the part's JSON object (text), which the
     * store runs on its own thread.
     */
    Supplier<String> capture();

    /**
     * One line for the offer at the next start, e.g. "weights trained for 1200 of 5000 steps (LSTM on recall)".
     * A part it cannot read throws an IllegalArgumentException (the store then names the file in one line).
     */
    String describe(String json);

    /**
     * On the JavaFX thread: puts the work back as it was, still counted as unsaved. A part it cannot use throws an
     * IllegalArgumentException (or {@code io.BadFileException}) with a one-line message.
     */
    void restore(String json);
}
