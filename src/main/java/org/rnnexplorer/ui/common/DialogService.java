package org.rnnexplorer.ui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * What view models ask of the user: a file to open or save, an answer to a question, a pick from a list, and what
 * they tell the user: an error, some information. The window answers with JavaFX dialogs ({@link FxDialogService}); tests answer with a fake,
 * so the flows behind the dialogs (sessions, unsaved weights, exports) are plain unit tests.
 */
public interface DialogService {

    /** A kind of file a chooser offers, e.g. {@code new FileType("Model files (*.json)", "*.json")}. */
    record FileType(String description, List<String> patterns) {
        public FileType(String description, String... patterns) {
            this(description, List.of(patterns));
        }

        public static final FileType ANY = new FileType("All files", "*.*");
    }

    /** A button of a question and what it stands for. */
    record Choice<T>(String label, T value) {
    }

    /** The file the user picks to open, or null when they cancel. */
    Path chooseFileToOpen(String title, List<FileType> types);

    /**
     * Where the user wants to save, or null when they cancel.
     *
     * @param suggested a file name such as {@code gradient.png}
     * @param extension the extension the file must have, without the dot (added when the name has none)
     */
    Path chooseFileToSave(String title, String suggested, String extension);

    /** Shows an error: {@code header} says what failed, {@code message} is the one line naming the file. */
    void showError(String header, String message);

    /**
     * Shows an error with details the user can expand (a stack trace); {@code closed} runs once it is dismissed. A
     * service without an expandable area shows the one line and counts it dismissed at once.
     */
    default void showError(String header, String message, String details, Runnable closed) {
        showError(header, message);
        closed.run();
    }

    /** Shows some information (the keyboard shortcuts, the about box). */
    void showInformation(String title, String header, String text);

    /**
     * Asks a question without waiting for it: {@code answer} gets the value of the button pressed, or null when the
     * question is cancelled or closed (a Cancel button is added after the choices).
     */
    <T> void ask(String header, String question, List<Choice<T>> choices, Consumer<T> answer);

    /**
     * Asks the user to pick one of {@code options} from a list (for more, or longer, answers than buttons hold)
     * without waiting for it: {@code answer} gets the value picked, or null when the list is cancelled or closed.
     */
    <T> void choose(String header, String question, List<Choice<T>> options, Consumer<T> answer);
}
