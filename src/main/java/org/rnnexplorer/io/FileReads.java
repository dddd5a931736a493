package org.rnnexplorer.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** What every reader does before it parses a file: the checks, and their one-line messages naming the file. */
final class FileReads {
    private FileReads() {
    }

    /** A reader of a stream (not closed); {@code name} names it in messages. */
    @FunctionalInterface
    interface StreamReader<T> {
        T read(InputStream in, String name);
    }

    /**
     * {@code reader} applied to the bytes of {@code file}. Refused with a {@link BadFileException} naming the file:
     * a folder ("is a folder, not a model file"), a missing file, one that cannot be read, and one larger than
     * {@code maxBytes} ("is 2000 bytes; model files up to 1000 bytes are read (ModelFile.MAX_FILE_BYTES)").
     *
     * @param kind  what the file should be ("model", "session", "CSV", "text")
     * @param limit the constant that sets {@code maxBytes}, named in the message
     */
    static <T> T read(Path file, String kind, long maxBytes, String limit, StreamReader<T> reader) {
        String name = file.toString();
        if (Files.isDirectory(file)) throw new BadFileException(name, "is a folder, not a " + kind + " file");
        try (InputStream in = Files.newInputStream(file)) {
            long size = Files.size(file);
            if (size > maxBytes)
                throw new BadFileException(name, "is " + size + " bytes; " + kind + " files up to " + maxBytes
                        + " bytes are read (" + limit + ")");
            return reader.read(in, name);
        } catch (NoSuchFileException e) {
            throw new BadFileException(name, "no such file");
        } catch (AccessDeniedException e) {
            throw new BadFileException(name, "cannot read: permission denied");
        } catch (IOException e) {
            throw new BadFileException(name, "cannot read: " + e.getMessage());
        }
    }
}
