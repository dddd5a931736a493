package org.rnnexplorer.cli;

import java.nio.file.Path;
import org.rnnexplorer.io.BadFileException;
import org.rnnexplorer.io.ModelFile;
import org.rnnexplorer.io.pytorch.CheckpointImport;
import org.rnnexplorer.model.RnnModel;

/** The model a command's {@code --model} names: a model file, or a PyTorch checkpoint read as {@code import} reads it. */
final class ModelSource {
    private ModelSource() {
    }

    /** The model in {@code file}; {@code options} ({@code --vocab}, {@code --labels}, {@code --map}) apply to a checkpoint only. */
    static RnnModel read(Path file, CheckpointOptions options) {
        if (CheckpointImport.looksLikeCheckpoint(file)) return CheckpointImport.readModel(file, options.toImportOptions()).model();
        if (options.given())
            throw new BadFileException(file, "--vocab, --labels and --map apply to a PyTorch checkpoint; this is not one"
                    + " (a model file is read as it is)");
        return ModelFile.read(file);
    }
}
