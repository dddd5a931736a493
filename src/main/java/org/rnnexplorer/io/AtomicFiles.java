package org.rnnexplorer.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file whole or not at all: the content goes to a temporary file in the same folder, which then replaces
 * the target in one move. A failure (a full disk, an exception while producing the content) leaves the target as it
 * was and removes the temporary file.
 */
public final class AtomicFiles {

    /** Produces the content of a file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes a file at a path of its own (for writers that seek, such as a zip of STORED entries). */
    @FunctionalInterface
    public interface FileContent {
        void writeTo(Path temp) throws IOException;
    }

    /** Produces the content of a text file, written as UTF-8. */
    @FunctionalInterface
    public interface TextContent {
        void writeTo(Writer out) throws IOException;
    }

    /** Where the bytes go: the real file system, or in tests one that fails part way. */
    interface Disk {
        OutputStream create(Path temp) throws IOException;

        void move(Path temp, Path target) throws IOException;

        Disk REAL = new Disk() {
            @Override
            public OutputStream create(Path temp) throws IOException {
                return Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            }

            @Override
            public void move(Path temp, Path target) throws IOException {
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        };
    }

    private AtomicFiles() {
    }

    /**
     * Writes {@code target} from {@code content}. I/O problems become a {@link BadFileException} naming the target;
     * an unchecked exception thrown by {@code content} passes through (after the temporary file is removed).
     */
    public static void write(Path target, Content content) {
        write(target, content, Disk.REAL);
    }

    static void write(Path target, Content content, Disk disk) {
        writeVia(target, temp -> {
            try (OutputStream out = disk.create(temp)) {
                content.writeTo(out);
            }
        }, disk);
    }

    /**
     * Writes {@code target} by having {@code content} write a temporary file in the same folder (which does not
     * exist yet), then moving it into place; the same guarantees as {@link #write(Path, Content)}.
     */
    public static void writeFile(Path target, FileContent content) {
        writeVia(target, content, Disk.REAL);
    }

    private static void writeVia(Path target, FileContent content, Disk disk) {
        Path dir = target.toAbsolutePath().getParent();
        if (dir != null && Files.exists(dir) && !Files.isDirectory(dir))
            throw new BadFileException(target, "cannot write: " + dir.getFileName() + " is a file, not a folder");
        if (dir == null || !Files.isDirectory(dir)) throw new BadFileException(target, "cannot write: the folder does not exist");
        if (Files.isDirectory(target)) throw new BadFileException(target, "cannot write: it is a folder");
        Path temp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        boolean moved = false;
        try {
            content.writeTo(temp);
            disk.move(temp, target);
            moved = true;
        } catch (AccessDeniedException e) {
            throw new BadFileException(target, "cannot write: permission denied", e);
        } catch (NoSuchFileException e) {
            throw new BadFileException(target, "cannot write: the folder does not exist", e);
        } catch (FileSystemException e) {
            throw new BadFileException(target, "cannot write: " + (e.getReason() == null ? e.getClass().getSimpleName() : e.getReason()), e);
        } catch (IOException e) {
            throw new BadFileException(target, "cannot write: " + e.getMessage(), e);
        } finally {
            if (!moved) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the temporary file stays behind; nothing better to do
                }
            }
        }
    }

    /** Writes a UTF-8 text file from {@code content}. */
    public static void writeText(Path target, TextContent content) {
        writeText(target, content, Disk.REAL);
    }

    static void writeText(Path target, TextContent content, Disk disk) {
        write(target, out -> {
            Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
            content.writeTo(w);
            w.flush();
        }, disk);
    }

    /** Writes {@code text} to {@code target} as UTF-8. */
    public static void writeString(Path target, String text) {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
