package org.rnnexplorer.ui.explorer.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.LayerWeights;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.model.Trace;
import org.rnnexplorer.ui.common.FakeDialogService;
import org.rnnexplorer.ui.common.Num;
import org.rnnexplorer.ui.common.QueueApplier;

/** The open model, its input and its trace, without a toolkit: results are applied when the test drains the queue. */
class TraceViewModelTest {
    static final Path REFERENCE_LSTM = Path.of("src/test/resources/reference/charlm-lstm-1layer.json");
    final QueueApplier applier = new QueueApplier();
    final FakeDialogService dialogs = new FakeDialogService();
    final TraceViewModel trace = new TraceViewModel(applier, dialogs);

    @AfterEach
    void close() {
        trace.close();
    }

    void settle() throws InterruptedException {
        applier.until(() -> !trace.busyProperty().get());
    }

    void open(ModelSource s) throws InterruptedException {
        trace.open(s);
        applier.until(() -> trace.sourceProperty().get() == s && !trace.busyProperty().get());
    }

    @Test
    void opensAModelOnItsExampleWithTheLiveliestUnitSelected() throws Exception {
        open(new ModelSource.OnDisk(REFERENCE_LSTM));
        assertEquals("The forget gate (and the input gate) decide.", trace.inputTextProperty().get());
        assertEquals(44, trace.steps());
        assertEquals("step 1 of 44: 'T'", trace.stepLabelProperty().get());
        assertEquals("LSTM · 1 layer · 24 units · 37 characters · next-token readout", trace.modelSummaryProperty().get());
        Trace tr = trace.result().original();
        int u = trace.unitProperty().get();
        assertEquals(FirstUnit.liveliest(tr, 0), u);
        assertEquals("unit " + u + ": h = " + Num.f(tr.hidden(0, 0, u)) + ", C = " + Num.f(tr.cellState(0, 0, u)),
                trace.unitLabelProperty().get());
        assertEquals(new Selection(trace.result(), 0, 0, u, false), trace.selectionProperty().get());
    }

    @Test
    void unknownCharactersAreListedAndSkippedNotFatal() throws Exception {
        open(new ModelSource.OnDisk(REFERENCE_LSTM));
        trace.inputTextProperty().set("a zebra"); // the vocabulary has no 'z', 'b' or 'x'
        settle();
        assertEquals(List.of("a", " ", "e", "r", "a"), trace.result().input().tokens());
        assertEquals("2 characters are not in the vocabulary, skipped: 'z' (at 3), 'b' (at 5)",
                trace.unknownSummaryProperty().get());
    }

    @Test
    void theStepFollowsAShorterInput() throws Exception {
        open(DemoModels.entries().get(0));
        trace.inputTextProperty().set("abc");
        settle();
        trace.jumpTo(7);
        assertEquals(2, trace.stepProperty().get(), "a jump stays inside the input");
        assertEquals("step 3 of 3: 'c'", trace.stepLabelProperty().get());
        trace.inputTextProperty().set("ab");
        settle();
        assertEquals(1, trace.stepProperty().get());
    }

    @Test
    void theLatestInputWinsWhenRequestsPileUp() throws Exception {
        open(DemoModels.entries().get(1));
        List<String> texts = new ArrayList<>();
        for (int i = 1; i <= 30; i++) texts.add("the cat sat on the mat ".repeat(i));
        for (String s : texts) trace.inputTextProperty().set(s);
        settle();
        assertEquals(texts.get(29).length(), trace.steps());
    }

    @Test
    void aBadModelFileIsOneLineNamingItAndTheOpenModelStays(@TempDir Path dir) throws Exception {
        ModelSource lstm = new ModelSource.OnDisk(REFERENCE_LSTM);
        open(lstm);
        Path bad = dir.resolve("broken.json");
        Files.writeString(bad, "{\"format\": \"rnn-explorer-model\", \"cell\": \"lstm\", \"layers\": 1, \"inputSize\": 2,"
                + " \"hiddenSize\": 3, \"parameters\": {}}");
        trace.open(new ModelSource.OnDisk(bad));
        applier.until(() -> !dialogs.errors().isEmpty() && !trace.busyProperty().get());
        assertEquals(1, dialogs.errors().size());
        assertTrue(dialogs.errors().get(0).startsWith("Could not open the file: " + bad + ": "), dialogs.errors().get(0));
        assertFalse(dialogs.errors().get(0).contains("\n"));
        assertEquals(44, trace.steps(), "the open model stays");
        assertEquals(lstm, trace.sourceProperty().get());
    }

    @Test
    void theFirstUnitIsTheOneTheDescriptionNames() throws Exception {
        ModelSource named = new ModelSource.BuiltIn("LSTM", "Cell state unit 3 follows the bracket depth.", "(a)",
                CellType.LSTM, () -> DemoModels.build(CellType.LSTM, 6, 1, 2));
        open(named);
        assertEquals(3, trace.unitProperty().get());
        ModelSource unnamed = DemoModels.entries().get(0);
        open(unnamed);
        assertEquals(FirstUnit.liveliest(trace.result().original(), 0), trace.unitProperty().get());
    }

    @Test
    void aCsvSeriesFeedsANumericModelOneRowPerStep(@TempDir Path dir) throws Exception {
        RnnModel numeric = new RnnModel(CellType.GRU, 2, 3, List.of(LayerWeights.zeros(3, 2, 3)), null, null, null,
                null, null, null);
        open(new ModelSource.BuiltIn("numeric GRU", "", "0,0", CellType.GRU, () -> numeric));
        Path csv = dir.resolve("series.csv");
        Files.writeString(csv, "x,y\n0.5,1\n-1,2\n3,4\n");
        trace.openInput(csv);
        applier.until(() -> trace.steps() == 3 && !trace.busyProperty().get());
        assertEquals(-1.0, trace.result().original().layer(0).x[1].get(0, 0), 0.0);
        assertEquals("1 line is not rows of numbers, skipped: 'x,y' (at 1)", trace.unknownSummaryProperty().get());
        trace.openInput(dir.resolve("missing.csv"));
        applier.until(() -> !dialogs.errors().isEmpty());
        assertEquals(List.of("Could not open the file: " + dir.resolve("missing.csv") + ": no such file"), dialogs.errors());
    }
}
