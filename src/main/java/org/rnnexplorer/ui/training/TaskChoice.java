package org.rnnexplorer.ui.training;

import java.util.List;
import java.util.function.Supplier;
import org.rnnexplorer.data.Tokenizer;
import org.rnnexplorer.data.tasks.AddingTask;
import org.rnnexplorer.data.tasks.BracketsTask;
import org.rnnexplorer.data.tasks.CountingTask;
import org.rnnexplorer.data.tasks.RecallTask;
import org.rnnexplorer.data.tasks.SineTask;
import org.rnnexplorer.data.tasks.Task;
import org.rnnexplorer.data.tasks.TextTask;
import org.rnnexplorer.train.Preset;
import org.rnnexplorer.ui.explorer.trace.ModelCatalog;

/**
 * A task the training pane offers, with the preset that trains it (the same settings as the {@code train} command).
 *
 * @param label what the list shows
 * @param task  makes the task (some read a bundled text)
 * @param preset hidden size, learning rate, steps, batch, initial keep-gate bias
 */
public record TaskChoice(String label, Supplier<Task> task, Preset preset) {

    /** The tasks of the {@code train} command, the quick recall first (it trains in seconds). */
    public static List<TaskChoice> all() {
        Preset recall = Preset.of("recall");
        return List.of(
                new TaskChoice("Recall a symbol after 5 steps (quick)", () -> new RecallTask(5, 8),
                        new Preset(16, recall.learningRate(), 300, recall.batch(), recall.forgetBias())),
                new TaskChoice("Recall a symbol after 20 steps", () -> new RecallTask(20, 8), recall),
                new TaskChoice("Recall a symbol after 40 steps (RNN fails)", () -> new RecallTask(40, 8), recall),
                new TaskChoice("Adding problem, T = 50", () -> new AddingTask(50), Preset.of("adding")),
                new TaskChoice("Counting up to 10", () -> new CountingTask(10), Preset.of("counting")),
                new TaskChoice("Brackets and quotes (characters)", () -> new BracketsTask(80), Preset.of("brackets")),
                new TaskChoice("Sine wave (next value)", () -> new SineTask(60), Preset.of("sine")),
                new TaskChoice("Text: the bundled bracket text (characters)",
                        () -> new TextTask(ModelCatalog.bundledText("brackets.txt"), Tokenizer.named("char"), 80,
                                "brackets.txt"), Preset.of("text")));
    }

    @Override
    public String toString() {
        return label;
    }
}
