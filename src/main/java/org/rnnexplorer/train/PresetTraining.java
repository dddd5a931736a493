package org.rnnexplorer.train;

import java.util.Random;
import org.rnnexplorer.data.tasks.Task;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.RnnModel;

/**
 * A task's preset made ready to run: the freshly initialised model and the training settings, both from one seed.
 * What the {@code train} command does without options, for the app and the sweep:
 * <pre>
 * PresetTraining run = PresetTraining.of(new RecallTask(40, 8), CellType.LSTM, 1);
 * Trainer trainer = run.trainer();           // trainer.cancel() from any thread
 * TrainingResult r = trainer.train(run.start(), listener);
 * </pre>
 */
public record PresetTraining(Task task, RnnModel start, TrainingConfig config) {

    public static PresetTraining of(Task task, CellType cell, long seed) {
        Preset p = Preset.of(task.name());
        RnnModel start = Initializer.create(task.shape(), cell, p.hidden(), 1, 0, p.forgetBias(), new Random(seed));
        return new PresetTraining(task, start, p.config(seed));
    }

    /** The same, stopping as soon as a held-out check (every {@code every} steps) reaches the task's goal. */
    public PresetTraining untilSolved(int every) {
        return new PresetTraining(task, start, config.withEvaluation(every, true));
    }

    public Trainer trainer() {
        return new Trainer(task, config);
    }
}
