package org.rnnexplorer.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Run in a child JVM by {@link KilledWriteTest}: starts writing {@code args[1]} the way {@code trace}
 * ({@code atomic}: {@link AtomicFiles#write}) or {@code export} ({@code staged}: {@link StagedFiles}) does, writes
 * 64 KB, prints "writing" on stdout, and then waits: for ever ({@code args[2]} = {@code forever}, until it is killed)
 * or for a line on stdin ({@code line}) before it finishes the file. So the parent knows the temporary file is on disk
 * and half written when it kills this process.
 */
public final class WriteAndWait {
    private WriteAndWait() {
    }

    public static void main(String[] args) {
        Path target = Path.of(args[1]);
        AtomicFiles.Content content = out -> {
            out.write(new byte[64 * 1024]);
            out.flush();
            System.out.println("writing");
            System.out.flush();
            if (args[2].equals("line")) waitForALine();
            else waitForEver();
            out.write("done".getBytes());
        };
        if (args[0].equals("atomic")) AtomicFiles.write(target, content);
        else {
            try (StagedFiles files = new StagedFiles()) {
                files.stage(target, content);
                files.commit();
            }
        }
        System.out.println("written");
        System.exit(0);
    }

    private static void waitForEver() throws IOException {
        try {
            new java.util.concurrent.CountDownLatch(1).await();
        } catch (InterruptedException e) {
            throw new IOException(e);
        }
    }

    private static void waitForALine() throws IOException {
        int c;
        do c = System.in.read(); while (c != '\n' && c != -1);
    }
}
