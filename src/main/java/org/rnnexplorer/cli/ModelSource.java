package org.rnnexplorer.cli;

import java.nio.file.Path;
import java.util.List;
import org.rnnexplorer.io.BadFileException;
import org.rnnexplorer.io.ModelFile;
import org.rnnexplorer.io.pytorch.CheckpointImport;
import org.rnnexplorer.io.pytorch.ImportResult;
import org.rnnexplorer.model.RnnModel;

/** The model a command's {@code --model} names: a model file, or a PyTorch checkpoint read as {@code import} reads it. */
final class ModelSource {
    private ModelSource() {
    }

    /** The model in {@code file}; {@code options} apply to a checkpoint only. */
    static RnnModel read(Path file, CheckpointOptions options) {
        return load(file, options).model();
    }

    /** The model and, for a checkpoint, what was found where (empty for a model file). */
    static ImportResult.Imported load(Path file, CheckpointOptions options) {
        if (CheckpointImport.looksLikeCheckpoint(file))
            return CheckpointImport.readModel(file, options == null ? org.rnnexplorer.io.pytorch.ImportOptions.NONE
                    : options.toImportOptions());
        if (options != null && options.given())
            throw new BadFileException(file, "--vocab, --labels and --map apply to a PyTorch checkpoint; this is not one"
                    + " (a model file is read as it is)");
        return new ImportResult.Imported(ModelFile.read(file), List.of());
    }
}
