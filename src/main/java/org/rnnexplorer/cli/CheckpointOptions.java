package org.rnnexplorer.cli;

import java.nio.file.Path;
import org.rnnexplorer.io.pytorch.ImportOptions;
import org.rnnexplorer.io.pytorch.PartMap;
import picocli.CommandLine.Option;

/** The options {@code --vocab V --labels L --map ...} of the commands that read a PyTorch checkpoint. */
final class CheckpointOptions {
    @Option(names = "--vocab", paramLabel = "V",
            description = "the checkpoint's vocabulary in id order: a JSON list, a JSON object token->id, one token per line,"
                    + " or a checkpoint holding it (e.g. a torchtext Vocab)")
    Path vocabulary;

    @Option(names = "--labels", paramLabel = "L",
            description = "a classifier's class names in output order (same formats as --vocab)")
    Path labels;

    @Option(names = "--map", paramLabel = "PARTS",
            description = "where the parts are when the checkpoint does not settle it: rnn=PREFIX,embedding=NAME,head=NAME,"
                    + "vocab=PATH (embedding and head may be none)")
    String map;

    boolean given() {
        return vocabulary != null || labels != null || map != null;
    }

    ImportOptions toImportOptions() {
        return ImportOptions.of(vocabulary, labels, map == null ? PartMap.NONE : PartMap.parse(map));
    }
}
