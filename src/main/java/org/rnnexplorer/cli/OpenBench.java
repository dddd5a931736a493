package org.rnnexplorer.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rnnexplorer.data.ExampleText;
import org.rnnexplorer.data.TextEncoding;
import org.rnnexplorer.io.BadFileException;
import org.rnnexplorer.io.pytorch.CheckpointImport;
import org.rnnexplorer.io.pytorch.ImportOptions;
import org.rnnexplorer.io.pytorch.ImportResult;
import org.rnnexplorer.model.ForwardPass;
import org.rnnexplorer.model.InputBatch;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.model.Trace;

/**
 * {@code bench --protocol open --checkpoint FILE}: the time from a checkpoint file to its model ready to show, the
 * work the window does off the JavaFX thread when a checkpoint is opened: read and import it (unzip or read the legacy
 * file, unpickle, find the parts, convert the weights, hash the file), choose its example input ({@link ExampleText})
 * and run the model over it once. Prints the first open in this (fresh) JVM, and the median of {@code reps} warm
 * ones; the first open's CPU time (every thread of the process: the JIT compiling the reader too) and the load
 * average of the machine are in the line, since wall times taken on a busy machine are not a quiet one's.
 */
final class OpenBench {
    private OpenBench() {
    }

    static String run(Path file, ImportOptions options, int warmup, int reps) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long c0 = os.getProcessCpuTime(), t0 = System.nanoTime();
        int steps = open(file, options).steps();
        double first = (System.nanoTime() - t0) / 1e6, firstCpu = (os.getProcessCpuTime() - c0) / 1e6;
        double ms = BenchCommand.medianMillis(() -> open(file, options), warmup, reps);
        long bytes;
        try {
            bytes = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return String.format(Locale.ROOT, "{\"protocol\": \"open\", \"engine\": \"rnn-explorer\", \"file\": \"%s\", "
                        + "\"bytes\": %d, \"steps\": %d, \"first_ms\": %.1f, \"first_cpu_ms\": %.1f, \"median_ms\": %.3f, "
                        + "\"load_average\": %.2f}",
                file.getFileName().toString().replace("\\", "\\\\").replace("\"", "\\\""), bytes, steps, first, firstCpu, ms,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** The model of {@code file} traced over its example, as the window opens it (a question is refused here). */
    static Trace open(Path file, ImportOptions options) {
        ImportResult r = CheckpointImport.readAsking(file, options);
        if (r instanceof ImportResult.NeedsVocabulary n) throw new BadFileException(file, n.message());
        if (r instanceof ImportResult.Ambiguous a) throw new BadFileException(file, a.message());
        RnnModel m = ((ImportResult.Imported) r).model();
        return ForwardPass.run(m, example(m));
    }

    /** The example as the window feeds it: tokens the vocabulary lacks skipped, numbers one row per line. */
    static InputBatch example(RnnModel m) {
        String text = ExampleText.of(m);
        if (!m.takesTokens()) {
            List<double[]> rows = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (line.isBlank()) continue;
                String[] cells = line.split(",");
                double[] row = new double[cells.length];
                for (int j = 0; j < cells.length; j++) row[j] = Double.parseDouble(cells[j].trim());
                rows.add(row);
            }
            return InputBatch.ofVectors(rows.toArray(new double[0][]));
        }
        TextEncoding enc = TextEncoding.of(m);
        List<String> known = enc.split(text).stream().filter(t -> enc.vocabulary().indexOf(t) >= 0).toList();
        return InputBatch.ofTokens(enc.encode(known));
    }
}
