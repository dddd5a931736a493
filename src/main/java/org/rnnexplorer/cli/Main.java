package org.rnnexplorer.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The headless commands. Each command is its own class, listed in {@code subcommands}. */
@Command(name = "rnn-explorer", mixinStandardHelpOptions = true, version = "RNN Explorer 0.1",
        description = "Step through a live RNN, LSTM or GRU; headless commands for scripts.",
        subcommands = {})
public final class Main implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Runs a command line; returns the exit code (0 ok, 2 bad input or usage). */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(e -> 2);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println(ex.getMessage());
            return 2;
        });
        return cl.execute(args);
    }
}
