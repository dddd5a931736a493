package org.rnnexplorer.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The drop rule: a job overtaken while queued never runs, and a result overtaken while running is not applied. */
class LatestWinsExecutorTest {
    final LinkedBlockingQueue<Runnable> applier = new LinkedBlockingQueue<>();
    final LatestWinsExecutor executor = new LatestWinsExecutor("test-worker", applier::add);
    final List<String> ran = new CopyOnWriteArrayList<>();
    final List<String> applied = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        executor.close();
    }

    /** Applies what the worker hands over, as it comes, until {@code n} things were applied. */
    void applyUntil(int n) throws InterruptedException {
        while (applied.size() < n) applyNext();
    }

    /** Waits for the next thing the worker hands over and applies it (the bound is a hang guard only). */
    void applyNext() throws InterruptedException {
        Runnable r = applier.poll(300, TimeUnit.SECONDS);
        assertNotNull(r, "the worker handed nothing over");
        r.run();
    }

    /** A job that waits for {@code go}, records that it ran and returns its name. */
    java.util.function.Supplier<String> job(String name, CountDownLatch go) {
        return () -> {
            try {
                assertTrue(go.await(120, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            ran.add(name);
            return name;
        };
    }

    @Test
    void onlyTheLatestOfRequestsMadeWhileOneRunsIsRunAndApplied() throws Exception {
        CountDownLatch started = new CountDownLatch(1), go = new CountDownLatch(1);
        executor.submit(() -> {
            started.countDown();
            return job("first", go).get();
        }, applied::add, e -> applied.add("error " + e));
        assertTrue(started.await(120, TimeUnit.SECONDS));
        executor.submit(job("second", go), applied::add, e -> applied.add("error " + e));
        executor.submit(job("third", go), applied::add, e -> applied.add("error " + e));
        go.countDown();
        applyUntil(1);
        CountDownLatch drained = new CountDownLatch(1);
        executor.submit(() -> "fourth", r -> drained.countDown(), e -> { });
        while (drained.getCount() > 0) applyNext();
        assertEquals(List.of("first", "third"), ran, "the first was running; the second was overtaken in the queue");
        assertEquals(List.of("third"), applied, "the first finished after newer requests: dropped");
    }

    @Test
    void anErrorOfAnOvertakenJobIsDroppedAndOneOfTheLatestIsReported() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        executor.<String>submit(() -> {
            job("failing", go).get();
            throw new IllegalArgumentException("old");
        }, applied::add, e -> applied.add("error " + e.getMessage()));
        executor.<String>submit(() -> {
            throw new IllegalArgumentException("new");
        }, applied::add, e -> applied.add("error " + e.getMessage()));
        go.countDown();
        applyUntil(1);
        assertEquals(List.of("error new"), applied);
    }

    @Test
    void cancelDropsTheResultOfTheJobRunningNow() throws Exception {
        CountDownLatch started = new CountDownLatch(1), go = new CountDownLatch(1);
        executor.submit(() -> {
            started.countDown();
            return job("cancelled", go).get();
        }, applied::add, e -> applied.add("error " + e));
        assertTrue(started.await(120, TimeUnit.SECONDS));
        executor.cancel();
        go.countDown();
        CountDownLatch next = new CountDownLatch(1);
        executor.submit(() -> "next", r -> {
            applied.add(r);
            next.countDown();
        }, e -> { });
        applyUntil(1);
        assertEquals(List.of("next"), applied);
        assertEquals(List.of("cancelled"), ran, "it ran to its end, but nothing of it was shown");
    }
}
