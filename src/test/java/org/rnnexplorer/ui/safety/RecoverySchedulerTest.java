package org.rnnexplorer.ui.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnexplorer.io.RecoveryFile;
import org.rnnexplorer.ui.common.FakeDialogService;

/**
 * The recovery file over time, with a hand-turned ticker (no test waits 30 s): written every tick when the work
 * changed and only then, removed when nothing is unsaved and on a clean exit; and the offer at the next start.
 */
class RecoverySchedulerTest {
    static final long PID = 4242;
    @TempDir
    Path dir;
    final Clock clock = Clock.fixed(Instant.parse("2026-12-01T23:40:00Z"), ZoneOffset.UTC);
    final Part part = new Part("lessons");

    /** Work held as a string: null when nothing is unsaved. */
    static final class Part implements Recoverable {
        final String key;
        String work;
        final List<String> restored = new ArrayList<>();

        Part(String key) {
            this.key = key;
        }

        @Override public String key() { return key; }

        @Override
        public Supplier<String> capture() {
            String w = work; // taken on the UI thread, turned into JSON off it
            return w == null ? null : () -> "{\"text\":\"" + w + "\"}";
        }

        @Override
        public String describe(String json) {
            if (!json.contains("\"text\"")) throw new IllegalArgumentException("no text");
            return "an edited lesson";
        }

        @Override
        public void restore(String json) {
            restored.add(json);
        }
    }

    /** Runs what it is given at once, on the caller's thread. */
    static final class Direct extends AbstractExecutorService {
        boolean shut;
        @Override public void execute(Runnable r) { r.run(); }
        @Override public void shutdown() { shut = true; }
        @Override public List<Runnable> shutdownNow() { shut = true; return List.of(); }
        @Override public boolean isShutdown() { return shut; }
        @Override public boolean isTerminated() { return shut; }
        @Override public boolean awaitTermination(long t, TimeUnit u) { return true; }
    }

    /** A ticker turned by hand. */
    static final class HandTicker implements Ticker {
        Duration period;
        Runnable tick;
        boolean stopped;

        @Override
        public Runnable every(Duration p, Runnable t) {
            period = p;
            tick = t;
            return () -> stopped = true;
        }

        void turn() {
            if (!stopped) tick.run();
        }
    }

    RecoveryStore store(long pid) {
        return new RecoveryStore(dir, pid, clock);
    }

    @Test
    void theWorkIsWrittenAtATickWhenItChangedOnlyThenAndRemovedWhenSavedAndOnACleanExit() throws Exception {
        RecoveryStore s = store(PID);
        s.register(part);
        HandTicker ticker = new HandTicker();
        RecoveryScheduler scheduler = new RecoveryScheduler(s, Runnable::run, new Direct());
        scheduler.start(ticker, RecoveryScheduler.PERIOD);
        assertEquals(Duration.ofSeconds(30), ticker.period, "every 30 s");

        ticker.turn();
        assertFalse(Files.exists(s.file()), "nothing unsaved: no file");
        part.work = "draft 1";
        ticker.turn();
        RecoveryFile f = RecoveryFile.read(s.file());
        assertEquals(Map.of("lessons", "{\"text\":\"draft 1\"}"), f.parts());
        assertEquals(PID, f.pid());
        assertEquals(clock.instant(), f.savedAt());
        assertEquals(dir.resolve("recovery-4242.json"), s.file());
        ticker.turn();
        ticker.turn();
        assertEquals(1, s.writes(), "unchanged work is not written again");
        part.work = "draft 2";
        ticker.turn();
        assertEquals(2, s.writes());
        assertEquals("{\"text\":\"draft 2\"}", RecoveryFile.read(s.file()).parts().get("lessons"));

        part.work = null; // saved by the user
        scheduler.saveNow();
        assertFalse(Files.exists(s.file()), "saved work leaves the recovery file");

        part.work = "draft 3";
        ticker.turn();
        assertTrue(Files.exists(s.file()));
        scheduler.close();
        assertTrue(ticker.stopped, "the ticks stop on a clean exit");
        assertFalse(Files.exists(s.file()), "a clean exit removes the file");
        scheduler.saveNow();
        assertFalse(Files.exists(s.file()), "nothing is written after the exit");
    }

    @Test
    void aPartThatFailsToProduceItsJsonKeepsWhatWasWrittenOfItLast() throws Exception {
        RecoveryStore s = store(PID);
        s.register(part);
        Part other = new Part("training");
        s.register(other);
        part.work = "kept";
        other.work = "one";
        assertTrue(s.save(s.capture()));
        Map<String, Supplier<String>> captured = s.capture();
        captured.put("lessons", () -> {
            throw new IllegalStateException("half-edited");
        });
        other.work = "two";
        captured.put("training", other.capture());
        assertTrue(s.save(captured));
        assertEquals(Map.of("lessons", "{\"text\":\"kept\"}", "training", "{\"text\":\"two\"}"),
                RecoveryFile.read(s.file()).parts());
    }

    @Test
    void theFilesOfProcessesThatAreGoneAreLeftOverAndThoseOfLiveOnesAreNot() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        assertEquals(0, gone.waitFor());
        RecoveryStore dead = store(gone.pid()), live = store(ProcessHandle.current().pid());
        for (RecoveryStore s : List.of(dead, live)) {
            s.register(new Part("lessons"));
            ((Part) s.part("lessons")).work = "x";
            s.save(s.capture());
        }
        RecoveryStore next = store(PID);
        assertEquals(List.of(dead.file()), next.leftovers(), "this JVM is alive and started before its file");
        assertEquals(List.of(), dead.leftovers().stream().filter(p -> p.equals(dead.file())).toList(),
                "a process never offers its own file");
    }

    // --- the offer at the next start ---------------------------------------------------------------------------

    /** A left-over recovery file of a dead process with these parts. */
    Path leftover(Map<String, String> parts) throws Exception {
        Process gone = new ProcessBuilder("true").start();
        assertEquals(0, gone.waitFor());
        Path f = dir.resolve("recovery-" + gone.pid() + ".json");
        new RecoveryFile(clock.instant(), gone.pid(), parts).write(f);
        return f;
    }

    RecoveryStore offer(String answer, FakeDialogService dialogs, List<String> afterRestore) {
        RecoveryStore s = store(PID);
        s.register(part);
        dialogs.answer(answer);
        new RecoveryOffer(s, dialogs, Runnable::run, Runnable::run, () -> afterRestore.add("saved")).offer();
        return s;
    }

    @Test
    void restorePutsEveryPartBackAndTheFileBecomesThisRunsOwn() throws Exception {
        Path f = leftover(Map.of("lessons", "{\"text\":\"draft\"}", "notes", "{\"a\":1}"));
        FakeDialogService dialogs = new FakeDialogService();
        List<String> after = new ArrayList<>();
        RecoveryStore s = offer("Restore", dialogs, after);
        assertEquals(List.of(RecoveryOffer.HEADER), dialogs.questions());
        assertEquals(List.of("{\"text\":\"draft\"}"), part.restored);
        assertEquals(List.of("saved"), after, "the restored work is saved at once");
        assertFalse(Files.exists(f));
        assertTrue(Files.exists(s.file()), "kept as this run's file until the work is saved or the window closes");
        assertEquals(List.of(), dialogs.errors());
    }

    @Test
    void theQuestionSaysWhatWasNotSavedAndWhen() throws Exception {
        Map<String, String> parts = new java.util.LinkedHashMap<>();
        parts.put("lessons", "{\"text\":\"draft\"}");
        parts.put("notes", "{\"a\":1}");
        leftover(parts);
        FakeDialogService fake = new FakeDialogService();
        RecoveryStore s = store(PID);
        s.register(part);
        new RecoveryOffer(s, fake, Runnable::run, Runnable::run, () -> { }).offer();
        List<String> asked = fake.questionTexts();
        assertEquals(1, asked.size());
        String q = asked.get(0);
        assertTrue(q.startsWith("RNN Explorer did not close cleanly; at "), q);
        assertTrue(q.contains("this was not saved: an edited lesson; unsaved notes (this version cannot restore them)."), q);
        assertTrue(q.endsWith("Restore it? (Discard deletes it; Cancel keeps it for the next start.)"), q);
    }

    @Test
    void discardDeletesTheFileAndCancelKeepsItForTheNextStart() throws Exception {
        Path f = leftover(Map.of("lessons", "{\"text\":\"draft\"}"));
        offer(null, new FakeDialogService(), new ArrayList<>());
        assertTrue(Files.exists(f), "Cancel keeps it");
        assertEquals(List.of(), part.restored);
        offer("Discard", new FakeDialogService(), new ArrayList<>());
        assertFalse(Files.exists(f), "Discard deletes it");
        assertEquals(List.of(), part.restored);
    }

    @Test
    void aCorruptRecoveryFileIsOneLineNamingItAndIsSetAside() throws Exception {
        Path f = leftover(Map.of("lessons", "{\"text\":\"draft\"}"));
        Files.writeString(f, Files.readString(f).substring(0, 60));
        FakeDialogService dialogs = new FakeDialogService();
        offer("Restore", dialogs, new ArrayList<>());
        assertEquals(List.of(), dialogs.questions(), "nothing to offer");
        assertEquals(1, dialogs.errors().size());
        String e = dialogs.errors().get(0);
        assertTrue(e.startsWith(RecoveryOffer.UNREADABLE + ": " + f + ": "), e);
        assertTrue(e.endsWith("(set aside as " + f.getFileName() + ".bad)"), e);
        assertFalse(e.contains("\n"), e);
        assertFalse(Files.exists(f));
        assertTrue(Files.exists(f.resolveSibling(f.getFileName() + ".bad")));
    }

    @Test
    void aPartThatCannotBeRestoredIsNamedInOneLineAndTheOthersAreRestored() throws Exception {
        leftover(Map.of("lessons", "{\"text\":\"draft\"}", "training", "{\"broken\":true}"));
        RecoveryStore s = store(PID);
        s.register(part);
        s.register(new Recoverable() {
            @Override public String key() { return "training"; }
            @Override public Supplier<String> capture() { return null; }
            @Override public String describe(String json) { return "weights"; }
            @Override public void restore(String json) { throw new IllegalArgumentException("the part has no \"model\""); }
        });
        FakeDialogService dialogs = new FakeDialogService().answer("Restore");
        new RecoveryOffer(s, dialogs, Runnable::run, Runnable::run, () -> { }).offer();
        assertEquals(List.of("{\"text\":\"draft\"}"), part.restored);
        assertEquals(1, dialogs.errors().size());
        assertTrue(dialogs.errors().get(0).endsWith(": training: the part has no \"model\""), dialogs.errors().get(0));
    }
}
