package org.rnnexplorer.model;

/**
 * The hand-off between the two stages of a pipeline over chunks of a sequence, with two buffers: chunk i goes in
 * buffer i % 2; the first stage fills chunk i once the second has finished chunk i − 2 (its buffer is free), the
 * second takes chunk i once the first has filled it. So the stages work side by side, each on its own buffer, and
 * neither ever waits more than one chunk ahead. A monitor, used once per chunk (a chunk is hundreds of steps), so it
 * costs nothing next to the steps and allocates nothing.
 */
final class ChunkHandoff {
    private int produced;
    private int consumed;
    private boolean producerDone;
    private boolean stopped;
    private Throwable failure;

    /** First stage: waits until buffer i % 2 is free. False when the pipeline was stopped (leave). */
    synchronized boolean awaitFree(int i) throws InterruptedException {
        while (!stopped && consumed < i - 1) wait();
        return !stopped;
    }

    /** First stage: chunks 0..count−1 are filled. */
    synchronized void produced(int count) {
        produced = count;
        notifyAll();
    }

    /** First stage: it will fill no more chunks, having failed with {@code failure} (null if it did not). */
    synchronized void producerDone(Throwable failure) {
        producerDone = true;
        this.failure = failure;
        notifyAll();
    }

    /** Second stage: waits until chunk i is filled. False when it never will be (the first stage ended first). */
    synchronized boolean awaitProduced(int i) throws InterruptedException {
        while (produced <= i && !producerDone) wait();
        return produced > i;
    }

    /** Second stage: chunks 0..count−1 are done with; their buffers may be filled again. */
    synchronized void consumed(int count) {
        consumed = count;
        notifyAll();
    }

    /** Tells the first stage to fill no more chunks. */
    synchronized void stop() {
        stopped = true;
        notifyAll();
    }

    /** What the first stage failed with, or null. */
    synchronized Throwable failure() {
        return failure;
    }

    /**
     * Runs {@code first} on a daemon thread of its own and {@code second} on this one; when the second returns or
     * throws, stops the first and waits for it. A failure of either is rethrown here (the second's first).
     */
    static void run(String name, Stage first, Stage second, ChunkHandoff hand) {
        Thread helper = new Thread(() -> {
            Throwable failed = null;
            try {
                first.run();
            } catch (Throwable e) {
                failed = e;
            } finally {
                hand.producerDone(failed);
            }
        }, name);
        helper.setDaemon(true);
        helper.start();
        boolean interrupted = false;
        try {
            second.run();
        } catch (InterruptedException e) {
            interrupted = true;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            hand.stop();
            while (true) {
                try {
                    helper.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
        }
        Throwable f = hand.failure();
        if (f instanceof RuntimeException r) throw r;
        if (f instanceof Error e) throw e;
        if (f != null && !(f instanceof InterruptedException)) throw new IllegalStateException(f);
    }

    /** One stage's loop over the chunks. */
    @FunctionalInterface
    interface Stage {
        void run() throws Exception;
    }
}
