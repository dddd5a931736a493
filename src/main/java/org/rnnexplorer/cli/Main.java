package org.rnnexplorer.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.rnnexplorer.io.Escaped;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The headless commands. Each command is its own class, listed in {@code subcommands}. A problem with the user's
 * input (a bad file, a bad option) ends the command with one line on stderr and exit code 2; {@code --debug} adds
 * the stack trace. Control characters in a message (a newline in a file name) are shown escaped, so it stays one
 * line.
 */
@Command(name = "rnn-explorer", mixinStandardHelpOptions = true, version = "RNN Explorer 0.1",
        description = "Step through a live RNN, LSTM or GRU; headless commands for scripts.",
        subcommands = {BenchCommand.class, ExportCommand.class, ImportCommand.class, TraceCommand.class, TrainCommand.class,
                SweepCommand.class, FindUnitsCommand.class, RaceCommand.class,
                GenerateCommand.class, ConnectivityCommand.class})
public final class Main implements Runnable {

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "show the stack trace of an error")
    boolean debug;

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Runs a command line; returns the exit code (0 ok, 2 bad input or usage, 1 an internal error). */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        Main main = new Main();
        CommandLine cl = new CommandLine(main);
        cl.registerConverter(Path.class, new PathOptions.FilePath());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println(Escaped.text(ex.getMessage()));
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, command, parsed) -> {
            boolean debug = java.util.Arrays.asList(args).contains("--debug");
            if (debug) ex.printStackTrace(err);
            if (isUserError(ex)) {
                err.println(Escaped.text(ex.getMessage()));
                err.flush();
                return 2;
            }
            err.println(Escaped.text("internal error: " + ex));
            err.flush();
            return 1;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Problems the user can fix: reported as their message alone. */
    static boolean isUserError(Throwable ex) {
        return ex instanceof BadInputException || ex instanceof IllegalArgumentException
                || ex instanceof UncheckedIOException || ex.getClass().getSimpleName().equals("BadFileException");
    }
}
