package org.rnnexplorer.data;

import java.util.Locale;

/**
 * How long an input may be. A trace keeps every gate, state and gradient of every step, so the number of steps is
 * what fills memory; the window, the commands and the file readers all refuse longer inputs with the same message.
 */
public final class InputLimits {
    /** Most steps (tokens of a text, rows of a series) in one trace. */
    public static final int MAX_STEPS = 200_000;
    /** Largest text file read (a text of {@link #MAX_STEPS} words fits with room to spare). */
    public static final long MAX_TEXT_FILE_BYTES = 16L << 20;

    private InputLimits() {
    }

    /**
     * Refuses an input of more than {@link #MAX_STEPS} steps.
     *
     * @param steps the number of tokens or rows
     * @param what  what the input is, named at the start of the message (e.g. {@code --text}, {@code notes.txt})
     * @param unit  what a step is ("tokens", "characters", "rows")
     * @throws IllegalArgumentException "what: 250,000 tokens; the limit is 200,000 steps per trace (...)"
     */
    public static void checkSteps(long steps, String what, String unit) {
        if (steps > MAX_STEPS)
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s: %,d %s; the limit is %,d steps per trace (InputLimits.MAX_STEPS); shorten the input",
                    what, steps, unit, MAX_STEPS));
    }
}
