package org.rnnexplorer.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rnnexplorer.io.ModelFile;
import org.rnnexplorer.io.pytorch.CheckpointImport;
import org.rnnexplorer.io.pytorch.ImportResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code import CHECKPOINT [--vocab V] [--labels L] [--map ...] --out M.json}: reads a PyTorch checkpoint (nothing
 * in it runs) and writes it as a model file, with where each part was found; prints the same on stdout.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Read a PyTorch checkpoint (.pt/.pth: a state_dict, a training checkpoint or a pickled module) as a model file.")
public final class ImportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CHECKPOINT", description = "the .pt/.pth file")
    Path checkpoint;

    @Mixin
    CheckpointOptions options;

    @Option(names = "--out", required = true, paramLabel = "M.json", description = "the model file to write")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        OutputCheck.writable(out);
        ImportResult.Imported imported = CheckpointImport.readModel(checkpoint, options.toImportOptions());
        ModelFile.write(imported.model(), out);
        for (String line : imported.found()) spec.commandLine().getOut().println(line);
        spec.commandLine().getOut().println("wrote " + out);
        return 0;
    }
}
