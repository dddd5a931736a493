package org.rnnexplorer.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.rnnexplorer.data.Tokenizer;
import org.rnnexplorer.data.tasks.AddingTask;
import org.rnnexplorer.data.tasks.BracketsTask;
import org.rnnexplorer.data.tasks.CountingTask;
import org.rnnexplorer.data.tasks.RecallTask;
import org.rnnexplorer.data.tasks.SineTask;
import org.rnnexplorer.data.tasks.Task;
import org.rnnexplorer.data.tasks.TextTask;
import org.rnnexplorer.io.Escaped;
import org.rnnexplorer.io.TextFile;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * The built-in task a command trains on and the options of each task, shared by {@code train} and {@code race}. An
 * option that only another task reads is refused rather than ignored.
 */
final class TaskOptions {
    static final int MAX_LENGTH = 10_000;
    /** The largest training text read (50 MB). */
    static final long MAX_TEXT_BYTES = 50_000_000L;
    static final List<String> TASKS = List.of("recall", "adding", "counting", "sine", "brackets", "text");

    /** The options that only some tasks read. */
    private static final Map<String, List<String>> TASK_OPTIONS = Map.of(
            "--delay", List.of("recall"), "--fillers", List.of("recall"),
            "--length", List.of("adding", "sine", "brackets", "text"), "--mode", List.of("sine"),
            "--max-count", List.of("counting"), "--file", List.of("text"), "--tokenizer", List.of("text"));

    @Option(names = "--task", required = true, description = "recall, adding, counting, sine, brackets or text")
    String task;

    @Option(names = "--delay", defaultValue = "20", description = "recall: filler steps K (default: ${DEFAULT-VALUE})")
    int delay;

    @Option(names = "--fillers", defaultValue = "8", description = "recall: kinds of filler token (1 = always '.') (default: ${DEFAULT-VALUE})")
    int fillers;

    @Option(names = "--length", description = "adding/sine/brackets/text: steps per sequence (50/60/80/64)")
    Integer length;

    @Option(names = "--mode", defaultValue = "many-to-many",
            description = "sine: many-to-many, many-to-one or one-to-many (default: ${DEFAULT-VALUE})")
    String mode;

    @Option(names = "--max-count", defaultValue = "10", description = "counting: largest n (default: ${DEFAULT-VALUE})")
    int maxCount;

    @Option(names = "--file", description = "text: the text file to learn")
    Path file;

    @Option(names = "--tokenizer", defaultValue = "char", description = "text: char or word (default: ${DEFAULT-VALUE})")
    String tokenizer;

    /** The task the options name; every option given must be one that task reads. */
    Task make(CommandSpec spec) {
        ParseResult parsed = spec.commandLine().getParseResult();
        for (var e : TASK_OPTIONS.entrySet())
            if (parsed.hasMatchedOption(e.getKey()) && !e.getValue().contains(task) && TASKS.contains(task))
                throw new BadInputException(e.getKey() + " does not apply to --task " + task + " (it is for "
                        + String.join(", ", e.getValue()) + ")");
        if (length != null && (length < 1 || length > MAX_LENGTH))
            throw new BadInputException("--length must be 1.." + MAX_LENGTH + ", got " + length);
        return switch (task) {
            case "recall" -> {
                if (delay < 1 || delay > MAX_LENGTH) throw new BadInputException("--delay must be 1.." + MAX_LENGTH + ", got " + delay);
                yield new RecallTask(delay, fillers);
            }
            case "adding" -> new AddingTask(length != null ? length : 50);
            case "counting" -> {
                if (maxCount < 1 || maxCount > MAX_LENGTH) throw new BadInputException("--max-count must be 1.." + MAX_LENGTH + ", got " + maxCount);
                yield new CountingTask(maxCount);
            }
            case "sine" -> new SineTask(length != null ? length : 60, SineTask.Mode.named(mode));
            case "brackets" -> new BracketsTask(length != null ? length : 80);
            case "text" -> textTask();
            default -> throw new BadInputException("--task: unknown task '" + Escaped.text(task)
                    + "' (recall, adding, counting, sine, brackets or text)");
        };
    }

    private Task textTask() {
        if (file == null) throw new BadInputException("--task text needs --file FILE (the text to learn)");
        if (!tokenizer.equals("char") && !tokenizer.equals("word"))
            throw new BadInputException("--tokenizer: unknown tokenizer '" + Escaped.text(tokenizer) + "' (char or word)");
        String text = TextFile.read(file, MAX_TEXT_BYTES, "TaskOptions.MAX_TEXT_BYTES");
        return new TextTask(text, Tokenizer.named(tokenizer), length != null ? length : 64, file.getFileName().toString());
    }

    /** The task's own settings, resolved, for the model file's record of how it was trained. */
    Map<String, Object> settings(Task t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("task", t.describe());
        switch (t.name()) {
            case "recall" -> {
                m.put("delay", delay);
                m.put("fillers", fillers);
            }
            case "counting" -> m.put("maxCount", maxCount);
            case "sine" -> m.put("mode", mode);
            case "text" -> {
                m.put("file", file.getFileName().toString());
                m.put("tokenizer", tokenizer);
            }
            default -> { }
        }
        if (!t.name().equals("recall") && !t.name().equals("counting"))
            m.put("length", t.sample(new Random(0), 1).steps());
        return m;
    }

    /** The command line as typed after the program name, with arguments that need it quoted. */
    static String commandLine(CommandSpec spec) {
        StringBuilder line = new StringBuilder("rnn-explorer");
        for (String a : spec.commandLine().getParseResult().originalArgs())
            line.append(' ').append(a.isEmpty() || a.matches(".*[\\s\"'$\\\\].*") ? "'" + a.replace("'", "'\\''") + "'" : a);
        return line.toString();
    }
}
