package org.rnnexplorer.dev;

import java.util.List;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.ui.gradient.GradientLabPane;
import org.rnnexplorer.ui.gradient.GradientLabViewModel;
import org.rnnexplorer.ui.training.TrainingPane;

/**
 * Opens one pane alone in a window, for trying it by hand:
 * {@code java -cp target/rnn-explorer.jar org.rnnexplorer.dev.PaneDemo --pane gradient|training [--model FILE]}
 * ({@code FILE} a bundled model such as {@code recall-rnn.json}). Not extending {@link Application} itself lets it start
 * from the class path.
 */
public final class PaneDemo {
    private PaneDemo() {
    }

    public static void main(String[] args) {
        Application.launch(DemoApp.class, args);
    }

    /** The pane named by {@code --pane} (default gradient) on the bundled model named by {@code --model}. */
    public static Parent paneFor(List<String> args) {
        String pane = option(args, "--pane", "gradient");
        if (pane.equals("training")) return new TrainingPane();
        String file = option(args, "--model", "brackets-rnn.json");
        RnnModel model = LabSamples.bundledModel(file);
        LabSamples.EncodedText text = LabSamples.encode(model,
                LabSamples.bundledText(file.startsWith("recall") ? "recall-delay40.txt" : "brackets.txt"), 60);
        GradientLabViewModel lab = new GradientLabViewModel();
        lab.show(model, text.input(), text.tokens());
        return new GradientLabPane(lab);
    }

    private static String option(List<String> args, String name, String fallback) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : fallback;
    }

    /** The JavaFX application behind {@link #main}. */
    public static final class DemoApp extends Application {
        @Override
        public void start(Stage stage) {
            Parent root = paneFor(getParameters().getRaw());
            stage.setTitle("RNN Explorer — " + root.getClass().getSimpleName());
            stage.setScene(new Scene(root, 1280, 860));
            stage.show();
        }
    }
}
