package org.rnnexplorer.ui.explorer.trace;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.rnnexplorer.io.ModelFile;
import org.rnnexplorer.io.SessionFile;
import org.rnnexplorer.io.pytorch.CheckpointImport;
import org.rnnexplorer.io.pytorch.ImportOptions;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.RnnModel;

/**
 * Where the open model comes from: a model shipped with the app, a model file on disk, a PyTorch checkpoint, a demo
 * built in code, one trained in the app, or the model kept in a session file. The window titles it, opens it on its example, and a
 * session names a bundled one by its path.
 */
public sealed interface ModelSource {

    /** The menu text and window title, e.g. "LSTM — brackets". */
    String title();

    /** One or two sentences for the status line. */
    String description();

    /** The input to open it with, or null for the model's own (see {@link ModelCatalog#exampleFor}). */
    default String example() {
        return null;
    }

    /** Reads or builds the model (off the JavaFX thread; a bad file throws a one-line exception). */
    RnnModel load();

    /**
     * A model in {@code resources/models} (on the class path under {@code /bundled/models/}).
     *
     * @param file the file name in the index, e.g. {@code brackets-lstm.json}
     * @param cell the cell the index says it has (null when it does not say)
     */
    record Bundled(String file, String title, String description, String example, CellType cell) implements ModelSource {
        /** Its path as a session file names it: {@code models/brackets-lstm.json}. */
        public String path() {
            return "models/" + file;
        }

        @Override
        public RnnModel load() {
            return ModelCatalog.readBundled(file);
        }
    }

    /** A model file opened from disk; it joins the recent files once it loads. */
    record OnDisk(Path file) implements ModelSource {
        @Override
        public String title() {
            return file.getFileName().toString();
        }

        @Override
        public String description() {
            return "opened from " + file;
        }

        @Override
        public RnnModel load() {
            return ModelFile.read(file);
        }
    }

    /**
     * A PyTorch checkpoint ({@code .pt}, {@code .pth}) read as {@code import} reads it, with what the user added when
     * the window asked (a vocabulary, class names, which candidate is a part); it joins the recent files once it loads.
     *
     * @param found what the import found where, one line each ({@code rnn: lstm (LSTM, 2 layers, ...)}); empty
     *              before it is read
     */
    record Checkpoint(Path file, ImportOptions options, List<String> found) implements ModelSource {
        private static final List<String> PARTS = List.of("rnn: ", "embedding: ", "head: ", "vocabulary: ", "labels: ");

        public Checkpoint {
            options = options == null ? ImportOptions.NONE : options;
            found = List.copyOf(found);
        }

        public Checkpoint(Path file, ImportOptions options) {
            this(file, options, List.of());
        }

        @Override
        public String title() {
            return file.getFileName().toString();
        }

        /** "PyTorch checkpoint /path/x.pt — rnn: lstm (LSTM, 2 layers, input 4, hidden 5); vocabulary: 11 tokens ...". */
        @Override
        public String description() {
            List<String> parts = found.stream().filter(l -> PARTS.stream().anyMatch(l::startsWith)).toList();
            return "PyTorch checkpoint " + file + (parts.isEmpty() ? "" : " — " + String.join("; ", parts));
        }

        @Override
        public RnnModel load() {
            return CheckpointImport.readModel(file, options).model();
        }
    }

    /** A demo model built in code (untrained, seeded). */
    record BuiltIn(String title, String description, String example, CellType cell, Supplier<RnnModel> build)
            implements ModelSource {
        @Override
        public RnnModel load() {
            return build.get();
        }
    }

    /** A model the Training tab handed over: its weights are in no file until they are saved. */
    record Trained(RnnModel model) implements ModelSource {
        @Override
        public String title() {
            return "trained in the app (" + model.cell().id().toUpperCase() + ")";
        }

        @Override
        public String description() {
            return "a model trained in this session";
        }

        @Override
        public RnnModel load() {
            return model;
        }
    }

    /** The model a session file keeps whole (not a bundled one). */
    record InSession(Path file) implements ModelSource {
        @Override
        public String title() {
            return "model of " + file.getFileName();
        }

        @Override
        public String description() {
            return "the model saved in " + file;
        }

        @Override
        public RnnModel load() {
            return SessionFile.read(file).model();
        }
    }

    /** The model a lesson's slide keeps whole (not a bundled one). */
    record InLesson(String lesson, RnnModel model) implements ModelSource {
        @Override
        public String title() {
            return "model of the lesson " + lesson;
        }

        @Override
        public String description() {
            return "the model saved in the lesson " + lesson;
        }

        @Override
        public RnnModel load() {
            return model;
        }
    }
}
