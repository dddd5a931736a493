package org.rnnexplorer.ui.app;

import java.io.File;
import java.nio.file.Path;
import java.util.prefs.Preferences;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * Keeps the recent model files between runs, in the user's preferences (not at all when the system property
 * {@code rnnexplorer.noPrefs} is true, as in tests and screenshots). Files that are gone are dropped on loading.
 */
final class RecentFiles {
    private static final String KEY = "recent";

    private RecentFiles() {
    }

    /** Fills {@code files} from the preferences and writes them back on every change. */
    static void persist(ObservableList<Path> files) {
        if (Boolean.getBoolean("rnnexplorer.noPrefs")) return;
        Preferences p = Preferences.userRoot().node("org/rnnexplorer/ui"); // where earlier versions kept them
        for (String s : p.get(KEY, "").split("\n"))
            if (!s.isBlank() && new File(s).isFile()) files.add(Path.of(s));
        files.addListener((ListChangeListener<Path>) c -> {
            StringBuilder sb = new StringBuilder();
            for (Path f : files) sb.append(f).append('\n');
            p.put(KEY, sb.toString());
        });
    }
}
