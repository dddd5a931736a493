package org.rnnexplorer.ui.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rnnexplorer.analysis.Progress;
import org.rnnexplorer.analysis.Sampling;
import org.rnnexplorer.analysis.SeriesContinuation;
import org.rnnexplorer.analysis.TextGenerator;
import org.rnnexplorer.data.tasks.TaskShape;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.train.Initializer;
import org.rnnexplorer.ui.common.FakeDialogService;
import org.rnnexplorer.ui.common.QueueApplier;
import org.rnnexplorer.ui.explorer.trace.ModelSource;
import org.rnnexplorer.ui.explorer.trace.TraceViewModel;

/** The Generate panel's state without a toolkit: seeded text after the input, a series continued alone, Append. */
class GenerateViewModelTest {
    static final Path REFERENCE_LSTM = Path.of("src/test/resources/reference/charlm-lstm-1layer.json");
    final QueueApplier applier = new QueueApplier();
    final TraceViewModel trace = new TraceViewModel(applier, new FakeDialogService());
    final GenerateViewModel vm = new GenerateViewModel(trace, applier);

    @AfterEach
    void close() {
        vm.close();
        trace.close();
    }

    void open(ModelSource s) throws InterruptedException {
        trace.open(s);
        applier.until(() -> trace.sourceProperty().get() == s && !trace.busyProperty().get());
    }

    @Test
    void writesSeededTextAfterTheInputAndAppendsIt() throws Exception {
        open(new ModelSource.OnDisk(REFERENCE_LSTM));
        assertEquals(GenerateViewModel.Kind.TEXT, vm.kindProperty().get());
        String prompt = trace.inputTextProperty().get();
        int before = trace.steps();
        vm.lengthProperty().set(50);
        vm.seedProperty().set(7);
        vm.generate();
        applier.until(() -> vm.generatedProperty().get() != null);
        String written = vm.generatedProperty().get().appended();
        assertEquals(50, written.length());

        // the same as a generator primed on the prompt, with the same sampling and seed
        RnnModel m = trace.modelProperty().get();
        TextGenerator g = new TextGenerator(m);
        g.prime(trace.result().input().ids());
        int[] ids = g.generate(50, new Sampling(0.8, 5), new Random(7), Progress.NONE, () -> false).tokens();
        StringBuilder expected = new StringBuilder();
        for (int id : ids) expected.append(m.vocabulary().get(id));
        assertEquals(expected.toString(), written);

        vm.append();
        assertEquals(prompt + written, trace.inputTextProperty().get());
        applier.until(() -> !trace.busyProperty().get() && trace.steps() == before + 50
                && trace.stepProperty().get() == before);
        assertEquals(before, vm.writtenFromProperty().get(), "the first step the model wrote");
        assertNull(vm.generatedProperty().get(), "appended once");
        trace.inputTextProperty().set("The");
        assertEquals(-1, vm.writtenFromProperty().get(), "an edit forgets which part the model wrote");
    }

    @Test
    void aSeriesModelContinuesTheSeriesAlone() throws Exception {
        RnnModel m = Initializer.create(TaskShape.numbers(1, 1), CellType.GRU, 8, 1, 0, 1.0, new Random(2));
        open(new ModelSource.Trained(m));
        assertEquals(GenerateViewModel.Kind.SERIES, vm.kindProperty().get());
        int given = trace.steps();
        double[][] rows = trace.result().input().vectors();
        vm.lengthProperty().set(12);
        vm.generate();
        applier.until(() -> vm.generatedProperty().get() != null);
        GenerateViewModel.Generated g = vm.generatedProperty().get();
        assertEquals(given, g.given().length);
        SeriesContinuation alone = new SeriesContinuation(m);
        alone.prime(rows);
        double[][] expected = alone.continueAlone(12, Progress.NONE, () -> false);
        for (int i = 0; i < 12; i++) assertEquals(expected[i][0], g.continued()[i], 1e-12);
        vm.append();
        applier.until(() -> !trace.busyProperty().get() && trace.steps() == given + 12);
        assertEquals(given, vm.writtenFromProperty().get());
        assertEquals(given, trace.stepProperty().get(), "the first value the model wrote is shown");
        assertEquals(expected[0][0], trace.result().input().vectors()[given][0], 0);
        assertTrue(trace.result().input().unknowns().isEmpty());
    }
}
