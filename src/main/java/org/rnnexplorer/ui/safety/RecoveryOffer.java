package org.rnnexplorer.ui.safety;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.rnnexplorer.io.BadFileException;
import org.rnnexplorer.io.RecoveryFile;
import org.rnnexplorer.ui.common.DialogService;

/**
 * At the start: the work a window that did not close cleanly left in its recovery file is offered back, one file at
 * a time, newest first. Restore puts every part back (the file becomes this window's own, so a second crash loses
 * nothing either), Discard deletes it, Cancel keeps it for the next start. A file that cannot be read is one line
 * naming it, and is set aside as {@code .bad} so it is not offered again.
 */
public final class RecoveryOffer {
    public static final String HEADER = "Restore unsaved work?";
    public static final String UNREADABLE = "Could not read the unsaved work of the last run";
    public static final String NOT_RESTORED = "Could not restore all of the unsaved work";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm");
    enum Answer { RESTORE, DISCARD }

    private final RecoveryStore store;
    private final DialogService dialogs;
    private final Executor ui;
    private final Executor background;
    private final Runnable restored;

    /**
     * @param ui         the JavaFX thread (questions and restoring)
     * @param background where files are read
     * @param restored   runs after a restore (the scheduler saves the restored work at once)
     */
    public RecoveryOffer(RecoveryStore store, DialogService dialogs, Executor ui, Executor background, Runnable restored) {
        this.store = store;
        this.dialogs = dialogs;
        this.ui = ui;
        this.background = background;
        this.restored = restored;
    }

    /** Looks for left-over work (off the JavaFX thread) and offers it. */
    public void offer() {
        background.execute(() -> offer(store.leftovers(), 0));
    }

    private void offer(List<Path> files, int i) {
        if (i >= files.size()) return;
        Path file = files.get(i);
        RecoveryFile read;
        try {
            read = RecoveryFile.read(file);
        } catch (BadFileException e) {
            setAside(file);
            ui.execute(() -> dialogs.showError(UNREADABLE, e.getMessage() + " (set aside as " + file.getFileName()
                    + ".bad)"));
            offer(files, i + 1);
            return;
        }
        ui.execute(() -> ask(file, read, () -> background.execute(() -> offer(files, i + 1))));
    }

    private void ask(Path file, RecoveryFile read, Runnable next) {
        List<String> what = new ArrayList<>();
        for (Map.Entry<String, String> part : read.parts().entrySet()) what.add(describe(part.getKey(), part.getValue()));
        String when = WHEN.format(read.savedAt().atZone(ZoneId.systemDefault()));
        String question = "RNN Explorer did not close cleanly; at " + when + " this was not saved: "
                + String.join("; ", what) + ". Restore it? (Discard deletes it; Cancel keeps it for the next start.)";
        dialogs.ask(HEADER, question, List.of(new DialogService.Choice<>("Restore", Answer.RESTORE),
                new DialogService.Choice<>("Discard", Answer.DISCARD)), answer -> {
                    if (answer == Answer.RESTORE) restore(file, read);
                    else if (answer == Answer.DISCARD) delete(file);
                    next.run();
                });
    }

    private String describe(String key, String json) {
        Recoverable part = store.part(key);
        if (part == null) return "unsaved " + key + " (this version cannot restore them)";
        try {
            return part.describe(json);
        } catch (RuntimeException e) {
            return key + " that cannot be read (" + e.getMessage() + ")";
        }
    }

    private void restore(Path file, RecoveryFile read) {
        List<String> failed = new ArrayList<>();
        for (Map.Entry<String, String> e : read.parts().entrySet()) {
            Recoverable part = store.part(e.getKey());
            if (part == null) continue;
            try {
                part.restore(e.getValue());
            } catch (RuntimeException ex) {
                failed.add(e.getKey() + ": " + (ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage()));
            }
        }
        store.adopt(file, read);
        if (!failed.isEmpty()) dialogs.showError(NOT_RESTORED, file.getFileName() + ": " + String.join("; ", failed));
        restored.run();
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // offered again at the next start
        }
    }

    private static void setAside(Path file) {
        try {
            Files.move(file, file.resolveSibling(file.getFileName() + ".bad"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            delete(file);
        }
    }
}
