package org.rnnexplorer.ui.opening;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.rnnexplorer.io.pytorch.CheckpointImport;
import org.rnnexplorer.io.pytorch.ImportResult;
import org.rnnexplorer.ui.common.DialogService;
import org.rnnexplorer.ui.explorer.trace.Opening;

/**
 * What the window asks about a checkpoint that does not say everything, through {@link DialogService}: its vocabulary
 * (Python's {@code string.printable} when its size fits, a vocabulary file, or cancel), which candidate is a part when
 * there are several ({@code --map}), the names of a classifier's classes (a labels file, or "class k"). Each answer
 * becomes a new {@link OpeningViewModel.Request}; cancelling a vocabulary or a part opens nothing.
 */
final class CheckpointQuestions {
    static final String PRINTABLE = "Use Python's string.printable";
    static final String VOCABULARY_FILE = "Choose a vocabulary file…";
    static final String LABELS_FILE = "Choose a labels file…";
    static final String CLASS_NUMBERS = "Call them class 0, class 1, …";
    /** The formats {@code --vocab} and {@code --labels} read. */
    static final List<DialogService.FileType> TOKEN_LISTS = List.of(
            new DialogService.FileType("Token lists (*.json, *.txt, a checkpoint holding one)", "*.json", "*.txt", "*.pt", "*.pth"),
            DialogService.FileType.ANY);

    private enum Answer { PRINTABLE, FILE, NUMBERS }

    private final DialogService dialogs;
    private final Consumer<OpeningViewModel.Request> read;
    private final Consumer<Opening> show;

    CheckpointQuestions(DialogService dialogs, Consumer<OpeningViewModel.Request> read, Consumer<Opening> show) {
        this.dialogs = dialogs;
        this.read = read;
        this.show = show;
    }

    /** No vocabulary in the checkpoint: string.printable (offered when its 100 characters are the size), a file, or cancel. */
    void vocabulary(OpeningViewModel.Request r, ImportResult.NeedsVocabulary q) {
        int printable = CheckpointImport.PYTHON_PRINTABLE.length();
        boolean fits = printable == q.size();
        String question = "The checkpoint holds no vocabulary: its embedding " + q.embedding() + " has " + q.size()
                + " rows, one per token, and the window needs to know which token each row is.\n"
                + (fits ? "Python's string.printable has " + printable + " characters, as many as the rows: char-rnn"
                + " models often used it (digits, letters, punctuation, then whitespace, in Python's order)."
                : "Python's string.printable (the alphabet of many char-rnn models) has " + printable
                + " characters, not " + q.size() + ", so it is not this model's vocabulary.")
                + "\nA vocabulary file is a JSON list in id order, a JSON object token→id, one token per line, or a"
                + " checkpoint holding one list."
                + (q.nearMisses().isEmpty() ? "" : "\nLists of other sizes in the checkpoint: " + String.join(", ", q.nearMisses()) + ".");
        List<DialogService.Choice<Answer>> choices = new ArrayList<>();
        if (fits) choices.add(new DialogService.Choice<>(PRINTABLE, Answer.PRINTABLE));
        choices.add(new DialogService.Choice<>(VOCABULARY_FILE, Answer.FILE));
        dialogs.ask("Which tokens does " + r.file().getFileName() + " read?", question, choices, a -> {
            if (a == Answer.PRINTABLE) {
                read.accept(r.with(r.options().withVocabulary(CheckpointImport.printable(), "string.printable")));
            } else if (a == Answer.FILE) {
                Path f = dialogs.chooseFileToOpen("The vocabulary of " + r.file().getFileName(), TOKEN_LISTS);
                if (f != null) read.accept(r.withVocabularyFile(f));
            }
        });
    }

    /** Several candidates for a part: the user picks one from a list (what --map PART=NAME says), or cancels. */
    void part(OpeningViewModel.Request r, ImportResult.Ambiguous q) {
        List<DialogService.Choice<String>> options = q.candidates().stream()
                .map(c -> new DialogService.Choice<>(c.shown(), c.name())).toList();
        dialogs.choose("Which is the " + partName(q.part()) + " of " + r.file().getFileName() + "?",
                q.message() + "\nPick the " + partName(q.part()) + ":", options, name -> {
                    if (name != null) read.accept(r.with(r.options().withPart(q.part(), name)));
                });
    }

    /** A classifier whose classes have no names: a labels file, or shown as "class k" (also when cancelled). */
    void labels(OpeningViewModel.Request r, int classes, Opening asNumbered) {
        String question = "The readout's " + classes + " outputs are classes, not next tokens, and the checkpoint does"
                + " not name them. A labels file names them in output order (one per line, or a JSON list); without one"
                + " they are called class 0 to class " + (classes - 1) + ".";
        dialogs.ask("What are the " + classes + " classes of " + r.file().getFileName() + "?", question,
                List.of(new DialogService.Choice<>(LABELS_FILE, Answer.FILE),
                        new DialogService.Choice<>(CLASS_NUMBERS, Answer.NUMBERS)), a -> {
                    Path f = a == Answer.FILE
                            ? dialogs.chooseFileToOpen("The class names of " + r.file().getFileName(), TOKEN_LISTS) : null;
                    if (f != null) read.accept(r.withLabelsFile(f));
                    else show.accept(asNumbered);
                });
    }

    static String partName(String part) {
        return switch (part) {
            case "rnn" -> "recurrent module";
            case "embedding" -> "embedding";
            case "head" -> "readout";
            case "vocab" -> "vocabulary";
            default -> part;
        };
    }
}
