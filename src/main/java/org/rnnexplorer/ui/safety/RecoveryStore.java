package org.rnnexplorer.ui.safety;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rnnexplorer.io.RecoveryFile;

/**
 * The window's unsaved work on disk: the parts ({@link Recoverable}) registered with it, and its recovery file
 * {@code recovery-PID.json} in the {@link StateFolder} (one per running window process, so two windows never write
 * over each other's work). {@link #capture} takes every part's work on the JavaFX thread; {@link #save} turns it into
 * the file off that thread: written (atomically) when it differs from what was written last, removed when nothing is
 * unsaved any more. {@link #leftovers} finds the files of processes that are gone, which the next start offers.
 */
public final class RecoveryStore {
    private static final Pattern FILE = Pattern.compile("recovery-(\\d{1,19})\\.json");
    private final Path folder;
    private final long pid;
    private final Clock clock;
    private final List<Recoverable> parts = new CopyOnWriteArrayList<>();
    private final List<Consumer<RecoveryFile>> beforeWrite = new CopyOnWriteArrayList<>();
    private final List<Consumer<RecoveryFile>> afterWrite = new CopyOnWriteArrayList<>();
    private Map<String, String> written = Map.of();
    private int writes;

    /** The store of this process in {@code folder}. */
    public RecoveryStore(Path folder) {
        this(folder, ProcessHandle.current().pid(), Clock.systemUTC());
    }

    RecoveryStore(Path folder, long pid, Clock clock) {
        this.folder = folder;
        this.pid = pid;
        this.clock = clock;
    }

    /** Adds a kind of unsaved work (the lessons, say); its key must be new. */
    public void register(Recoverable part) {
        if (!RecoveryFile.KEY.matcher(part.key()).matches())
            throw new IllegalArgumentException("recovery key '" + part.key() + "' is not " + RecoveryFile.KEY.pattern());
        if (part(part.key()) != null) throw new IllegalArgumentException("recovery key " + part.key() + " is taken");
        parts.add(part);
    }

    /** The part registered under {@code key}, or null. */
    public Recoverable part(String key) {
        for (Recoverable p : parts) if (p.key().equals(key)) return p;
        return null;
    }

    /** Runs {@code hook} on the writer thread with each recovery about to be written (the crash test records it). */
    public void beforeWrite(Consumer<RecoveryFile> hook) {
        beforeWrite.add(hook);
    }

    /** Runs {@code hook} on the writer thread with each recovery once it is in its file. */
    public void afterWrite(Consumer<RecoveryFile> hook) {
        afterWrite.add(hook);
    }

    /** On the JavaFX thread: every part's unsaved work now, as producers of JSON, by key (empty: nothing unsaved). */
    public Map<String, Supplier<String>> capture() {
        Map<String, Supplier<String>> out = new LinkedHashMap<>();
        for (Recoverable p : parts) {
            Supplier<String> work = p.capture();
            if (work != null) out.put(p.key(), work);
        }
        return out;
    }

    /**
     * Off the JavaFX thread: writes what {@code captured} produces when it differs from the last write, and removes
     * the file when nothing is unsaved. A part that fails to produce its JSON keeps what was written of it last.
     *
     * @return whether the file was written or removed
     */
    public synchronized boolean save(Map<String, Supplier<String>> captured) {
        Map<String, String> now = new LinkedHashMap<>();
        for (Map.Entry<String, Supplier<String>> e : captured.entrySet()) {
            String json;
            try {
                json = e.getValue().get();
            } catch (RuntimeException failed) {
                json = written.get(e.getKey());
            }
            if (json != null) now.put(e.getKey(), json);
        }
        if (now.equals(written)) return false;
        if (now.isEmpty()) {
            remove();
            return true;
        }
        RecoveryFile f = new RecoveryFile(Instant.now(clock), pid, now);
        for (Consumer<RecoveryFile> hook : beforeWrite) hook.accept(f);
        f.write(file());
        written = now;
        writes++;
        for (Consumer<RecoveryFile> hook : afterWrite) hook.accept(f);
        return true;
    }

    /** Removes this process's recovery file (a clean exit, or everything saved). */
    public synchronized void remove() {
        try {
            Files.deleteIfExists(file());
        } catch (IOException ignored) {
            // a file that cannot be removed is offered at the next start, where Discard removes it
        }
        written = Map.of();
    }

    /**
     * Makes the left-over {@code file} (just restored from) this process's own: it is moved in place of this
     * process's file and counts as the last write, so the next save replaces it or, with nothing unsaved, removes it.
     */
    public synchronized void adopt(Path file, RecoveryFile read) {
        try {
            Files.move(file, file(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            written = new LinkedHashMap<>(read.parts());
        } catch (IOException e) {
            // left where it is: offered again at the next start, which is better than lost
        }
    }

    /** This process's recovery file. */
    public Path file() {
        return folder.resolve("recovery-" + pid + ".json");
    }

    public Path folder() {
        return folder;
    }

    /** How many times the file was written (for tests: "not rewritten when nothing changed"). */
    public synchronized int writes() {
        return writes;
    }

    /**
     * The recovery files in the folder left by processes that are gone, newest first. A file whose process id is in
     * use again by a process started after the file was written is left over too.
     */
    public List<Path> leftovers() {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(folder)) return out;
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(folder, "recovery-*.json")) {
            for (Path p : dir) {
                Matcher m = FILE.matcher(p.getFileName().toString());
                if (!m.matches() || !Files.isRegularFile(p)) continue;
                long owner;
                try {
                    owner = Long.parseLong(m.group(1));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (owner != pid && !alive(owner, p)) out.add(p);
            }
        } catch (IOException e) {
            return out;
        }
        out.sort(Comparator.comparing(RecoveryStore::modified).reversed());
        return out;
    }

    private static boolean alive(long owner, Path file) {
        Optional<ProcessHandle> h = ProcessHandle.of(owner);
        if (h.isEmpty() || !h.get().isAlive()) return false;
        Optional<Instant> started = h.get().info().startInstant();
        return started.isEmpty() || !started.get().isAfter(modified(file));
    }

    private static Instant modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }
}
