package org.rnnexplorer.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rnnexplorer.io.CaptionTemplate;
import org.rnnexplorer.io.Lesson;
import org.rnnexplorer.io.LessonSlide;
import org.rnnexplorer.io.Session;
import org.rnnexplorer.ui.common.Num;
import org.rnnexplorer.ui.explorer.strip.SequenceStrip;
import org.rnnexplorer.ui.explorer.trace.ModelSource;
import org.rnnexplorer.ui.lesson.BundledLessons;
import org.rnnexplorer.ui.lesson.LessonViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Lesson mode driven as a teacher would: the bundled lesson opened from Help, walked with PageDown, → and a
 * clicker's keys, each slide checked against what is on screen.
 */
@ExtendWith(ApplicationExtension.class)
class LessonModeTest {
    private static final Pattern STEP = Pattern.compile("step (\\d+) of (\\d+): '(.*)'");
    private static final Pattern UNIT = Pattern.compile("unit (\\d+): h = (\\S+?)(?:, C = (\\S+))?");
    ExplorerPage page;

    @Start
    void start(Stage stage) {
        page = ExplorerPage.show(stage);
        page.window.setFullScreenAllowed(false);
    }

    @Test
    void theBundledLessonRunsStartToEndEachSlideRestoringItsViewWithTheNumbersOnScreen(FxRobot robot) throws Exception {
        page.waitForTrace();
        BundledLessons.Entry entry = BundledLessons.all().get(0);
        Lesson expected = entry.read();
        LessonViewModel lesson = page.vms.lesson;
        robot.clickOn("Help");
        robot.clickOn("Lesson: " + entry.title());
        for (int k = 0; k < expected.slides().size(); k++) {
            // a clicker sends PageDown; the arrows move between slides too while a lesson is open
            if (k > 0) robot.type(k % 2 == 0 ? KeyCode.PAGE_DOWN : KeyCode.RIGHT);
            int kk = k;
            ExplorerPage.waitUntil(() -> lesson.shownProperty().get() == kk && !lesson.autoPlayingProperty().get()
                    && !page.trace.busyProperty().get());
            LessonSlide s = expected.slides().get(k);
            String where = "slide " + (k + 1) + ": ";
            assertEquals("slide " + (k + 1) + " of " + expected.slides().size(), page.text("#lesson-position"));
            Session v = s.view().session();
            assertEquals(v.bundledModel(), ((ModelSource.Bundled) page.trace.sourceProperty().get()).path(), where + "model");
            assertEquals(v.text(), page.trace.inputTextProperty().get(), where + "input");
            int step = s.autoPlay() != null ? s.autoPlay().toStep() : v.step();
            assertEquals("step " + (step + 1) + " of " + v.steps(), page.stepLabel().replaceAll(":.*", ""),
                    where + "the step (after the auto-play, if any)");
            assertTrue(page.text(".unit-label").startsWith("unit " + v.unit() + ":"), where + "unit");
            assertEquals(s.view().tab(), mainTab(), where + "tab");
            if (s.view().panel() != null)
                assertEquals(s.view().panel(), page.sidePanel().toLowerCase(Locale.ROOT), where + "side panel");
            checkHighlight(s, where);
            String caption = page.text("#lesson-caption");
            assertEquals(CaptionTemplate.parse(s.caption()).fill(this::onScreen), caption,
                    where + "the caption's numbers are those on screen");
            assertTrue(!caption.contains("{"), caption);
        }
        // the last slide is the deck's last: a click opens a pattern's live example in the cell tab
        robot.clickOn("#connect-one-to-many");
        ExplorerPage.waitUntil(() -> page.trace.sourceProperty().get().title().equals("LSTM — sine, one-to-many")
                && !page.trace.busyProperty().get());
        assertEquals("cell-tab", mainTab());
        assertEquals("step 17 of 60", page.stepLabel().replaceAll(":.*", ""), "the first step after the prompt");
        // PageUp (a clicker's "back") returns to the slide before, its view restored
        robot.type(KeyCode.PAGE_UP);
        ExplorerPage.waitUntil(() -> lesson.shownProperty().get() == 7 && !page.trace.busyProperty().get());
        assertEquals("GRU — brackets", page.trace.sourceProperty().get().title());
        // Shift+→ steps through the input while a lesson is open
        String before = page.stepLabel();
        robot.press(KeyCode.SHIFT).type(KeyCode.RIGHT).release(KeyCode.SHIFT);
        ExplorerPage.waitUntil(() -> !page.stepLabel().equals(before));
        assertEquals(lesson.shownProperty().get(), 7, "a step is not a slide");
    }

    @Test
    void inPresenterModeTheCaptionIsLarge(FxRobot robot) throws Exception {
        page.waitForTrace();
        page.interact(() -> page.vms.lesson.document().openBundled(BundledLessons.all().get(0)));
        ExplorerPage.waitUntil(() -> page.vms.lesson.shownProperty().get() == 0);
        Label caption = robot.lookup("#lesson-caption").queryAs(Label.class);
        double normal = caption.getFont().getSize();
        robot.type(KeyCode.F11);
        ExplorerPage.waitUntil(() -> caption.getFont().getSize() > normal * 1.6);
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void theHandoutHasAPagePerSlideAndThePngsArePerSlideToo(FxRobot robot, @TempDir Path dir) throws Exception {
        page.waitForTrace();
        BundledLessons.Entry entry = BundledLessons.all().get(0);
        int n = entry.read().slides().size();
        LessonViewModel lesson = page.vms.lesson;
        page.interact(() -> lesson.document().openBundled(entry));
        ExplorerPage.waitUntil(() -> lesson.shownProperty().get() == 0);
        robot.type(KeyCode.PAGE_DOWN);
        ExplorerPage.waitUntil(() -> lesson.shownProperty().get() == 1 && !lesson.autoPlayingProperty().get());

        Path pdf = dir.resolve("handout.pdf");
        page.saveAs(pdf);
        robot.clickOn("Lesson");
        robot.clickOn("Export handout as PDF… (a page per slide)");
        ExplorerPage.waitUntil(() -> Files.exists(pdf));
        String bytes = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);
        assertTrue(bytes.startsWith("%PDF-"));
        assertEquals(n, Pattern.compile("/Type\\s*/Page(?![a-zA-Z])").matcher(bytes).results().count(),
                "one /Type /Page object per slide");
        ExplorerPage.waitUntil(() -> lesson.shownProperty().get() == 1);

        Path folder = dir.resolve("slides");
        page.saveAs(folder);
        robot.clickOn("Lesson");
        robot.clickOn("Export slides as PNGs… (one per slide)");
        // all or none: the PNGs are moved into place together once every one is written
        ExplorerPage.waitUntil(() -> Files.exists(folder.resolve(String.format("slide-%02d.png", n))));
        assertEquals(n, folder.toFile().list().length, "one PNG per slide and nothing else");
        for (int k = 1; k <= n; k++) {
            BufferedImage img = ImageIO.read(folder.resolve(String.format("slide-%02d.png", k)).toFile());
            assertEquals(Math.round(page.window.scene().getWidth() * 1.5), img.getWidth(), "slide " + k);
        }
        ExplorerPage.waitUntil(() -> lesson.shownProperty().get() == 1 && !page.trace.busyProperty().get());
        assertEquals("slide 2 of " + n, page.text("#lesson-position"), "the slide shown before comes back");
    }

    private String mainTab() {
        TabPane tabs = page.tab("cell-tab").getTabPane();
        Tab t = tabs.getSelectionModel().getSelectedItem();
        return t.getId();
    }

    /** The diagram outlines the slide's part and points at its unit; the strip marks its steps. */
    private void checkHighlight(LessonSlide s, String where) {
        LessonSlide.Highlight h = s.highlight();
        if (h == null || !"cell-tab".equals(s.view().tab())) return;
        Set<String> marked = page.diagram().marked();
        if (h.part() != null) assertEquals(Set.of(switch (h.part()) {
            case "hidden" -> "hidden state h";
            case "cell" -> "cell state C";
            case "input" -> "input xₜ";
            default -> h.part() + " gate";
        }), marked, where + "the outlined part");
        assertEquals(h.unit() == null ? -1 : h.unit(), page.diagram().markedUnit(), where + "the unit pointed at");
        List<Integer> markedSteps = page.chips().stream().filter(c -> c.getStyleClass().contains("marked"))
                .map(SequenceStrip.Chip::step).collect(Collectors.toList());
        for (SequenceStrip.Chip c : page.chips())
            if (c.isVisible()) assertEquals(h.covers(c.step()), markedSteps.contains(c.step()), where + "chip " + c.step());
    }

    /** A placeholder's value as the window shows it: step label, unit label, equations, diagram, strip. */
    private String onScreen(CaptionTemplate.Placeholder p) {
        Matcher step = STEP.matcher(page.stepLabel());
        Matcher unit = UNIT.matcher(page.text(".unit-label"));
        assertTrue(step.matches() && unit.matches(), page.stepLabel() + " / " + page.text(".unit-label"));
        int u = Integer.parseInt(unit.group(1));
        return switch (p) {
            case STEP -> step.group(1);
            case STEPS -> step.group(2);
            case TOKEN -> step.group(3);
            case UNIT -> unit.group(1);
            case LAYER -> "1";
            case H -> unit.group(2);
            case C -> unit.group(3);
            case H_PREV -> Num.f(page.diagram().current().hPrev()[u]);
            case C_PREV -> Num.f(page.diagram().current().cPrev()[u]);
            case F -> equation("Forget gate");
            case I -> equation("Input gate");
            case G -> equation("Candidate");
            case O -> equation("Output gate");
            case R -> equation("Reset gate");
            case Z -> equation("Update gate");
            case N -> equation("Candidate (reset after)");
            case PREDICTED, P -> {
                String first = ((Label) ((SequenceStrip.Chip) page.strip().lookup(".chip.current"))
                        .getChildren().get(1)).getText();
                int space = first.lastIndexOf(' ');
                yield p == CaptionTemplate.Placeholder.P ? first.substring(space + 1) : first.substring(0, space);
            }
        };
    }

    /** The value at the end of the equations panel's line named {@code name}: "= σ(0.825) = 0.695" → "0.695". */
    private String equation(String name) {
        for (Node n : page.window.scene().getRoot().lookupAll(".equation")) {
            VBox box = (VBox) n;
            Label label = (Label) box.lookup(".equation-name");
            if (label.getText().equals(name)) {
                String numbers = ((Label) box.lookup(".equation-numbers")).getText();
                return numbers.substring(numbers.lastIndexOf("= ") + 2);
            }
        }
        throw new AssertionError("no equation " + name + " on screen");
    }
}
