package org.rnnexplorer.ui.safety;

import java.nio.file.Path;
import java.util.Map;

/**
 * The folder where the app keeps what it writes for itself: the error log and the recovery files. It is the XDG
 * state folder, {@code $XDG_STATE_HOME/rnn-explorer} (by default {@code ~/.local/state/rnn-explorer}); the system
 * property {@value #PROPERTY} puts it elsewhere (tests, or a portable install).
 */
public final class StateFolder {
    /** The system property that overrides the folder. */
    public static final String PROPERTY = "rnnexplorer.stateDir";

    private StateFolder() {
    }

    /** The folder for this process (it may not exist yet). */
    public static Path resolve() {
        return resolve(System.getProperty(PROPERTY), System.getenv(), System.getProperty("user.home"));
    }

    /** The folder given the property's value (or null), the environment and the home folder. */
    static Path resolve(String property, Map<String, String> env, String home) {
        if (property != null && !property.isBlank()) return Path.of(property);
        String xdg = env.get("XDG_STATE_HOME");
        // the XDG spec: a relative path in the variable is invalid and is to be ignored
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) return Path.of(xdg, "rnn-explorer");
        return Path.of(home, ".local", "state", "rnn-explorer");
    }
}
