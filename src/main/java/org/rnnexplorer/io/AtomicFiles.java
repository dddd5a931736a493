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
        Path dir = target.toAbsolutePath().getParent();
        if (dir != null && Files.exists(dir) && !Files.isDirectory(dir))
            throw new BadFileException(target, "cannot write: " + dir.getFileName() + " is a file, not a folder");
        if (dir == null || !Files.isDirectory(dir)) throw new BadFileException(target, "cannot write: the folder does not exist");
        if (Files.isDirectory(target)) throw new BadFileException(target, "cannot write: it is a folder");
        Path temp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        boolean moved = false;
        try {
            try (OutputStream out = disk.create(temp)) {
                content.writeTo(out);
            }
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

    /**
     * Writes every file into {@code folder} or none: each one is produced and written to a temporary file in the
     * folder in turn (one content in memory at a time), and only when all are on disk are they moved over their
     * targets. A failure removes the temporary files, the files this call had already moved into place that were not
     * there before, and the folder if this call made it; files already there stay as they were. I/O problems become a
     * {@link BadFileException} naming the file; an unchecked exception from a content passes through the same way.
     *
     * @param files file names (in {@code folder}) and their contents, written in this order
     */
    public static void writeAll(Path folder, java.util.Map<String, Content> files) {
        Path abs = folder.toAbsolutePath();
        for (String name : files.keySet())
            if (Files.isDirectory(abs.resolve(name))) throw new BadFileException(folder.resolve(name), "cannot write: it is a folder");
        Path firstMade = null; // the topmost folder this call makes
        for (Path p = abs; p != null && !Files.exists(p); p = p.getParent()) firstMade = p;
        boolean made = false;
        java.util.Map<Path, Path> staged = new java.util.LinkedHashMap<>(); // temporary file -> target
        java.util.List<Path> moved = new java.util.ArrayList<>();
        try {
            if (firstMade != null) {
                try {
                    Files.createDirectories(abs);
                    made = true;
                } catch (IOException e) {
                    throw new BadFileException(folder, "cannot make the folder (" + reason(e) + ")", e);
                }
            }
            for (java.util.Map.Entry<String, Content> f : files.entrySet()) {
                Path target = folder.resolve(f.getKey());
                Path temp = abs.resolve("." + f.getKey() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
                staged.put(temp, target);
                try (OutputStream out = Disk.REAL.create(temp)) {
                    f.getValue().writeTo(out);
                } catch (IOException e) {
                    throw new BadFileException(target, "cannot write: " + reason(e), e);
                }
            }
            for (java.util.Map.Entry<Path, Path> s : staged.entrySet()) {
                boolean existed = Files.exists(s.getValue());
                try {
                    Disk.REAL.move(s.getKey(), s.getValue());
                } catch (IOException e) {
                    throw new BadFileException(s.getValue(), "cannot write: " + reason(e), e);
                }
                if (!existed) moved.add(s.getValue());
            }
        } catch (RuntimeException e) {
            for (Path p : staged.keySet()) deleteQuietly(p);
            for (Path p : moved) deleteQuietly(p);
            if (made) for (Path p = abs; p != null && p.startsWith(firstMade); p = p.getParent()) deleteQuietly(p);
            throw e;
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.file.FileAlreadyExistsException) return "a file of that name is in the way";
        if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason().toLowerCase(java.util.Locale.ROOT);
        return e.getMessage() == null ? "an I/O error" : e.getMessage();
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: the error being reported matters more
        }
    }
}
