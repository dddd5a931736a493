package org.rnnexplorer.ui.explorer.playback;

import java.util.Locale;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.rnnexplorer.ui.common.Shortcut;
import org.rnnexplorer.ui.explorer.trace.TraceViewModel;

/**
 * The playback bar: First / Back / Play / Forward / Last, the scrub slider over the steps, the step label and the
 * speed. While playing, a timeline steps forward at the chosen speed.
 */
public final class PlaybackBar extends HBox {
    private final Button first = button("⇤ First", Shortcut.FIRST_STEP, "First step");
    private final Button back = button("◀ Back", Shortcut.STEP_BACK, "Step back");
    private final Button play = button("▶ Play", Shortcut.PLAY_PAUSE, "Play / pause");
    private final Button forward = button("Forward ▶", Shortcut.STEP_FORWARD, "Step forward");
    private final Button last = button("Last ⇥", Shortcut.LAST_STEP, "Last step");
    private final Slider scrub = new Slider(0, 1, 0);
    private final Label stepLabel = new Label();
    private final Slider speed = new Slider(0.5, 10, 2);
    private final Label speedLabel = new Label();
    private Timeline player;
    private boolean syncingScrub;

    public PlaybackBar() {
        super(6);
        getStyleClass().add("playback");
        setAlignment(Pos.CENTER_LEFT);
        play.getStyleClass().add("play");
        scrub.setFocusTraversable(false);
        scrub.setMinWidth(60);
        scrub.setBlockIncrement(1);
        scrub.setMajorTickUnit(1);
        scrub.setSnapToTicks(true);
        scrub.setTooltip(new Tooltip("Drag to any step"));
        HBox.setHgrow(scrub, Priority.ALWAYS);
        stepLabel.getStyleClass().add("step-label");
        speed.setFocusTraversable(false);
        speed.setPrefWidth(110);
        speed.setMinWidth(60);
        speed.setTooltip(new Tooltip("Playback speed, steps per second"));
        Label speedCaption = new Label("Speed");
        for (Region r : new Region[] {stepLabel, speedCaption, speedLabel}) r.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().addAll(first, back, play, forward, last, scrub, stepLabel, speedCaption, speed, speedLabel);
    }

    private static Button button(String text, Shortcut key, String what) {
        Button b = new Button(text);
        b.setFocusTraversable(false);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setTooltip(key.tooltip(what));
        return b;
    }

    public void bind(TraceViewModel trace, PlaybackViewModel playback) {
        first.setOnAction(e -> playback.first());
        back.setOnAction(e -> playback.stepBack());
        play.setOnAction(e -> playback.togglePlay());
        forward.setOnAction(e -> playback.stepForward());
        last.setOnAction(e -> playback.last());
        stepLabel.textProperty().bind(trace.stepLabelProperty());
        trace.resultProperty().addListener((o, a, r) -> syncScrub(trace));
        trace.stepProperty().addListener((o, a, b) -> syncScrub(trace));
        scrub.valueProperty().addListener((o, a, b) -> {
            if (!syncingScrub) trace.jumpTo((int) Math.round(b.doubleValue()));
        });
        speed.valueProperty().bindBidirectional(playback.stepsPerSecondProperty());
        speedLabel.textProperty().bind(playback.stepsPerSecondProperty().asString(Locale.ROOT, "%.1f /s"));
        playback.playingProperty().addListener((o, a, on) -> updatePlayer(playback));
        playback.stepsPerSecondProperty().addListener((o, a, b) -> updatePlayer(playback));
    }

    private void syncScrub(TraceViewModel trace) {
        syncingScrub = true;
        try {
            int n = trace.steps();
            scrub.setMax(Math.max(0, n - 1));
            scrub.setValue(trace.stepProperty().get());
            scrub.setDisable(n < 2);
        } finally {
            syncingScrub = false;
        }
    }

    private void updatePlayer(PlaybackViewModel playback) {
        if (player != null) player.stop();
        boolean on = playback.playingProperty().get();
        play.setText(on ? "❚❚ Pause" : "▶ Play");
        if (!on) return;
        player = new Timeline(new KeyFrame(Duration.millis(1000 / Math.max(0.1, playback.stepsPerSecondProperty().get())),
                e -> playback.stepForward()));
        player.setCycleCount(Animation.INDEFINITE);
        player.play();
    }

}
