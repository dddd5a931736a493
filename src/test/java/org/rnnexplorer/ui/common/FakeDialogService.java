package org.rnnexplorer.ui.common;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A {@link DialogService} that answers by itself, for view-model tests: files to save go to a folder under the name
 * suggested (or to one given file), files to open are given in advance, questions get the answer set in advance (by
 * the label of its button; null cancels), and every error, piece of information and question is recorded.
 */
public final class FakeDialogService implements DialogService {
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final List<String> questions = new CopyOnWriteArrayList<>();
    private final List<String> information = new CopyOnWriteArrayList<>();
    private Path saveFolder;
    private Path saveFile;
    private Path toOpen;
    private String answer;

    /** Saves go to {@code folder}/the suggested name. */
    public FakeDialogService saveInto(Path folder) {
        saveFolder = folder;
        saveFile = null;
        return this;
    }

    /** The next saves all go to {@code file}. */
    public FakeDialogService saveAs(Path file) {
        saveFile = file;
        return this;
    }

    /** Every chooser to open a file picks {@code file} (null: the user cancels). */
    public FakeDialogService open(Path file) {
        toOpen = file;
        return this;
    }

    /** Questions are answered with the button labelled {@code label} (null: Cancel). */
    public FakeDialogService answer(String label) {
        answer = label;
        return this;
    }

    @Override
    public Path chooseFileToOpen(String title, List<FileType> types) {
        return toOpen;
    }

    @Override
    public Path chooseFileToSave(String title, String suggested, String extension) {
        if (saveFile != null) return saveFile;
        return saveFolder == null ? null : saveFolder.resolve(suggested);
    }

    @Override
    public void showError(String header, String message) {
        errors.add(header + ": " + message);
    }

    @Override
    public void showInformation(String title, String header, String text) {
        information.add(header + ": " + text);
    }

    @Override
    public <T> void ask(String header, String question, List<Choice<T>> choices, Consumer<T> then) {
        questions.add(header);
        T value = null;
        for (Choice<T> c : choices) if (c.label().equals(answer)) value = c.value();
        then.accept(value);
    }

    /** Every error shown, "header: message". */
    public List<String> errors() {
        return new ArrayList<>(errors);
    }

    /** The header of every question asked. */
    public List<String> questions() {
        return new ArrayList<>(questions);
    }

    public List<String> information() {
        return new ArrayList<>(information);
    }
}
