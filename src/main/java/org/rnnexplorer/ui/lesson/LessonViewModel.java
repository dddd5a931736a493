package org.rnnexplorer.ui.lesson;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.rnnexplorer.io.CaptionTemplate;
import org.rnnexplorer.io.Lesson;
import org.rnnexplorer.io.LessonSlide;
import org.rnnexplorer.io.SavedView;
import org.rnnexplorer.io.Session;
import org.rnnexplorer.ui.common.DialogService;
import org.rnnexplorer.ui.common.Messages;
import org.rnnexplorer.ui.explorer.playback.PlaybackViewModel;
import org.rnnexplorer.ui.explorer.trace.ModelCatalog;
import org.rnnexplorer.ui.explorer.trace.ModelSource;
import org.rnnexplorer.ui.explorer.trace.Opening;
import org.rnnexplorer.ui.explorer.trace.TraceViewModel;
import org.rnnexplorer.ui.session.SessionViewModel;

/**
 * Lesson mode: the open lesson, the slide shown, its caption with the live numbers filled in, and the authoring of
 * slides (add the view on screen, edit the caption and highlight, move, delete) and of lesson files (open, save,
 * asking before unsaved edits are lost). Showing a slide restores its whole view: model, input, selection, what-ifs
 * and sliders through the trace and session view models, the tab and side panel through {@link #tabProperty} and
 * {@link #panelProperty} (the window selects the tab with that id among those it has), the highlight through
 * {@link #highlightProperty}; then its auto-play runs. No scene graph here: tests drive it with a queue.
 */
public final class LessonViewModel {
    static final String UNTITLED = "Untitled lesson";
    private final TraceViewModel trace;
    private final SessionViewModel session;
    private final PlaybackViewModel playback;
    private final DialogService dialogs;
    private final Executor applier;
    private final LessonDocument document;

    private final ObservableList<LessonSlide> slides = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(false);
    private final StringProperty title = new SimpleStringProperty(UNTITLED);
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyIntegerWrapper shown = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper position = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<LessonSlide.Highlight> highlight = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper edited = new ReadOnlyBooleanWrapper(false);
    private final StringProperty tab = new SimpleStringProperty(SavedView.CELL_TAB);
    private final ObjectProperty<String> panel = new SimpleObjectProperty<>();
    private final BooleanProperty autoPlaying = new SimpleBooleanProperty(false);
    private final IntegerProperty autoPlayTo = new SimpleIntegerProperty(-1);

    public LessonViewModel(TraceViewModel trace, SessionViewModel session, PlaybackViewModel playback,
                           Executor applier, DialogService dialogs) {
        this.trace = trace;
        this.session = session;
        this.playback = playback;
        this.applier = applier;
        this.dialogs = dialogs;
        document = new LessonDocument(this, applier, dialogs);
        trace.selectionProperty().addListener(o -> refreshCaption());
        shown.addListener(o -> refreshCaption());
        index.addListener(o -> refreshPosition());
        slides.addListener((javafx.collections.ListChangeListener<LessonSlide>) c -> {
            refreshPosition();
            refreshCaption();
        });
        trace.stepProperty().addListener((o, a, t) -> {
            if (autoPlaying.get() && t.intValue() >= autoPlayTo.get()) stopAutoPlay();
        });
        playback.playingProperty().addListener((o, a, on) -> {
            if (!on) autoPlaying.set(false);
        });
    }

    // --- moving between slides --------------------------------------------------------------------------------

    public void next() {
        go(index.get() + 1);
    }

    public void previous() {
        go(index.get() - 1);
    }

    /** Shows slide {@code k} (from 0) and runs its auto-play; outside the lesson, nothing. */
    public void go(int k) {
        if (k < 0 || k >= slides.size()) return;
        session.unlessUnsaved(() -> show(k, true, () -> { }));
    }

    /**
     * Restores slide {@code k}'s view (off this thread, as a session opens) and then, once it is on screen, runs its
     * auto-play when {@code play}, and {@code then}.
     */
    void show(int k, boolean play, Runnable then) {
        LessonSlide s = slides.get(k);
        index.set(k);
        shown.set(-1);
        stopAutoPlay();
        highlight.set(null);
        Session v = s.view().session();
        String text = v.text() != null ? v.text() : SessionViewModel.seriesText(v.series());
        ModelSource.Bundled b = v.bundledModel() == null ? null : ModelCatalog.bundledAt(v.bundledModel());
        ModelSource source = b != null ? b : new ModelSource.InLesson(title.get(), v.model());
        trace.open(() -> new Opening(source, text, v.clamps(), v.layer(), v.unit(), v.step(),
                TraceViewModel.compute(v.model(), text, v.clamps())), o -> {
            session.restoreSliders(v.sliders());
            trace.showWhatIfProperty().set(s.view().showWhatIf());
            tab.set(s.view().tab());
            panel.set(s.view().panel());
            highlight.set(s.highlight());
            shown.set(k);
            if (play && s.autoPlay() != null) startAutoPlay(s.autoPlay());
            then.run();
        });
    }

    private void startAutoPlay(LessonSlide.AutoPlay a) {
        if (trace.stepProperty().get() >= a.toStep()) return;
        playback.stepsPerSecondProperty().set(a.stepsPerSecond());
        autoPlayTo.set(a.toStep());
        autoPlaying.set(true);
        playback.playingProperty().set(true);
    }

    private void stopAutoPlay() {
        if (autoPlaying.get()) playback.playingProperty().set(false);
        autoPlaying.set(false);
    }

    private void refreshCaption() {
        int k = index.get();
        if (k < 0 || k >= slides.size()) {
            caption.set(open.get() && slides.isEmpty() ? "No slides yet: Lesson ▸ Add the current view as a slide." : "");
            return;
        }
        CaptionTemplate t = CaptionTemplate.parse(slides.get(k).caption());
        caption.set(shown.get() == k ? CaptionValues.fill(t, trace.selectionProperty().get()) : CaptionValues.pending(t));
    }

    private void refreshPosition() {
        int k = index.get();
        position.set(slides.isEmpty() ? "no slides" : "slide " + (k + 1) + " of " + slides.size());
    }

    // --- authoring -----------------------------------------------------------------------------------------------

    /** The view on screen as a new slide after the one shown; its caption names the step and the unit. */
    public void addCurrentView() {
        SavedView v;
        try {
            v = currentView();
        } catch (RuntimeException e) {
            dialogs.showError("Could not add the slide", Messages.oneLine(e));
            return;
        }
        if (!open.get()) load(new Lesson(UNTITLED, List.of()), null);
        int at = index.get() + 1;
        slides.add(at, new LessonSlide(v, "Step {step} ('{token}'), unit {unit}: hₜ = {h}", null, null));
        index.set(at);
        shown.set(at);
        edited.set(true);
    }

    /** The slide shown takes the view on screen (keeping its caption where the new model can fill it). */
    public void replaceWithCurrentView() {
        int k = index.get();
        if (k < 0) return;
        LessonSlide old = slides.get(k);
        edit(() -> {
            SavedView v = currentView();
            try {
                return new LessonSlide(v, old.caption(), old.highlight(), old.autoPlay());
            } catch (IllegalArgumentException e) {
                return new LessonSlide(v, old.caption(), null, null);
            }
        });
        shown.set(k);
    }

    SavedView currentView() {
        Session s = session.currentSession();
        return new SavedView(s, tab.get(), panel.get(), trace.showWhatIfProperty().get() && !s.clamps().isEmpty());
    }

    /** Sets the caption of the slide shown; one that cannot be filled is refused with one line. */
    public void setCaption(String text) {
        edit(() -> current().withCaption(text));
    }

    /**
     * Sets the highlight of the slide shown: {@code part} a part of the diagram ("forget", "cell"; null or "" for
     * none), {@code unit} the slide's selected unit or not, {@code steps} "first–last" as the window numbers steps
     * (from 1; "" for none).
     */
    public void setHighlight(String part, boolean unit, String steps) {
        edit(() -> {
            LessonSlide s = current();
            Integer[] range = StepRange.parse(steps);
            String p = part == null || part.isBlank() ? null : part;
            if (p == null && !unit && range == null) return s.withHighlight(null);
            return s.withHighlight(new LessonSlide.Highlight(p, unit ? s.view().session().unit() : null,
                    range == null ? null : range[0], range == null ? null : range[1]));
        });
        highlight.set(current().highlight());
    }

    /** Sets the auto-play of the slide shown ("" for none): to step {@code toStep} (from 1), at {@code speed} steps a second. */
    public void setAutoPlay(String speed, String toStep) {
        edit(() -> {
            if (toStep == null || toStep.isBlank()) return current().withAutoPlay(null);
            return current().withAutoPlay(new LessonSlide.AutoPlay(StepRange.number(speed, "the speed"),
                    (int) StepRange.number(toStep, "the last step") - 1));
        });
    }

    public void moveUp() {
        move(-1);
    }

    public void moveDown() {
        move(1);
    }

    private void move(int by) {
        int k = index.get(), to = k + by;
        if (k < 0 || to < 0 || to >= slides.size()) return;
        LessonSlide s = slides.remove(k);
        slides.add(to, s);
        boolean wasShown = shown.get() == k;
        index.set(to);
        if (wasShown) shown.set(to);
        edited.set(true);
    }

    /** Deletes the slide shown; the one after it (or before, at the end) is then the current slide. */
    public void deleteSlide() {
        int k = index.get();
        if (k < 0) return;
        slides.remove(k);
        edited.set(true);
        if (slides.isEmpty()) {
            index.set(-1);
            refreshCaption();
        } else {
            go(Math.min(k, slides.size() - 1));
        }
    }

    /** Replaces the slide shown by {@code change}'s; a refusal (IllegalArgumentException) is shown as one line. */
    private void edit(Supplier<LessonSlide> change) {
        if (index.get() < 0) return;
        try {
            slides.set(index.get(), change.get());
            edited.set(true);
        } catch (RuntimeException e) {
            dialogs.showError("Not changed", Messages.oneLine(e));
        }
    }

    private LessonSlide current() {
        return slides.get(index.get());
    }

    /** The lesson as it is now. */
    public Lesson lesson() {
        return new Lesson(title.get(), new ArrayList<>(slides));
    }

    // --- the lesson as a document (LessonDocument opens and saves it) -----------------------------------------

    /** Shows {@code l}, read from {@code from} (null: no file yet), at its first slide. */
    void load(Lesson l, Path from) {
        stopAutoPlay();
        title.set(l.title().isEmpty() ? UNTITLED : l.title());
        index.set(-1);
        shown.set(-1);
        highlight.set(null);
        slides.setAll(l.slides());
        file.set(from);
        edited.set(false);
        open.set(true);
        refreshCaption();
        if (!slides.isEmpty()) go(0);
    }

    /** Leaves lesson mode (no question: {@link LessonDocument#close} asks). */
    void clear() {
        stopAutoPlay();
        slides.clear();
        index.set(-1);
        shown.set(-1);
        highlight.set(null);
        file.set(null);
        edited.set(false);
        open.set(false);
        refreshCaption();
    }

    /** {@code l} is now in {@code f}: the lesson counts as saved unless it changed meanwhile. */
    void saved(Lesson l, Path f) {
        file.set(f);
        if (lesson().equals(l)) edited.set(false);
    }

    /** Opening, saving and leaving the lesson, asking before unsaved edits are lost. */
    public LessonDocument document() {
        return document;
    }

    @Override
    public String toString() {
        return "lesson " + title.get() + ", " + position.get();
    }

    public ObservableList<LessonSlide> slides() { return slides; }
    /** A lesson is open (the lesson bar shows). */
    public ReadOnlyBooleanProperty openProperty() { return open.getReadOnlyProperty(); }
    public StringProperty titleProperty() { return title; }
    /** The current slide, from 0 (−1: none). */
    public ReadOnlyIntegerProperty indexProperty() { return index.getReadOnlyProperty(); }
    /** The slide whose view is on screen (−1 while it loads). */
    public ReadOnlyIntegerProperty shownProperty() { return shown.getReadOnlyProperty(); }
    /** The current slide's caption with its numbers filled in. */
    public ReadOnlyStringProperty captionProperty() { return caption.getReadOnlyProperty(); }
    /** "slide 3 of 9". */
    public ReadOnlyStringProperty positionProperty() { return position.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<LessonSlide.Highlight> highlightProperty() { return highlight.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Path> fileProperty() { return file.getReadOnlyProperty(); }
    /** The lesson has changes in no file. */
    public ReadOnlyBooleanProperty editedProperty() { return edited.getReadOnlyProperty(); }
    /** The main tab in front, by id (the window keeps it in step both ways). */
    public StringProperty tabProperty() { return tab; }
    /** The cell tab's side panel in front, by id ("equations", "what-if", "gradient"). */
    public ObjectProperty<String> panelProperty() { return panel; }
    /** The slide's auto-play is running. */
    public BooleanProperty autoPlayingProperty() { return autoPlaying; }
}
