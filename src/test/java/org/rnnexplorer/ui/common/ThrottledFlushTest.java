package org.rnnexplorer.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The UI gets one flush for many requests, at most so many a second, and none is lost. */
class ThrottledFlushTest {
    private final BlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
    private final AtomicInteger flushes = new AtomicInteger();

    @Test
    void requestsBeforeTheFlushRunsFoldIntoIt() {
        ThrottledFlush f = new ThrottledFlush(ui::add, 10, flushes::incrementAndGet);
        for (int i = 0; i < 100; i++) f.request();
        assertEquals(1, ui.size(), "the first request is handed to the UI at once, the others fold into it");
        ui.poll().run();
        assertEquals(1, flushes.get());
    }

    @Test
    void aRequestAfterAFlushStartedGetsAFlushOfItsOwnAtTheEndOfTheInterval() throws Exception {
        ThrottledFlush f = new ThrottledFlush(ui::add, 10, flushes::incrementAndGet);
        f.request();
        long t0 = System.nanoTime();
        ui.poll().run();
        f.request();
        f.request();
        Runnable later = ui.poll(60, TimeUnit.SECONDS); // a hang guard: it comes after about 0.1 s
        assertNotNull(later);
        assertTrue(System.nanoTime() - t0 >= 100_000_000L - 1_000_000L, "not before the interval is over");
        later.run();
        assertEquals(2, flushes.get());
        assertTrue(ui.isEmpty(), "the two requests made one flush");
    }

    @Test
    void nowFlushesOnTheCallingThread() {
        ThrottledFlush f = new ThrottledFlush(ui::add, 10, flushes::incrementAndGet);
        f.now();
        assertEquals(1, flushes.get());
        assertTrue(ui.isEmpty());
    }
}
