package org.rnnexplorer.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Several files written together, all or none: {@link #stage} writes each to a temporary file beside its target
 * (named and cleaned up as {@link AtomicFiles} does), and {@link #commit} moves them all into place once every one is
 * on disk. If staging or a move fails, or the files are closed without a commit, the temporary files are removed, and
 * so are the targets this commit had newly made; files that were there before a failed stage stay as they were.
 */
public final class StagedFiles implements AutoCloseable {
    private final Map<Path, Path> staged = new LinkedHashMap<>(); // temporary file -> target
    private boolean committed;

    /** Writes {@code content} to a temporary file for {@code target}; its folder must exist. */
    public void stage(Path target, AtomicFiles.Content content) {
        Path dir = target.toAbsolutePath().getParent();
        if (Files.isDirectory(target)) throw new BadFileException(target, "cannot write: it is a folder");
        AtomicFiles.refuseSpecialFile(target);
        if (staged.isEmpty() || staged.keySet().stream().noneMatch(t -> t.getParent().equals(dir)))
            AtomicFiles.removeStaleTemporaries(dir);
        Path temp = AtomicFiles.temporaryFor(target);
        staged.put(temp, target);
        try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            content.writeTo(out);
        } catch (IOException e) {
            throw new BadFileException(target, "cannot write: " + reason(e), e);
        }
    }

    /** Moves every staged file over its target. */
    public void commit() {
        List<Path> made = new ArrayList<>();
        try {
            for (Map.Entry<Path, Path> s : staged.entrySet()) {
                boolean existed = Files.exists(s.getValue());
                try {
                    try {
                        Files.move(s.getKey(), s.getValue(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    } catch (AtomicMoveNotSupportedException e) {
                        Files.move(s.getKey(), s.getValue(), StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw new BadFileException(s.getValue(), "cannot write: " + reason(e), e);
                }
                AtomicFiles.release(s.getKey());
                if (!existed) made.add(s.getValue());
            }
            committed = true;
        } catch (RuntimeException e) {
            for (Path p : made) deleteQuietly(p);
            throw e;
        } finally {
            close();
        }
    }

    /** Removes the temporary files not moved into place. */
    @Override
    public void close() {
        for (Path temp : staged.keySet()) {
            if (!committed) deleteQuietly(temp);
            AtomicFiles.release(temp);
        }
        staged.clear();
    }

    /** What went wrong, in a few words. */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof FileAlreadyExistsException) return "a file of that name is in the way";
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null)
            return ((FileSystemException) e).getReason().toLowerCase(Locale.ROOT);
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
