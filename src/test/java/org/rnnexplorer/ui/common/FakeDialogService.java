package org.rnnexplorer.ui.common;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A {@link DialogService} that answers by itself, for view-model tests: files to save go to a folder under the name
 * suggested (or to one given file), files to open are given in advance (one for every chooser, or one per chooser in
 * turn), questions and lists get the answers set in advance (by the label of a button or list entry, in turn, then the
 * one standing answer; null cancels), and every error, piece of information and question (its text and offers) is
 * recorded.
 */
public final class FakeDialogService implements DialogService {
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final List<String> questions = new CopyOnWriteArrayList<>();
    private final List<String> information = new CopyOnWriteArrayList<>();
    private Path saveFolder;
    private Path saveFile;
    private final List<String> questionTexts = new CopyOnWriteArrayList<>();
    private final List<List<String>> offers = new CopyOnWriteArrayList<>();
    private final Deque<Path> filesInTurn = new ArrayDeque<>();
    private final Deque<String> answersInTurn = new ArrayDeque<>();
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

    /** The next choosers to open a file pick these files, one each, before {@link #open}'s file. */
    public FakeDialogService openInTurn(Path... files) {
        filesInTurn.addAll(List.of(files));
        return this;
    }

    /** The next questions and lists are answered with these labels, one each, before {@link #answer}'s. */
    public FakeDialogService answerInTurn(String... labels) {
        answersInTurn.addAll(List.of(labels));
        return this;
    }

    @Override
    public Path chooseFileToOpen(String title, List<FileType> types) {
        return filesInTurn.isEmpty() ? toOpen : filesInTurn.poll();
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
        answerWith(header, question, choices, then);
    }

    @Override
    public <T> void choose(String header, String question, List<Choice<T>> options, Consumer<T> then) {
        answerWith(header, question, options, then);
    }

    private <T> void answerWith(String header, String question, List<Choice<T>> choices, Consumer<T> then) {
        questions.add(header);
        questionTexts.add(question);
        offers.add(choices.stream().map(Choice::label).toList());
        String label = answersInTurn.isEmpty() ? answer : answersInTurn.poll();
        T value = null;
        for (Choice<T> c : choices) if (c.label().equals(label)) value = c.value();
        then.accept(value);
    }

    /** The text of every question and list shown, in order. */
    public List<String> questionTexts() {
        return new ArrayList<>(questionTexts);
    }

    /** The labels offered by every question and list (its buttons, its entries), in order. */
    public List<List<String>> offers() {
        return new ArrayList<>(offers);
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
