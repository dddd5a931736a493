package org.rnnexplorer.ui.session;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.rnnexplorer.data.TextEncoding;
import org.rnnexplorer.io.ModelFile;
import org.rnnexplorer.io.Session;
import org.rnnexplorer.io.SessionFile;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.ui.common.DaemonThreads;
import org.rnnexplorer.ui.common.DialogService;
import org.rnnexplorer.ui.common.Messages;
import org.rnnexplorer.ui.common.SessionSlider;
import org.rnnexplorer.ui.explorer.trace.ModelCatalog;
import org.rnnexplorer.ui.explorer.trace.ModelSource;
import org.rnnexplorer.ui.explorer.trace.Opening;
import org.rnnexplorer.ui.explorer.trace.TraceResult;
import org.rnnexplorer.ui.explorer.trace.TraceViewModel;

/**
 * The window as a document: the session file it was opened from or saved to, whether anything changed since, and
 * whether a model trained in the app is in no file yet. Opens models and sessions (asking first, when such weights
 * would be lost: Save… a session, Discard, or Cancel), saves sessions and models off the JavaFX thread, keeps the
 * recent model files and the window title ("explorer.session.json • — RNN Explorer — LSTM — brackets").
 */
public final class SessionViewModel implements AutoCloseable {
    static final String SAVE_FAILED = "Could not save the file";
    /** The answers to "Save the trained model?". */
    enum Unsaved { SAVE, DISCARD }

    private final TraceViewModel trace;
    private final DialogService dialogs;
    private final Executor applier;
    /** Saves run one after another, every one of them (not latest-wins). */
    private final ExecutorService fileWriter = DaemonThreads.single("session-writer");
    private final List<SessionSlider> sliders = new ArrayList<>();
    private final ReadOnlyObjectWrapper<Path> sessionFile = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper trainedUnsaved = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper changed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("RNN Explorer");
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();

    public SessionViewModel(TraceViewModel trace, Executor applier, DialogService dialogs) {
        this.trace = trace;
        this.applier = applier;
        this.dialogs = dialogs;
        for (Observable o : List.<Observable>of(trace.inputTextProperty(), trace.stepProperty(), trace.layerProperty(),
                trace.unitProperty(), trace.whatIfs(), trace.sourceProperty()))
            o.addListener(x -> changed.set(true));
        for (Observable o : List.<Observable>of(sessionFile, trainedUnsaved, changed, trace.sourceProperty()))
            o.addListener(x -> refreshTitle());
        trace.openedProperty().addListener((o, a, opening) -> opened(opening));
    }

    /** Settings of other parts of the window that sessions keep (the playback speed, the gradient lab's sliders). */
    public void addSliders(List<SessionSlider> more) {
        for (SessionSlider s : more) {
            sliders.add(s);
            s.observable().addListener(x -> changed.set(true));
        }
    }

    /** After any model or session is on screen: a fresh document, unsaved when its weights came from training. */
    private void opened(Opening o) {
        sessionFile.set(null);
        trainedUnsaved.set(o.source() instanceof ModelSource.Trained);
        changed.set(false);
        Path file = o.source() instanceof ModelSource.OnDisk d ? d.file()
                : o.source() instanceof ModelSource.Checkpoint c ? c.file() : null;
        if (file != null) {
            recentFiles.remove(file);
            recentFiles.add(0, file);
            if (recentFiles.size() > 8) recentFiles.remove(8, recentFiles.size());
        }
    }

    // --- opening, with the unsaved-weights policy -------------------------------------------------------------

    /**
     * Runs {@code action} now, or, when a model trained in the app is in no file, after asking: Save… (a session,
     * then the action once it is written), Discard (the action) or Cancel (nothing).
     */
    public void unlessUnsaved(Runnable action) {
        if (!trainedUnsaved.get()) {
            action.run();
            return;
        }
        dialogs.ask("Save the trained model?",
                "The weights of the model trained in the app are in no file yet. Save them in a session first?",
                List.of(new DialogService.Choice<>("Save…", Unsaved.SAVE),
                        new DialogService.Choice<>("Discard", Unsaved.DISCARD)), answer -> {
                    if (answer == Unsaved.DISCARD) action.run();
                    else if (answer == Unsaved.SAVE) chooseSessionFile(file -> saveSession(file, action));
                });
    }

    public void open(ModelSource source) {
        unlessUnsaved(() -> trace.open(source));
    }

    /** Opens a model file from disk; it joins the recent files when it loads. */
    public void openFile(Path file) {
        open(new ModelSource.OnDisk(file));
    }

    /** Asks for a model file, then opens it. */
    public void chooseModelFile() {
        chooseAndOpen("Open a model file", new DialogService.FileType("Model files (*.json)", "*.json"),
                f -> trace.open(new ModelSource.OnDisk(f)));
    }

    /** Asks (unless that would lose trained weights) for a file of {@code type}, then opens it with {@code open}. */
    private void chooseAndOpen(String title, DialogService.FileType type, Consumer<Path> open) {
        unlessUnsaved(() -> {
            Path f = dialogs.chooseFileToOpen(title, List.of(type, DialogService.FileType.ANY));
            if (f != null) open.accept(f);
        });
    }

    /** Opens a model the Training tab hands over: its weights count as unsaved until saved. */
    public void openTrained(RnnModel m) {
        open(new ModelSource.Trained(m));
    }

    /** Asks for a session file, then opens it. */
    public void chooseSessionToOpen() {
        chooseAndOpen("Open a session", new DialogService.FileType("Sessions (*.session.json)", "*.session.json"),
                this::readSession);
    }

    /**
     * Opens a session file: read off this thread and, when the whole file is good, shown exactly as it was saved;
     * a bad file is one line naming it, and nothing on screen changes.
     */
    public void openSession(Path file) {
        unlessUnsaved(() -> readSession(file));
    }

    /** {@link #openSession} without asking about unsaved weights (the caller has asked). */
    public void readSession(Path file) {
        show(() -> SessionFile.read(file), file, () -> {
            sessionFile.set(file);
            trainedUnsaved.set(false);
            changed.set(false);
        });
    }

    /** Sets the sliders of the other parts of the window (the playback speed, the lab's) to those of a saved view. */
    public void restoreSliders(Map<String, Double> values) {
        for (SessionSlider s : sliders) s.restoreFrom(values);
    }

    /**
     * Shows the session {@code read} gives (off this thread), then runs {@code then}. Its model's source is the
     * bundled model it names, else the session file, else (no file) the model itself, as one trained in the app.
     */
    private void show(Supplier<Session> read, Path file, Runnable then) {
        Session[] shown = new Session[1];
        trace.open(() -> {
            Session s = read.get();
            shown[0] = s;
            String text = s.text() != null ? s.text() : seriesText(s.series());
            ModelSource.Bundled bundled = s.bundledModel() == null ? null : ModelCatalog.bundledAt(s.bundledModel());
            ModelSource source = bundled != null ? bundled
                    : file != null ? new ModelSource.InSession(file) : new ModelSource.Trained(s.model());
            TraceResult r = TraceViewModel.compute(s.model(), text, s.clamps());
            return new Opening(source, text, s.clamps(), s.layer(), s.unit(), s.step(), r);
        }, o -> {
            for (SessionSlider sl : sliders) sl.restoreFrom(shown[0].sliders());
            then.run();
        });
    }

    /** What a crash would lose of the window as a document: none when nothing changed since it was opened or saved. */
    public record UnsavedWork(Session session, Path file, boolean trainedUnsaved) {
    }

    /** The session on screen if it has unsaved changes or weights in no file, else null (JavaFX thread). */
    public UnsavedWork unsavedWork() {
        if (!trainedUnsaved.get() && !changed.get()) return null;
        if (trace.result() == null) return null;
        return new UnsavedWork(currentSession(), sessionFile.get(), trainedUnsaved.get());
    }

    /**
     * Puts back work a crash cut short: the session is shown as it was, with its session file (if it had one), and
     * counts as changed (and its weights as unsaved if they were), so that closing asks to save it.
     */
    public void restore(UnsavedWork w) {
        show(w::session, w.file(), () -> {
            sessionFile.set(w.file());
            trainedUnsaved.set(w.trainedUnsaved());
            changed.set(true);
        });
    }

    /** One line of numbers per row, as the input editor reads a series. */
    public static String seriesText(double[][] series) {
        StringBuilder sb = new StringBuilder();
        for (double[] row : series) {
            for (int j = 0; j < row.length; j++) sb.append(j > 0 ? ", " : "").append(row[j]);
            sb.append('\n');
        }
        return sb.toString();
    }

    // --- saving ------------------------------------------------------------------------------------------------

    /** Saves to the session file, or asks for one when there is none yet. */
    public void save() {
        Path f = sessionFile.get();
        if (f == null) saveAs();
        else saveSession(f, () -> { });
    }

    public void saveAs() {
        chooseSessionFile(f -> saveSession(f, () -> { }));
    }

    private void chooseSessionFile(Consumer<Path> then) {
        Path current = sessionFile.get();
        Path f = dialogs.chooseFileToSave("Save session",
                current != null ? current.getFileName().toString() : "explorer.session.json", "json");
        if (f != null) then.accept(f);
    }

    /** Asks where, then saves the open model (with weights trained in the app) as a model file. */
    public void saveModelAs() {
        if (trace.modelProperty().get() == null) return;
        Path f = dialogs.chooseFileToSave("Save the model as a model file", "model.json", "json");
        if (f != null) saveModel(f, () -> { });
    }

    /**
     * What is on screen as a {@link Session}: the model, the input (the text as typed; if the vocabulary refuses a
     * typed character, the tokens that were fed), the selected layer, unit and step, the sliders and the what-ifs.
     */
    public Session currentSession() {
        TraceResult r = trace.result();
        if (r == null) throw new IllegalStateException("nothing is open");
        RnnModel m = r.model();
        Session s;
        if (m.takesTokens()) {
            try {
                s = Session.ofText(m, trace.inputTextProperty().get());
            } catch (IllegalArgumentException unreadable) {
                s = Session.ofText(m, TextEncoding.tokenizerOf(m).join(r.input().tokens()));
            }
        } else {
            s = Session.ofSeries(m, r.input().vectors());
        }
        if (trace.sourceProperty().get() instanceof ModelSource.Bundled b) s = s.withBundledModel(b.path());
        Map<String, Double> values = new LinkedHashMap<>();
        for (SessionSlider slider : sliders) slider.saveInto(values);
        int t = Math.max(0, Math.min(trace.stepProperty().get(), r.steps() - 1));
        return s.withSelection(trace.layerProperty().get(), trace.unitProperty().get(), t).withSliders(values)
                .withClamps(List.copyOf(trace.whatIfs()));
    }

    /**
     * Saves the session to {@code file} (off this thread, atomically); on success it becomes the window's session
     * file, the trained weights count as saved and {@code then} runs. A failure is shown as one line naming the file.
     */
    public void saveSession(Path file, Runnable then) {
        Session s;
        try {
            s = currentSession();
        } catch (RuntimeException e) {
            dialogs.showError(SAVE_FAILED, file.getFileName() + ": cannot save the session: " + Messages.oneLine(e));
            return;
        }
        write(() -> SessionFile.write(s, file), file, () -> {
            sessionFile.set(file);
            trainedUnsaved.set(false);
            changed.set(false);
            then.run();
        });
    }

    /** Saves the open model as a model file (off this thread); its trained weights then count as saved. */
    public void saveModel(Path file, Runnable then) {
        RnnModel m = trace.modelProperty().get();
        if (m == null) return;
        write(() -> ModelFile.write(m, file), file, () -> {
            trainedUnsaved.set(false);
            then.run();
        });
    }

    /** Runs {@code save} on the writer thread, then {@code done} (or the error) on the applier. */
    private void write(Runnable save, Path file, Runnable done) {
        fileWriter.execute(() -> {
            try {
                save.run();
            } catch (RuntimeException e) {
                String message = Messages.naming(file, e);
                applier.execute(() -> dialogs.showError(SAVE_FAILED, message));
                return;
            }
            applier.execute(done);
        });
    }

    /** Puts the changed flag back (after the GIF export stepped through and returned to the step it was on). */
    public void restoreChanged(boolean wasChanged) {
        changed.set(wasChanged);
    }

    private void refreshTitle() {
        ModelSource s = trace.sourceProperty().get();
        Path f = sessionFile.get();
        boolean dirty = trainedUnsaved.get() || (f != null && changed.get());
        title.set((f == null ? "" : f.getFileName() + (dirty ? " •" : "") + " — ")
                + (f == null && dirty ? "• " : "") + "RNN Explorer — " + (s == null ? "" : s.title()));
    }

    @Override
    public void close() {
        fileWriter.shutdownNow();
    }

    /** The session file on screen (opened or last saved), or null. */
    public ReadOnlyObjectProperty<Path> sessionFileProperty() { return sessionFile.getReadOnlyProperty(); }
    /** A model from the Training tab whose weights are in no file yet: closing or opening another asks first. */
    public ReadOnlyBooleanProperty trainedUnsavedProperty() { return trainedUnsaved.getReadOnlyProperty(); }
    /** Something changed since the session file was opened or saved. */
    public ReadOnlyBooleanProperty changedProperty() { return changed.getReadOnlyProperty(); }
    /** The window title: the session file (• when changed), then the model. */
    public ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }
    /** Model files and checkpoints opened, newest first (at most 8). */
    public ObservableList<Path> recentFiles() { return recentFiles; }
}
