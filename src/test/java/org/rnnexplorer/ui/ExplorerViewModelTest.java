package org.rnnexplorer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.model.Trace;

/** The view model without a toolkit: results are applied when the test drains the applier queue. */
class ExplorerViewModelTest {
    final ConcurrentLinkedQueue<Runnable> applied = new ConcurrentLinkedQueue<>();
    final Executor applier = applied::add;
    final ExplorerViewModel vm = new ExplorerViewModel(applier);

    @AfterEach
    void close() {
        vm.close();
    }

    /** Runs what the worker handed to the "FX thread" until the view model is idle. */
    void settle() throws InterruptedException {
        long end = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < end) {
            Runnable r;
            while ((r = applied.poll()) != null) r.run();
            if (!vm.busyProperty().get()) return;
            Thread.sleep(5);
        }
        throw new AssertionError("the trace did not finish");
    }

    /** The PyTorch-trained reference LSTM of the test resources, opened as a file. */
    /** Drains the applier until {@code done} holds (for work the busy flag does not cover, like reading a file). */
    void settleUntil(java.util.function.BooleanSupplier done) throws InterruptedException {
        long end = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < end) {
            settle();
            if (done.getAsBoolean()) return;
            Thread.sleep(5);
        }
        throw new AssertionError("timed out");
    }

    ModelEntry bundledLstm() {
        return ModelCatalog.ofFile(Path.of("src/test/resources/reference/charlm-lstm-1layer.json"));
    }

    @Test
    void opensTheBundledModelOnItsExampleWithTheLiveliestUnitSelected() throws Exception {
        vm.open(bundledLstm());
        settle();
        assertEquals("The forget gate (and the input gate) decide.", vm.inputTextProperty().get());
        assertEquals(44, vm.steps());
        assertEquals("step 1 of 44: 'T'", vm.stepLabelProperty().get());
        assertEquals("LSTM · 1 layer · 24 units · 37 characters · next-token readout", vm.modelSummaryProperty().get());
        Trace tr = vm.result().original();
        int u = vm.unitProperty().get();
        assertEquals(ExplorerViewModel.liveliestUnit(tr, 0), u);
        assertEquals("unit " + u + ": h = " + Num.f(tr.hidden(0, 0, u)) + ", C = " + Num.f(tr.cellState(0, 0, u)),
                vm.unitLabelProperty().get());
    }

    @Test
    void unknownCharactersAreListedAndSkippedNotFatal() throws Exception {
        vm.open(bundledLstm());
        settle();
        vm.inputTextProperty().set("a zebra"); // the vocabulary has no 'z', 'b' or 'x'
        settle();
        assertEquals(List.of("a", " ", "e", "r", "a"), vm.result().input().tokens());
        assertEquals("2 characters are not in the vocabulary, skipped: 'z' (at 3), 'b' (at 5)",
                vm.unknownSummaryProperty().get());
    }

    @Test
    void steppingStaysInsideTheSequence() throws Exception {
        vm.open(DemoModels.entries().get(0));
        settle();
        vm.inputTextProperty().set("abc");
        settle();
        vm.stepBack();
        assertEquals(0, vm.stepProperty().get());
        vm.stepForward();
        vm.stepForward();
        vm.stepForward();
        assertEquals(2, vm.stepProperty().get());
        assertEquals("step 3 of 3: 'c'", vm.stepLabelProperty().get());
        vm.first();
        assertEquals(0, vm.stepProperty().get());
        vm.last();
        vm.inputTextProperty().set("ab");
        settle();
        assertEquals(1, vm.stepProperty().get(), "the step follows a shorter input");
    }

    @Test
    void clampingTheForgetGateGivesAWhatIfTraceBesideTheOriginal() throws Exception {
        vm.open(bundledLstm());
        settle();
        vm.selectUnit(5);
        vm.clampGate(1, 0.0);
        settle();
        TraceResult r = vm.result();
        assertTrue(r.hasWhatIf());
        for (int t = 0; t < r.steps(); t++) {
            assertEquals(0.0, r.whatIf().gate(0, 1, t, 5), 0.0);
            assertTrue(r.original().gate(0, 1, t, 5) > 0, "the original forget gate is open a little at every step");
        }
        // with f = 0 the cell forgets everything: C_t = i_t C~_t
        int t = 10;
        assertEquals(r.whatIf().gate(0, 0, t, 5) * r.whatIf().gate(0, 2, t, 5), r.whatIf().cellState(0, t, 5), 1e-12);
        assertTrue(vm.whatIfSummaryProperty().get().startsWith("forget gate of unit 5 (layer 1) held at 0.000"),
                vm.whatIfSummaryProperty().get());
        vm.jumpTo(t);
        assertEquals("at step 11, unit 5: h = " + Num.f(r.original().hidden(0, t, 5)) + " → "
                + Num.f(r.whatIf().hidden(0, t, 5)) + " with the what-if", vm.whatIfAtStepProperty().get());
        vm.clearWhatIfs();
        settle();
        assertFalse(vm.result().hasWhatIf());
    }

    @Test
    void theLatestInputWinsWhenRequestsPileUp() throws Exception {
        vm.open(DemoModels.entries().get(1));
        settle();
        List<String> texts = new ArrayList<>();
        for (int i = 1; i <= 30; i++) texts.add("the cat sat on the mat ".repeat(i));
        for (String s : texts) vm.inputTextProperty().set(s);
        settle();
        assertEquals(texts.get(29).length(), vm.steps());
    }

    @Test
    void aBadModelFileReportsOneLineAndKeepsTheOpenModel(@TempDir Path dir) throws Exception {
        vm.open(bundledLstm());
        settle();
        Path bad = dir.resolve("broken.json");
        Files.writeString(bad, "{\"format\": \"rnn-explorer-model\", \"cell\": \"lstm\", \"layers\": 1, \"inputSize\": 2,"
                + " \"hiddenSize\": 3, \"parameters\": {}}");
        List<String> errors = new ArrayList<>();
        vm.setErrorHandler(errors::add);
        vm.openFile(bad);
        settle();
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).startsWith(bad + ": "), errors.get(0));
        assertFalse(errors.get(0).contains("\n"));
        assertEquals(44, vm.steps(), "the open model stays");
        assertNotNull(vm.entryProperty().get());
        assertFalse(vm.recentFiles().contains(bad), "a file that did not load is not a recent file");
    }

    @Test
    void aModelFileThatLoadsBecomesARecentFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("my-lstm.json");
        org.rnnexplorer.io.ModelFile.write(DemoModels.build(org.rnnexplorer.model.CellType.LSTM, 4, 1, 1), file);
        vm.openFile(file);
        settle();
        assertEquals("my-lstm.json", vm.entryProperty().get().title());
        assertEquals(List.of(file), vm.recentFiles());
        assertEquals("LSTM · 1 layer · 4 units · 31 characters · next-token readout", vm.modelSummaryProperty().get());
    }

    @Test
    void ablatingAUnitZeroesItsHiddenValueAtEveryStep() throws Exception {
        vm.open(bundledLstm());
        settle();
        vm.selectUnit(11);
        vm.ablateSelectedUnit();
        settle();
        TraceResult r = vm.result();
        for (int t = 0; t < r.steps(); t++) assertEquals(0.0, r.whatIf().hidden(0, t, 11), 0.0);
        assertTrue(vm.whatIfSummaryProperty().get().startsWith("unit 11 (layer 1) ablated (h = 0)"),
                vm.whatIfSummaryProperty().get());
        vm.showWhatIfProperty().set(true);
        EquationLine h = vm.equations().get(vm.equations().size() - 1);
        assertEquals("Hidden state (held by the what-if)", h.name());
        assertTrue(h.numbers().endsWith("→ held at 0.000"), h.numbers());
    }

    @Test
    void theFirstUnitIsTheOneTheDescriptionNames() throws Exception {
        ModelEntry named = new ModelEntry("LSTM", "Cell state unit 3 follows the bracket depth.", "built in", "(a)",
                "lstm", () -> DemoModels.build(org.rnnexplorer.model.CellType.LSTM, 6, 1, 2));
        vm.open(named);
        settle();
        assertEquals(3, vm.unitProperty().get());
        ModelEntry unnamed = DemoModels.entries().get(0);
        vm.open(unnamed);
        settle();
        assertEquals(ExplorerViewModel.liveliestUnit(vm.result().original(), 0), vm.unitProperty().get());
    }

    @Test
    void aCsvSeriesFeedsANumericModelOneRowPerStep(@TempDir Path dir) throws Exception {
        RnnModel numeric = new RnnModel(org.rnnexplorer.model.CellType.GRU, 2, 3,
                List.of(org.rnnexplorer.model.LayerWeights.zeros(3, 2, 3)), null, null, null, null, null, null);
        vm.open(new ModelEntry("numeric GRU", "", "built in", "0,0", "gru", () -> numeric));
        settle();
        Path csv = dir.resolve("series.csv");
        Files.writeString(csv, "x,y\n0.5,1\n-1,2\n3,4\n");
        vm.openInput(csv);
        settleUntil(() -> vm.steps() == 3);
        assertEquals(-1.0, vm.result().original().layer(0).x[1].get(0, 0), 0.0);
        assertEquals("1 line is not rows of numbers, skipped: 'x,y' (at 1)", vm.unknownSummaryProperty().get());
        List<String> errors = new ArrayList<>();
        vm.setErrorHandler(errors::add);
        vm.openInput(dir.resolve("missing.csv"));
        settleUntil(() -> !errors.isEmpty());
        assertEquals(1, errors.size());
        assertEquals(dir.resolve("missing.csv") + ": no such file", errors.get(0));
    }

    @Test
    void aNumericSessionRoundTripsAndTrainedWeightsCountAsUnsavedUntilSaved(@TempDir Path dir) throws Exception {
        RnnModel m = RnnModel.zeros(org.rnnexplorer.model.CellType.GRU, 2, 4, 1, 0, 0, null, null);
        for (int i = 0; i < m.layer(0).wIh.data.length; i++) m.layer(0).wIh.data[i] = 0.1 * ((i % 7) - 3);
        for (int i = 0; i < m.layer(0).wHh.data.length; i++) m.layer(0).wHh.data[i] = 0.05 * ((i % 5) - 2);
        vm.openTrained(m);
        settle();
        assertTrue(vm.trainedUnsavedProperty().get());
        assertTrue(vm.titleProperty().get().startsWith("• RNN Explorer — trained in the app (GRU)"));
        vm.inputTextProperty().set("0.5, 1\n-0.25, 2\n0.125, -1\n");
        settle();
        vm.selectUnit(2);
        vm.jumpTo(1);
        vm.clampGate(1, 1.0);
        vm.stepsPerSecondProperty().set(4.5);
        settle();
        assertEquals(3, vm.steps());
        Path file = dir.resolve("numbers.session.json");
        vm.saveSession(file, () -> { });
        settleUntil(() -> file.equals(vm.sessionFileProperty().get()));
        assertFalse(vm.trainedUnsavedProperty().get(), "saved in the session");
        assertEquals("numbers.session.json — RNN Explorer — trained in the app (GRU)", vm.titleProperty().get());

        ExplorerViewModel other = new ExplorerViewModel(applier);
        try {
            other.openSession(file);
            settleUntil(() -> file.equals(other.sessionFileProperty().get()) && !other.busyProperty().get());
            assertEquals(3, other.steps());
            assertEquals(1, other.stepProperty().get());
            assertEquals(2, other.unitProperty().get());
            assertEquals(List.copyOf(vm.whatIfs()), List.copyOf(other.whatIfs()));
            assertEquals(4.5, other.stepsPerSecondProperty().get(), 0.0);
            assertEquals("model of numbers.session.json", other.entryProperty().get().title());
            Trace a = vm.result().whatIf(), b = other.result().whatIf();
            for (int t = 0; t < 3; t++)
                for (int u = 0; u < 4; u++) assertEquals(a.hidden(0, t, u), b.hidden(0, t, u), 0.0);
            assertEquals(vm.stepLabelProperty().get(), other.stepLabelProperty().get());
            assertEquals(vm.unitLabelProperty().get(), other.unitLabelProperty().get());
        } finally {
            other.close();
        }

        // a model file also counts as saving the trained weights
        vm.openTrained(m);
        settle();
        assertTrue(vm.trainedUnsavedProperty().get());
        Path model = dir.resolve("gru.json");
        vm.saveModel(model, () -> { });
        settleUntil(() -> !vm.trainedUnsavedProperty().get());
        assertEquals(4, org.rnnexplorer.io.ModelFile.read(model).hiddenSize());
    }

    @Test
    void aSessionThatCannotBeWrittenIsReportedInOneLineNamingTheFile(@TempDir Path dir) throws Exception {
        vm.open(bundledLstm());
        settle();
        List<String> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        vm.setErrorHandler(errors::add);
        Path file = dir.resolve("no-such-folder").resolve("x.session.json");
        vm.saveSession(file, () -> errors.add("saved?"));
        settleUntil(() -> !errors.isEmpty());
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).contains("x.session.json"), errors.get(0));
        assertFalse(errors.get(0).contains("\n"), errors.get(0));
        assertEquals(null, vm.sessionFileProperty().get());
        assertFalse(Files.exists(file));
    }
}
