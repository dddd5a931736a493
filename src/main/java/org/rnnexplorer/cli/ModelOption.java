package org.rnnexplorer.cli;

import java.nio.file.Path;
import org.rnnexplorer.io.BadFileException;
import org.rnnexplorer.io.ModelFile;
import org.rnnexplorer.io.pytorch.CheckpointImport;
import org.rnnexplorer.model.RnnModel;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A command's {@code --model}: a model file, or a PyTorch checkpoint read as {@code import} reads it, with the
 * checkpoint's options ({@code --vocab}, {@code --labels}, {@code --map}).
 */
final class ModelOption {
    @Option(names = "--model", required = true, paramLabel = "M.json",
            description = "the model file, or a PyTorch checkpoint (.pt/.pth) read as import reads it")
    Path file;

    @Mixin
    CheckpointOptions checkpoint;

    /** The model; the checkpoint options apply to a checkpoint only. */
    RnnModel read() {
        if (CheckpointImport.looksLikeCheckpoint(file)) return CheckpointImport.readModel(file, checkpoint.toImportOptions()).model();
        if (checkpoint.given())
            throw new BadFileException(file, "--vocab, --labels and --map apply to a PyTorch checkpoint; this is not one"
                    + " (a model file is read as it is)");
        return ModelFile.read(file);
    }
}
