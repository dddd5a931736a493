package org.rnnexplorer.ui.opening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnexplorer.io.BadFileException;
import org.rnnexplorer.io.SessionFile;
import org.rnnexplorer.io.pytorch.CheckpointImport;
import org.rnnexplorer.io.pytorch.Fixtures;
import org.rnnexplorer.io.pytorch.ImportOptions;
import org.rnnexplorer.model.ForwardPass;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.model.Trace;
import org.rnnexplorer.ui.app.ExplorerViewModels;
import org.rnnexplorer.ui.common.FakeDialogService;
import org.rnnexplorer.ui.common.QueueApplier;
import org.rnnexplorer.ui.explorer.trace.ModelSource;
import org.rnnexplorer.ui.explorer.trace.TraceResult;

/**
 * Opening checkpoints, model files and sessions as the window does, without a toolkit: the dialogs are a fake that
 * answers as the test says (a vocabulary, a part, class names, or cancel), results are applied as the queue drains.
 * What is shown is compared with the headless import of the same file and with PyTorch's own outputs.
 */
class OpeningViewModelTest {
    final QueueApplier applier = new QueueApplier();
    final FakeDialogService dialogs = new FakeDialogService();
    final ExplorerViewModels vms = new ExplorerViewModels(applier, dialogs);

    @AfterEach
    void close() {
        vms.close();
    }

    static Path fixture(String name) {
        return Fixtures.dir().resolve(name);
    }

    void waitForOpen(String title) throws InterruptedException {
        applier.until(() -> vms.trace.sourceProperty().get() != null
                && vms.trace.sourceProperty().get().title().equals(title) && !vms.trace.busyProperty().get());
    }

    /** Types {@code text} into the input and waits for its trace. */
    TraceResult traced(String text) throws InterruptedException {
        vms.trace.inputTextProperty().set(text);
        applier.until(() -> !vms.trace.busyProperty().get() && vms.trace.result().input().steps() > 0
                && String.join("", vms.trace.result().input().tokens()).equals(text));
        return vms.trace.result();
    }

    /** Every h (and c) of the window's trace is PyTorch's float64 output within 1e-9. */
    static void agreesWithPyTorch(Trace shown, JsonNode expected) {
        JsonNode layers = expected.get("layers");
        for (int l = 0; l < layers.size(); l++)
            for (String q : List.of("h", "c")) {
                JsonNode steps = layers.get(l).get(q);
                if (steps == null) continue;
                assertEquals(steps.size(), shown.steps());
                for (int t = 0; t < steps.size(); t++)
                    for (int u = 0; u < steps.get(t).size(); u++) {
                        double v = q.equals("h") ? shown.hidden(l, t, u) : shown.cellState(l, t, u);
                        assertEquals(steps.get(t).get(u).asDouble(), v, 1e-9, q + " layer " + l + " step " + t + " unit " + u);
                    }
            }
    }

    static JsonNode expected(String name) {
        return Fixtures.all().stream().filter(f -> f.imports() && f.file().equals(name)).findFirst().orElseThrow().expected();
    }

    @Test
    void aCheckpointHoldingItsVocabularyOpensTitledByItsFileWithWhatWasFoundAndTheHeadlessImportsStates()
            throws Exception {
        Path file = fixture("training-checkpoint.pt");
        vms.opening.open(file);
        assertEquals("reading training-checkpoint.pt…", vms.opening.readingProperty().get());
        waitForOpen("training-checkpoint.pt");
        assertEquals("", vms.opening.readingProperty().get());
        assertEquals(List.of(), dialogs.questions(), "nothing to ask");
        ModelSource.Checkpoint source = assertInstanceOf(ModelSource.Checkpoint.class, vms.trace.sourceProperty().get());
        assertTrue(source.description().contains("rnn: model_state_dict.lstm (LSTM, 1 layer, input 4, hidden 5)"), source.description());
        assertTrue(source.description().contains("vocabulary: 11 tokens found at"), source.description());
        assertEquals("LSTM · 1 layer · 5 units · 11 characters · next-token readout", vms.trace.modelSummaryProperty().get());
        assertEquals(List.of(file), vms.session.recentFiles(), "a checkpoint joins the recent files");

        // the example it opened on, traced as the headless import of the same file traces it
        TraceResult r = vms.trace.result();
        RnnModel headless = CheckpointImport.readModel(file, ImportOptions.NONE).model();
        Trace expected = ForwardPass.run(headless, r.input().batch());
        for (int t = 0; t < r.steps(); t++)
            for (int u = 0; u < headless.hiddenSize(); u++)
                assertEquals(expected.hidden(0, t, u), r.original().hidden(0, t, u), 0.0, "step " + t + " unit " + u);
        agreesWithPyTorch(traced("abc .ha,hg").original(), expected("training-checkpoint.pt"));
    }

    @Test
    void withoutAVocabularyTheWindowAsksSaysStringPrintableDoesNotFitAndAVocabularyFileAnswers() throws Exception {
        dialogs.answerInTurn(CheckpointQuestions.VOCABULARY_FILE).openInTurn(fixture("chars.txt"));
        vms.opening.open(fixture("state-dict-lstm.pt"));
        waitForOpen("state-dict-lstm.pt");
        assertEquals(1, dialogs.questions().size());
        assertEquals("Which tokens does state-dict-lstm.pt read?", dialogs.questions().get(0));
        String question = dialogs.questionTexts().get(0);
        assertTrue(question.contains("its embedding emb.weight has 11 rows"), question);
        assertTrue(question.contains("has 100 characters, not 11, so it is not this model's vocabulary"), question);
        assertEquals(List.of(CheckpointQuestions.VOCABULARY_FILE), dialogs.offers().get(0), "string.printable is not offered");
        assertEquals(List.of("a", "b", "c", "d", "e", "f", "g", "h", " ", ".", ","), vms.trace.modelProperty().get().vocabulary());
        assertTrue(vms.trace.sourceProperty().get().description().contains("from chars.txt"),
                vms.trace.sourceProperty().get().description());
        agreesWithPyTorch(traced("abc .ha,hg").original(), expected("state-dict-lstm.pt"));
    }

    @Test
    void stringPrintableIsOfferedWhenItsHundredCharactersAreTheRowsAndGivesPyTorchsStates() throws Exception {
        dialogs.answerInTurn(CheckpointQuestions.PRINTABLE);
        vms.opening.open(fixture("printable-gru.pt"));
        waitForOpen("printable-gru.pt");
        String question = dialogs.questionTexts().get(0);
        assertTrue(question.contains("has 100 characters, as many as the rows"), question);
        assertEquals(List.of(CheckpointQuestions.PRINTABLE, CheckpointQuestions.VOCABULARY_FILE), dialogs.offers().get(0));
        assertEquals(CheckpointImport.printable(), vms.trace.modelProperty().get().vocabulary());
        agreesWithPyTorch(traced("Hi, there!\n").original(), expected("printable-gru.pt"));
    }

    @Test
    void cancellingTheVocabularyQuestionOpensNothingAndSaysNothingMore() throws Exception {
        vms.opening.open(fixture("training-checkpoint.pt"));
        waitForOpen("training-checkpoint.pt");
        dialogs.answer(null);
        vms.opening.open(fixture("state-dict-lstm.pt"));
        applier.until(() -> dialogs.questions().size() == 1);
        applier.until(() -> !vms.trace.busyProperty().get());
        assertEquals("training-checkpoint.pt", vms.trace.sourceProperty().get().title(), "the open model stays");
        assertEquals(List.of(), dialogs.errors());
    }

    @Test
    void twoRecurrentModulesAreListedAndTheOnePickedOpensAsMapRnnWould() throws Exception {
        dialogs.answerInTurn("rnn_b (weight_hh_l0 [20, 5])", CheckpointQuestions.VOCABULARY_FILE)
                .openInTurn(fixture("chars.json"));
        vms.opening.open(fixture("two-rnns.pt"));
        waitForOpen("two-rnns.pt");
        assertEquals("Which is the recurrent module of two-rnns.pt?", dialogs.questions().get(0));
        assertEquals(List.of("rnn_a (weight_hh_l0 [15, 5])", "rnn_b (weight_hh_l0 [20, 5])"), dialogs.offers().get(0));
        assertTrue(dialogs.questionTexts().get(0).startsWith("found 2 recurrent modules"), dialogs.questionTexts().get(0));
        assertEquals("Which tokens does two-rnns.pt read?", dialogs.questions().get(1));
        agreesWithPyTorch(traced("abc .ha,hg").original(), expected("two-rnns.pt"));
        assertEquals(List.of(), dialogs.errors());
    }

    @Test
    void whatTheEngineCannotShowIsRefusedWithTheImportersOneLine() throws Exception {
        for (String name : List.of("bidirectional.pt", "handwritten-cell.pt", "attention.pt")) {
            Path file = fixture(name);
            String headless = assertThrows(BadFileException.class, () -> CheckpointImport.read(file,
                    ImportOptions.of(fixture("chars.json"), null, null))).getMessage();
            int before = dialogs.errors().size();
            dialogs.answerInTurn(CheckpointQuestions.VOCABULARY_FILE).openInTurn(fixture("chars.json"));
            vms.opening.open(file);
            applier.until(() -> dialogs.errors().size() == before + 1);
            String shown = dialogs.errors().get(before);
            assertEquals(OpeningViewModel.FAILED + ": " + headless, shown);
            assertFalse(shown.contains("\n") || shown.contains("Exception"), shown);
        }
        assertEquals(null, vms.trace.sourceProperty().get(), "nothing opened");
    }

    @Test
    void aClassifierWithoutNamesAsksAndALabelsFileNamesItsClasses() throws Exception {
        dialogs.answerInTurn(CheckpointQuestions.LABELS_FILE).openInTurn(fixture("classes.txt"));
        vms.opening.open(fixture("torchtext-vocab-classifier.pt"));
        waitForOpen("torchtext-vocab-classifier.pt");
        assertEquals("What are the 3 classes of torchtext-vocab-classifier.pt?", dialogs.questions().get(0));
        RnnModel m = vms.trace.modelProperty().get();
        assertEquals(List.of("north", "south", "west"), m.labels());
        assertTrue(vms.trace.modelSummaryProperty().get().endsWith("classifier of 3 classes"),
                vms.trace.modelSummaryProperty().get());
    }

    @Test
    void aClassifierWhoseNamesAreNotGivenShowsClassNumbers() throws Exception {
        dialogs.answer(null);
        vms.opening.open(fixture("legacy-numeric-lstm.pt"));
        waitForOpen("legacy-numeric-lstm.pt");
        assertEquals("What are the 2 classes of legacy-numeric-lstm.pt?", dialogs.questions().get(0));
        assertEquals(List.of("class 0", "class 1"), vms.trace.modelProperty().get().labels());
        assertEquals(1, dialogs.questions().size());
    }

    @Test
    void aModelFileASessionAndABadFileOpenAsWhatTheyAre(@TempDir Path dir) throws Exception {
        Path model = Path.of("src/test/resources/reference/charlm-gru-2layer.json");
        vms.opening.open(model);
        waitForOpen("charlm-gru-2layer.json");
        assertInstanceOf(ModelSource.OnDisk.class, vms.trace.sourceProperty().get());

        Path session = dir.resolve("saved.json"); // a session by its content, whatever its name
        SessionFile.write(vms.session.currentSession(), session);
        vms.opening.open(session);
        applier.until(() -> session.equals(vms.session.sessionFileProperty().get()));

        Path picture = dir.resolve("shot.png"); // dropped by mistake: neither a model, a session nor a checkpoint
        Files.write(picture, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        vms.opening.open(picture);
        applier.until(() -> !dialogs.errors().isEmpty());
        assertTrue(dialogs.errors().get(0).startsWith(OpeningViewModel.FAILED + ": " + picture + ": "), dialogs.errors().get(0));
        assertFalse(dialogs.errors().get(0).contains("\n") || dialogs.errors().get(0).contains("Exception"), dialogs.errors().get(0));
        assertEquals("", vms.opening.readingProperty().get());

        Path bad = dir.resolve("broken.pt");
        Files.write(bad, new byte[] {'P', 'K', 3, 4, 0, 0});
        vms.opening.open(bad);
        applier.until(() -> dialogs.errors().size() == 2);
        String error = dialogs.errors().get(1);
        assertTrue(error.startsWith(OpeningViewModel.FAILED + ": " + bad + ": "), error);
        assertFalse(error.contains("\n"), error);
    }
}
