package org.rnnexplorer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.rnnexplorer.cli.BenchCommand;
import org.rnnexplorer.cli.Main;
import org.rnnexplorer.dev.ScreenshotTool;
import org.rnnexplorer.ui.app.ExplorerApp;
import org.rnnexplorer.ui.app.ResponsivenessBench;

/**
 * The jar's entry point. It does not extend {@code Application}, so the shaded jar starts JavaFX from the class
 * path. With no arguments it opens the window, and with one argument that is a file (a model file, a session, a
 * PyTorch checkpoint: what the desktop passes when such a file is opened) the window opens that file; {@code screenshots} renders the window to
 * PNGs; any other command runs headless. Without a display to open the window on, it says so in one line and exits
 * with code 2 instead of JavaFX's stack trace.
 */
public final class Launcher {
    /** The exit code when the window cannot open for want of a display. */
    public static final int NO_DISPLAY = 2;

    private Launcher() {
    }

    public static void main(String[] args) {
        String missing = missingFile(args);
        if (missing != null) {
            System.err.println(missing);
            System.exit(NO_DISPLAY);
        }
        if (opensWindow(args)) {
            String problem = noDisplay();
            if (problem != null) {
                System.err.println(problem);
                System.exit(NO_DISPLAY);
            }
            try {
                ExplorerApp.launchWindow(args);
            } catch (UnsupportedOperationException e) { // JavaFX's GTK toolkit could not start
                System.err.println(cannotStart(e.getMessage()));
                System.exit(NO_DISPLAY);
            }
        } else if (args[0].equals("screenshots")) {
            // the one production file that reaches the dev harness (LayeringTest allows only this one)
            System.exit(ScreenshotTool.run(Arrays.copyOfRange(args, 1, args.length)));
        } else {
            // the one bench protocol that runs the window: cli may not import it, so it is plugged in here
            if (args[0].equals("bench")) BenchCommand.plugIn(ResponsivenessBench::run);
            System.exit(Main.run(args));
        }
    }

    /** No arguments, or one that is a file (a model file, a session, a PyTorch checkpoint): the window opens. */
    static boolean opensWindow(String[] args) {
        return args.length == 0 || (args.length == 1 && isFile(args[0]));
    }

    private static boolean isFile(String arg) {
        return !arg.startsWith("-") && Files.isRegularFile(Path.of(arg));
    }

    /**
     * One line when the only argument names a file to open ({@code .json}, {@code .pt}, {@code .pth}) that is not
     * there, rather than "unknown command"; else null.
     */
    static String missingFile(String[] args) {
        if (args.length != 1 || args[0].startsWith("-")) return null;
        String a = args[0].toLowerCase(Locale.ROOT);
        if (!(a.endsWith(".json") || a.endsWith(".pt") || a.endsWith(".pth")) || Files.exists(Path.of(args[0]))) return null;
        return "rnn-explorer: " + args[0] + ": no such file (to open a model file, a session or a PyTorch checkpoint in"
                + " the window, give its path)";
    }

    /** One line for JavaFX's "Unable to open DISPLAY" or "Unable to load glass GTK library.", with what to do. */
    static String cannotStart(String why) {
        if (why != null && why.contains("GTK"))
            return "rnn-explorer: the window cannot start: " + why + " JavaFX needs GTK 3 (on Debian or Ubuntu:"
                    + " apt-get install libgtk-3-0); headless commands work without it (rnn-explorer --help)";
        return "rnn-explorer: cannot open the display DISPLAY=" + System.getenv("DISPLAY") + " (" + why + "): is an X"
                + " server running there? Or use a headless command (rnn-explorer --help)";
    }

    /**
     * Why the window cannot open, or null. On Linux and the other X11 systems JavaFX needs {@code DISPLAY} (it does
     * not run on Wayland alone) unless it renders off screen (Monocle, as the tests do).
     */
    static String noDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac")) return null;
        if ("Monocle".equalsIgnoreCase(System.getProperty("glass.platform"))) return null;
        String display = System.getenv("DISPLAY");
        if (display != null && !display.isBlank()) return null;
        return "rnn-explorer: no display to open the window on (DISPLAY is not set): run it in a desktop session,"
                + " set DISPLAY (e.g. DISPLAY=:0, or start Xvfb), or use a headless command (rnn-explorer --help lists"
                + " trace, export, train, sweep, bench)";
    }
}
