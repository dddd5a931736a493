package org.rnnexplorer.ui.common;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * JavaFX for the tools that open the window themselves (the screenshots, the responsiveness benchmark): started off
 * screen with Monocle when there is no display and Monocle is on the class path, and jobs run on its thread.
 */
public final class FxTool {
    private FxTool() {
    }

    /**
     * Starts JavaFX, or finds it running, and waits until it runs: off screen on a {@code width} × {@code height}
     * screen when {@code DISPLAY} is not set. The user's preferences are neither read nor written, and closing the
     * last window does not stop JavaFX (the tool calls {@link Platform#exit()}).
     *
     * @throws UnsupportedOperationException with JavaFX's reason when it cannot start (no display, no Monocle)
     */
    public static void start(int width, int height) throws InterruptedException {
        if (System.getenv("DISPLAY") == null && monocleAvailable()) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("prism.text", "t2k");
            System.setProperty("headless.geometry", width + "x" + height + "-32");
        }
        System.setProperty("rnnexplorer.noPrefs", "true");
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        } catch (UnsupportedOperationException | Error e) {
            throw new UnsupportedOperationException(String.valueOf(e.getMessage()), e);
        }
        Platform.setImplicitExit(false);
        started.await();
    }

    /**
     * Runs {@code job} on the JavaFX thread and returns its result, waiting at most {@code seconds}; what the job
     * throws is thrown here as it was (a checked one wrapped).
     *
     * @throws IllegalStateException when the JavaFX thread does not answer in time
     */
    public static <T> T onFx(Supplier<T> job, long seconds) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(job.get());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        try {
            return f.get(seconds, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error r) throw r;
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the JavaFX thread did not answer within " + seconds + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the JavaFX thread", e);
        }
    }

    private static boolean monocleAvailable() {
        try {
            Class.forName("com.sun.glass.ui.monocle.MonoclePlatformFactory");
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
