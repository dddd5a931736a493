package org.rnnexplorer.ui.opening;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.rnnexplorer.io.SessionFile;
import org.rnnexplorer.io.pytorch.CheckpointImport;

/**
 * What a file the user opens is: a PyTorch checkpoint (named {@code .pt} or {@code .pth}, or starting as a zip archive
 * or a pickle does), a session (its
 * name ends in {@code .session.json}, or its first kilobyte names the session format), else a model file; a file
 * that is none of them is refused by the model-file reader in one line.
 */
enum FileKind {
    CHECKPOINT, SESSION, MODEL_FILE;

    /** Reads at most the file's first kilobyte (call off the JavaFX thread). */
    static FileKind of(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".pt") || name.endsWith(".pth") || CheckpointImport.looksLikeCheckpoint(file)) return CHECKPOINT;
        if (name.endsWith(".session.json")) return SESSION;
        try (InputStream in = Files.newInputStream(file)) {
            String head = new String(in.readNBytes(1024), StandardCharsets.UTF_8);
            if (head.contains("\"" + SessionFile.FORMAT + "\"")) return SESSION;
        } catch (IOException e) {
            // the model-file reader says what is wrong with it
        }
        return MODEL_FILE;
    }
}
