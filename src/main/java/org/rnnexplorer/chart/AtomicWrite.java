package org.rnnexplorer.chart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file whole or not at all: the bytes go to a temporary file in the same folder, which is then moved over
 * the target. A failure leaves no temporary file behind and is reported in one line naming the file.
 */
final class AtomicWrite {
    private AtomicWrite() {
    }

    static void write(Path target, byte[] bytes) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Path tmp = null;
        try {
            if (dir != null && !Files.isDirectory(dir))
                throw new UncheckedIOException(target + ": the folder " + dir + " does not exist", new NoSuchFileException(dir.toString()));
            // not Files.createTempFile: its owner-only permissions would stay on the moved file
            tmp = dir.resolve("." + abs.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
            Files.write(tmp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (AccessDeniedException e) {
            throw new UncheckedIOException(target + ": cannot write here (permission denied)", e);
        } catch (IOException e) {
            throw new UncheckedIOException(target + ": cannot write (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the original error is the one to report
                }
            }
        }
    }
}
