package org.rnnexplorer.ui.opening;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.rnnexplorer.io.ModelFile;
import org.rnnexplorer.io.pytorch.CheckpointImport;
import org.rnnexplorer.io.pytorch.ImportOptions;
import org.rnnexplorer.io.pytorch.ImportResult;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.ui.common.DialogService;
import org.rnnexplorer.ui.common.LatestWinsExecutor;
import org.rnnexplorer.ui.common.Messages;
import org.rnnexplorer.ui.explorer.trace.ModelSource;
import org.rnnexplorer.ui.explorer.trace.Opening;
import org.rnnexplorer.ui.explorer.trace.TraceViewModel;
import org.rnnexplorer.ui.session.SessionViewModel;

/**
 * Opens a file the user names: Model → Open…, a file dropped on the window, the command line, a recent file. It is a
 * session, a model file or a PyTorch checkpoint, told apart off the JavaFX thread by name and first bytes
 * ({@link FileKind}). A checkpoint is read as {@code import} reads it and what it lacks is asked
 * ({@link CheckpointQuestions}): its vocabulary, which candidate is a part when there are several, the names of a
 * classifier's classes; each answer reads it again with that option, as the command line's {@code --vocab},
 * {@code --map} and {@code --labels} would. The model is then traced on its example, still off the JavaFX thread, and
 * shown. A bad file, or one the engine cannot show, is the reader's one line in an error dialog; nothing on screen
 * changes.
 */
public final class OpeningViewModel implements AutoCloseable {
    static final String FAILED = "Could not open the file";
    /** What Model → Open… offers, all three kinds together first. */
    public static final List<DialogService.FileType> TYPES = List.of(
            new DialogService.FileType("Models, sessions and PyTorch checkpoints", "*.json", "*.pt", "*.pth"),
            new DialogService.FileType("Model files (*.json)", "*.json"),
            new DialogService.FileType("Sessions (*.session.json)", "*.session.json"),
            new DialogService.FileType("PyTorch checkpoints (*.pt, *.pth)", "*.pt", "*.pth"),
            DialogService.FileType.ANY);

    private final TraceViewModel trace;
    private final SessionViewModel session;
    private final DialogService dialogs;
    private final LatestWinsExecutor reader;
    private final CheckpointQuestions questions;
    private final ReadOnlyStringWrapper reading = new ReadOnlyStringWrapper("");

    /**
     * One read of a file: the options gathered so far, and the vocabulary or labels file just chosen (read on the
     * reader thread, as {@code --vocab} and {@code --labels} read theirs).
     *
     * @param labelsAsked whether the user has already been asked for the classes' names
     */
    record Request(Path file, ImportOptions options, Path vocabularyFile, Path labelsFile, boolean labelsAsked) {
        static Request of(Path file) {
            return new Request(file, ImportOptions.NONE, null, null, false);
        }

        Request with(ImportOptions o) {
            return new Request(file, o, null, null, labelsAsked);
        }

        Request withVocabularyFile(Path f) {
            return new Request(file, options, f, null, labelsAsked);
        }

        Request withLabelsFile(Path f) {
            return new Request(file, options, null, f, true);
        }
    }

    /** What reading a file gave: something to show, or a question to ask first. */
    sealed interface Outcome {
        record Ready(Opening opening) implements Outcome { }

        record Session(Path file) implements Outcome { }

        record NeedsVocabulary(Request request, ImportResult.NeedsVocabulary question) implements Outcome { }

        record Ambiguous(Request request, ImportResult.Ambiguous question) implements Outcome { }

        /** A classifier whose classes have no names: shown as is ({@code opening}, "class k") unless a file names them. */
        record NeedsLabels(Request request, int classes, Opening opening) implements Outcome { }
    }

    public OpeningViewModel(TraceViewModel trace, SessionViewModel session, Executor applier, DialogService dialogs) {
        this.trace = trace;
        this.session = session;
        this.dialogs = dialogs;
        reader = new LatestWinsExecutor("file-reader", applier);
        questions = new CheckpointQuestions(dialogs, this::read, this::show);
    }

    /** Asks (unless that would lose trained weights) for a model, session or checkpoint, then opens it. */
    public void choose() {
        session.unlessUnsaved(() -> {
            Path f = dialogs.chooseFileToOpen("Open a model file, a session or a PyTorch checkpoint", TYPES);
            if (f != null) read(Request.of(f));
        });
    }

    /** Opens {@code file} (a model file, a session or a checkpoint), asking first when trained weights would be lost. */
    public void open(Path file) {
        session.unlessUnsaved(() -> read(Request.of(file)));
    }

    /** Reads what {@code r} names off this thread, then shows it or asks what it lacks. */
    void read(Request r) {
        reading.set("reading " + r.file().getFileName() + "…");
        reader.submit(() -> outcome(r), this::apply, e -> {
            reading.set("");
            dialogs.showError(FAILED, Messages.oneLine(e));
        });
    }

    /** "reading model.pt…" while a file is read (and its model traced) off the JavaFX thread, else "". */
    public ReadOnlyStringProperty readingProperty() {
        return reading.getReadOnlyProperty();
    }

    private void apply(Outcome o) {
        reading.set("");
        if (o instanceof Outcome.Ready ready) show(ready.opening());
        else if (o instanceof Outcome.Session s) session.readSession(s.file());
        else if (o instanceof Outcome.NeedsVocabulary v) questions.vocabulary(v.request(), v.question());
        else if (o instanceof Outcome.Ambiguous a) questions.part(a.request(), a.question());
        else if (o instanceof Outcome.NeedsLabels l) questions.labels(l.request(), l.classes(), l.opening());
    }

    private void show(Opening opening) {
        trace.open(() -> opening, x -> { });
    }

    /** Reads the file and traces the model on its example (the reader thread's whole work: the bench's "open"). */
    static Outcome outcome(Request r) {
        switch (FileKind.of(r.file())) {
            case SESSION:
                return new Outcome.Session(r.file());
            case MODEL_FILE: {
                ModelSource s = new ModelSource.OnDisk(r.file());
                return new Outcome.Ready(TraceViewModel.openingOf(s, ModelFile.read(r.file())));
            }
            default:
                break;
        }
        ImportOptions options = r.options();
        if (r.vocabularyFile() != null)
            options = options.withVocabulary(ImportOptions.of(r.vocabularyFile(), null, null).vocabulary(),
                    r.vocabularyFile().getFileName().toString());
        if (r.labelsFile() != null)
            options = options.withLabels(ImportOptions.of(null, r.labelsFile(), null).labels(),
                    r.labelsFile().getFileName().toString());
        Request now = r.with(options);
        ImportResult result = CheckpointImport.readAsking(r.file(), options);
        if (result instanceof ImportResult.NeedsVocabulary v) return new Outcome.NeedsVocabulary(now, v);
        if (result instanceof ImportResult.Ambiguous a) return new Outcome.Ambiguous(now, a);
        ImportResult.Imported imported = (ImportResult.Imported) result;
        RnnModel m = imported.model();
        Opening opening = TraceViewModel.openingOf(new ModelSource.Checkpoint(r.file(), options, imported.found()), m);
        if (imported.classesUnnamed() && !r.labelsAsked()) return new Outcome.NeedsLabels(now, m.outputSize(), opening);
        return new Outcome.Ready(opening);
    }

    @Override
    public void close() {
        reader.close();
    }
}
