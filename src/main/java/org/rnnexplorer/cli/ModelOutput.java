package org.rnnexplorer.cli;

import java.nio.file.Path;
import org.rnnexplorer.io.ModelFile;
import org.rnnexplorer.model.RnnModel;

/** Writes a trained model (through the io package's model file, atomically). */
final class ModelOutput {
    private ModelOutput() {
    }

    static void write(RnnModel model, Path out) {
        ModelFile.write(model, out);
    }
}
