package org.rnnexplorer.ui.race;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;
import org.rnnexplorer.analysis.Connectivity;
import org.rnnexplorer.analysis.PredictionTarget;
import org.rnnexplorer.data.tasks.Task;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.ForwardPass;
import org.rnnexplorer.model.InputBatch;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.model.Trace;
import org.rnnexplorer.train.Initializer;
import org.rnnexplorer.train.Preset;
import org.rnnexplorer.train.Trainer;
import org.rnnexplorer.train.TrainingResult;
import org.rnnexplorer.ui.common.EventBus;
import org.rnnexplorer.ui.common.QueueApplier;
import org.rnnexplorer.ui.explorer.trace.Opening;
import org.rnnexplorer.ui.explorer.trace.ModelSource;
import org.rnnexplorer.ui.explorer.trace.TraceResult;
import org.rnnexplorer.ui.training.TaskChoice;

/** The race tab's state without a toolkit: a short race's progress and result, Cancel, and the step-through. */
class RaceViewModelTest {
    final QueueApplier applier = new QueueApplier();
    final RaceViewModel vm = new RaceViewModel(applier);
    final TaskChoice quick = TaskChoice.all().get(0);

    @Test
    void aShortRaceDrawsThreeCurvesAndGivesTheModelsEachRunGivesAlone() throws Exception {
        vm.taskProperty().set(quick);
        vm.seedProperty().set(3);
        vm.batchesProperty().set(40);
        vm.start();
        assertTrue(vm.runningProperty().get());
        assertNull(vm.resultProperty().get());
        applier.until(() -> vm.resultProperty().get() != null);
        assertFalse(vm.runningProperty().get());
        assertEquals(1.0, vm.progressProperty().get());
        assertTrue(vm.statusProperty().get().startsWith("Done in "), vm.statusProperty().get());
        Task task = quick.task().get();
        Preset p = quick.preset();
        for (CellType c : RaceViewModel.CELLS) {
            XYSeries loss = vm.lossSeries(c), accuracy = vm.accuracySeries(c);
            assertTrue(loss.getItemCount() >= 10, c + " has a loss curve");
            assertEquals(40, loss.getMaxX(), c + " reached the last batch");
            assertEquals(loss.getItemCount(), accuracy.getItemCount());
            TrainingResult raced = vm.resultProperty().get().of(c);
            assertEquals(40, raced.steps());
            assertTrue(vm.cellStatusProperty(c).get().startsWith(RaceViewModel.name(c) + ": 40 batches"),
                    vm.cellStatusProperty(c).get());
            // the run alone, with the seed and batches the tab was given
            RnnModel start = Initializer.create(task.shape(), c, p.hidden(), 1, 0, p.forgetBias(), new Random(3));
            TrainingResult alone = new Trainer(task, p.config(3).withSteps(40)).train(start, e -> { });
            assertEquals(alone.loss(), raced.loss(), 0, c + ": the same run");
            assertArrayEquals(alone.model().layer(0).wHh.data, raced.model().layer(0).wHh.data, 0);
        }
    }

    @Test
    void cancelStopsAllThreeAndSaysSo() throws Exception {
        vm.taskProperty().set(quick);
        vm.batchesProperty().set(100_000);
        vm.start();
        applier.until(() -> vm.lossSeries(CellType.GRU).getItemCount() > 0);
        vm.cancel();
        applier.until(() -> vm.resultProperty().get() != null);
        assertTrue(vm.statusProperty().get().startsWith("Cancelled in "), vm.statusProperty().get());
        for (CellType c : RaceViewModel.CELLS) {
            assertEquals(TrainingResult.Status.CANCELLED, vm.resultProperty().get().of(c).status());
            assertTrue(vm.cellStatusProperty(c).get().endsWith("cancelled"), vm.cellStatusProperty(c).get());
        }
        assertTrue(vm.progressProperty().get() < 0.5);
    }

    @Test
    void theStepThroughShowsEachModelsOwnPredictionsAtOneSharedStepAndOpensAtThatStep() throws Exception {
        vm.taskProperty().set(quick);
        vm.batchesProperty().set(20);
        vm.start();
        applier.until(() -> vm.resultProperty().get() != null);
        EventBus events = new EventBus();
        List<RaceModelChosen> chosen = new ArrayList<>();
        events.subscribe(RaceModelChosen.class, chosen::add);
        try (RaceReplayViewModel replay = new RaceReplayViewModel(applier, events)) {
            replay.show(vm.resultProperty().get(), vm.racedTask(), vm.racedSeed());
            applier.until(() -> replay.replayProperty().get() != null);
            RaceReplay r = replay.replayProperty().get();
            assertEquals(6, r.steps(), "recall after 5 fillers: the symbol and 5 fillers");
            assertEquals(List.of("", "", "", "", ""), r.targets().subList(0, 5));
            String symbol = r.text().substring(0, 1);
            assertEquals(symbol, r.targets().get(5), "the answer is the first token");
            replay.stepProperty().set(99);
            assertEquals(5, replay.stepProperty().get(), "kept inside the input");
            assertTrue(replay.stepLabelProperty().get().startsWith("step 6 of 6: "));
            replay.previous();
            assertEquals(4, replay.stepProperty().get());
            for (CellType c : RaceViewModel.CELLS) {
                RnnModel m = vm.resultProperty().get().of(c).model();
                int[] ids = new int[6];
                for (int t = 0; t < 6; t++) ids[t] = m.vocabulary().indexOf(r.text().substring(t, t + 1));
                Trace alone = ForwardPass.run(m, InputBatch.ofTokens(ids));
                int best = 0;
                for (int k = 1; k < alone.outputSize(); k++) if (alone.probability(4, k) > alone.probability(4, best)) best = k;
                assertEquals(m.vocabulary().get(best), replay.predictedToken(c, 4), c + "'s own prediction");
                assertEquals(alone.top().h[4].data[2], replay.hidden(c, 4)[2], 0);
            }
            // hovering compares the cells: each row's connectivity of the hovered step, from its own model
            replay.hoveredProperty().set(5);
            applier.until(() -> replay.connectionsProperty().get() != null);
            for (CellType c : RaceViewModel.CELLS) {
                TraceResult tr = r.traces().get(c);
                Connectivity.Row expected = Connectivity.atStep(tr.model(), tr.input().batch(), 5,
                        PredictionTarget.PREDICTED_TOKEN);
                assertArrayEquals(expected.norms(), replay.connectionsProperty().get().get(c).norms(), 0, c.id());
            }
            replay.hoveredProperty().set(-1);
            assertNull(replay.connectionsProperty().get());

            replay.openInCellTab(CellType.LSTM);
            assertEquals(1, chosen.size());
            Opening o = chosen.get(0).opening().get();
            assertEquals(4, o.step());
            assertEquals(r.text(), o.text());
            assertTrue(o.source() instanceof ModelSource.Trained t && t.model() == vm.resultProperty().get()
                    .of(CellType.LSTM).model());
        }
    }
}
