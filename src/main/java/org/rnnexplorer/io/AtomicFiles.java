package org.rnnexplorer.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 *
 * <p>Temporary files are named {@code .NAME.rnnx-PID-HEX.tmp}: the target's name (cut so that the whole name fits
 * the file system's {@value #MAX_NAME_BYTES} bytes of UTF-8), the id of the process writing it and 16 random hex
 * digits. A process stopped by SIGTERM or Ctrl+C removes its temporary files on the way out (a shutdown hook); one
 * killed outright ({@code kill -9}, a power cut) cannot, so every write first removes the stale temporary files of
 * this naming in its folder: those whose process is gone, or whose process id now belongs to a process started after
 * the file was last written (the id was reused). A temporary file of another run still writing is left alone.
 */
public final class AtomicFiles {
    /** The longest file name, in UTF-8 bytes, that Linux, macOS and Windows file systems all take. */
    public static final int MAX_NAME_BYTES = 255;

    private static final Pattern TEMPORARY = Pattern.compile("\\..*\\.rnnx-(\\d{1,19})-[0-9a-f]{16}\\.tmp",
            Pattern.DOTALL);
    /** The clocks of the file system and of the process table may disagree by this much. */
    private static final Duration CLOCK_SLACK = Duration.ofSeconds(2);
    private static final Set<Path> IN_PROGRESS = new HashSet<>();
    private static boolean shuttingDown;
    private static boolean hookInstalled;

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
        refuseSpecialFile(target);
        removeStaleTemporaries(dir);
        Path temp = temporaryFor(target);
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
            if (!moved) deleteQuietly(temp);
            release(temp);
        }
    }

    /**
     * A new temporary file name beside {@code target} (not yet created), removed by the shutdown hook if this process
     * is stopped before {@link #release} is called for it. Refused once the process is shutting down.
     */
    public static Path temporaryFor(Path target) {
        Path dir = target.toAbsolutePath().getParent();
        String hex = String.format("%016x", ThreadLocalRandom.current().nextLong());
        Path temp = dir.resolve(temporaryName(String.valueOf(target.getFileName()), ProcessHandle.current().pid(), hex));
        synchronized (IN_PROGRESS) {
            if (shuttingDown) throw new BadFileException(target, "cannot write: Java is shutting down");
            if (!hookInstalled) {
                Runtime.getRuntime().addShutdownHook(new Thread(AtomicFiles::removeInProgress, "remove temporary files"));
                hookInstalled = true;
            }
            IN_PROGRESS.add(temp);
        }
        return temp;
    }

    /** {@code .NAME.rnnx-PID-HEX.tmp}, NAME cut (whole characters) so that the name has at most MAX_NAME_BYTES bytes. */
    static String temporaryName(String targetName, long pid, String hex) {
        String suffix = ".rnnx-" + pid + "-" + hex + ".tmp";
        int room = MAX_NAME_BYTES - 1 - suffix.length();
        int bytes = 0;
        int end = 0;
        while (end < targetName.length()) {
            int cp = targetName.codePointAt(end);
            int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + n > room) break;
            bytes += n;
            end += Character.charCount(cp);
        }
        return "." + targetName.substring(0, end) + suffix;
    }

    /**
     * Refuses to replace a device, a pipe or a socket ({@code --out /dev/null} as root would otherwise put a regular
     * file in place of the system's /dev/null).
     */
    static void refuseSpecialFile(Path target) {
        if (Files.exists(target) && !Files.isRegularFile(target) && !Files.isDirectory(target))
            throw new BadFileException(target, "cannot write: it is not a regular file (a device, a pipe or a socket),"
                    + " and writing would replace it; give a file name");
    }

    /** Says that {@code temp} was moved into place or removed: the shutdown hook no longer needs to remove it. */
    public static void release(Path temp) {
        synchronized (IN_PROGRESS) {
            IN_PROGRESS.remove(temp);
        }
    }

    private static void removeInProgress() {
        synchronized (IN_PROGRESS) {
            shuttingDown = true;
            for (Path p : IN_PROGRESS) deleteQuietly(p);
            IN_PROGRESS.clear();
        }
    }

    /**
     * Removes the temporary files of this class's naming in {@code dir} that no running process is writing (see the
     * class comment). Best effort: a file that cannot be removed stays. Returns how many were removed.
     */
    public static int removeStaleTemporaries(Path dir) {
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path f : files) {
                Matcher m = TEMPORARY.matcher(String.valueOf(f.getFileName()));
                if (m.matches() && isStale(f, Long.parseLong(m.group(1))) && deleteQuietly(f)) removed++;
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable folder: the write that follows reports it
        }
        return removed;
    }

    private static boolean isStale(Path file, long pid) throws IOException {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) return true;
        Optional<Instant> started = process.get().info().startInstant();
        Instant written = Files.getLastModifiedTime(file).toInstant();
        return started.isPresent() && written.plus(CLOCK_SLACK).isBefore(started.get());
    }

    private static boolean deleteQuietly(Path p) {
        try {
            return Files.deleteIfExists(p);
        } catch (IOException e) {
            return false; // the temporary file stays behind; nothing better to do
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
        try (StagedFiles staged = new StagedFiles()) {
            if (firstMade != null) {
                try {
                    Files.createDirectories(abs);
                    made = true;
                } catch (IOException e) {
                    throw new BadFileException(folder, "cannot make the folder (" + StagedFiles.reason(e) + ")", e);
                }
            }
            for (java.util.Map.Entry<String, Content> f : files.entrySet()) staged.stage(folder.resolve(f.getKey()), f.getValue());
            staged.commit();
        } catch (RuntimeException e) {
            if (made) for (Path p = abs; p != null && p.startsWith(firstMade); p = p.getParent()) deleteQuietly(p);
            throw e;
        }
    }
}
