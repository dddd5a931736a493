package org.rnnexplorer;

import java.util.Arrays;
import org.rnnexplorer.cli.Main;
import org.rnnexplorer.dev.ScreenshotTool;
import org.rnnexplorer.ui.app.ExplorerApp;

/**
 * The jar's entry point. It does not extend {@code Application}, so the shaded jar starts JavaFX from the class
 * path. With no arguments it opens the window; {@code screenshots} renders the window to PNGs; any other command
 * runs headless.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            ExplorerApp.launchWindow(args);
        } else if (args[0].equals("screenshots")) {
            // the one production file that reaches the dev harness (LayeringTest allows only this one)
            System.exit(ScreenshotTool.run(Arrays.copyOfRange(args, 1, args.length)));
        } else {
            System.exit(Main.run(args));
        }
    }
}
