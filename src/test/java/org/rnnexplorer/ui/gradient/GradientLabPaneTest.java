package org.rnnexplorer.ui.gradient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rnnexplorer.dev.LabSamples;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.ui.common.FakeDialogService;
import org.rnnexplorer.ui.export.Exporter;
import org.rnnexplorer.ui.export.NodeSnapshots;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the gradient lab as a student would (the bundled vanilla RNN on the bracket text): move the recurrent-weight
 * slider, toggle the comparison, export; checks what the chart and the reading show and that the files open.
 */
@ExtendWith(ApplicationExtension.class)
class GradientLabPaneTest {
    static final Path SHOTS = Path.of("target/lab-shots");
    GradientLabPane pane;
    GradientLabViewModel vm;
    final FakeDialogService dialogs = new FakeDialogService();

    @Start
    void start(Stage stage) {
        RnnModel model = LabSamples.bundledModel("brackets-rnn.json");
        LabSamples.EncodedText text = LabSamples.encode(model, LabSamples.bundledText("brackets.txt"), 60);
        vm = new GradientLabViewModel();
        vm.show(model, text.input(), text.tokens());
        pane = new GradientLabPane(vm, dialogs);
        stage.setScene(new Scene(pane, 1260, 780));
        stage.show();
        stage.requestFocus();
    }

    static void waitUntil(Supplier<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, condition::get); // a hang guard, not a timing goal
        WaitForAsyncUtils.waitForFxEvents();
    }

    void settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(() -> !vm.busyProperty().get() && vm.getResult() != null);
    }

    String reading(FxRobot robot) {
        return robot.lookup("#reading").queryAs(Label.class).getText();
    }

    /** The last point of the first line of the gradient chart: ‖∂L/∂h_0‖ relative to where the error enters. */
    double farthestPoint() {
        XYDataset d = pane.gradientViewer().getChart().getXYPlot().getDataset();
        return d.getYValue(0, d.getItemCount(0) - 1);
    }

    @Test
    void theScaleSliderTurnsAVanishingGradientIntoAnExplodingOne(FxRobot robot) throws Exception {
        settle();
        assertTrue(reading(robot).startsWith("σ_max(W_hh) = "), reading(robot));
        Slider scale = robot.lookup("#scale").queryAs(Slider.class);
        robot.clickOn(robot.point(scale).atPosition(Pos.TOP_LEFT).atOffset(new Point2D(scale.getWidth() * 0.1, 8)));
        settle();
        assertTrue(vm.recurrentScaleProperty().get() < 0.6, "scale " + vm.recurrentScaleProperty().get());
        assertTrue(reading(robot).endsWith(": vanishing"), reading(robot));
        assertTrue(farthestPoint() < 1e-3, "the curve ends at " + farthestPoint());
        String label = robot.lookup("#scale-label").queryAs(Label.class).getText();
        assertTrue(label.startsWith("Recurrent weights  W_hh × 0."), label);

        robot.type(KeyCode.END); // the slider has the focus: to its largest value
        settle();
        assertEquals(LabSliders.SCALE_MAX, vm.recurrentScaleProperty().get(), 1e-9);
        assertTrue(reading(robot).endsWith(": exploding"), reading(robot));
        assertTrue(farthestPoint() > 10, "the curve ends at " + farthestPoint());
        assertEquals("Recurrent weights  W_hh × 3.00", robot.lookup("#scale-label").queryAs(Label.class).getText());

        robot.clickOn("#reset");
        settle();
        assertEquals(1.0, vm.recurrentScaleProperty().get());
        assertEquals(1.0, scale.getValue(), 1e-9);
    }

    @Test
    void compareDrawsAnRnnAnLstmAndAGruOnTheSameInput(FxRobot robot) throws Exception {
        settle();
        robot.clickOn("#compare");
        settle();
        XYDataset d = pane.gradientViewer().getChart().getXYPlot().getDataset();
        assertEquals(List.of("vanilla RNN", "LSTM", "GRU"),
                List.of(d.getSeriesKey(0), d.getSeriesKey(1), d.getSeriesKey(2)));
        for (int s = 0; s < 3; s++) assertEquals(59, d.getItemCount(s), "steps back drawn for " + d.getSeriesKey(s));
        assertTrue(reading(robot).contains("vanilla RNN ×") && reading(robot).contains("LSTM ×")
                && reading(robot).contains("GRU ×"), reading(robot));
        // the keep-gate slider works in the comparison (the vanilla RNN itself has none)
        assertTrue(!robot.lookup("#bias").queryAs(Slider.class).isDisabled());
        robot.clickOn("#compare");
        settle();
        assertEquals("‖∂L/∂h_t‖ vanilla RNN", pane.gradientViewer().getChart().getXYPlot().getDataset().getSeriesKey(0));
    }

    @Test
    void theSequenceLengthSliderRepeatsTheInput(FxRobot robot) throws Exception {
        settle();
        Slider steps = robot.lookup("#steps").queryAs(Slider.class);
        robot.clickOn(robot.point(steps).atPosition(Pos.TOP_LEFT).atOffset(new Point2D(steps.getWidth() * 0.5, 8)));
        settle();
        int t = vm.getResult().trace().steps();
        assertTrue(t > 150 && t < 250, "half way along the slider: T = " + t);
        robot.type(KeyCode.END);
        settle();
        assertEquals(LabSliders.STEPS_MAX, vm.getResult().trace().steps());
        assertEquals("Sequence length  T = 400", robot.lookup("#steps-label").queryAs(Label.class).getText());
        assertEquals(LabSliders.STEPS_MAX, vm.getResult().tokens().size());
    }

    @Test
    void theExportMenuWritesFilesThatOpen(FxRobot robot, @TempDir Path dir) throws Exception {
        settle();
        Exporter ex = pane.exporter();
        dialogs.saveInto(dir);
        MenuButton menu = robot.lookup("#export").queryAs(MenuButton.class);
        robot.clickOn(menu); // fills the menu from the current charts
        robot.type(KeyCode.ESCAPE);
        for (String id : List.of("export-gradient-png", "export-gradient-png_2x", "export-gradient-svg",
                "export-gradient-pdf", "export-gradient-lab-png_2x", "export-trace-csv", "export-trace-json", "export-gates-gif")) {
            MenuItem item = find(menu.getItems(), id);
            Path before = ex.lastWrittenProperty().get();
            robot.interact(item::fire);
            waitUntil(() -> ex.lastWrittenProperty().get() != null && ex.lastWrittenProperty().get() != before);
            assertTrue(Files.size(ex.lastWrittenProperty().get()) > 0, id);
            assertEquals(List.of(), dialogs.errors());
        }
        BufferedImage png = ImageIO.read(dir.resolve("gradient.png").toFile());
        assertEquals(Exporter.CHART_WIDTH, png.getWidth());
        assertEquals(Exporter.CHART_HEIGHT, png.getHeight());
        BufferedImage png2 = ImageIO.read(dir.resolve("gradient@2x.png").toFile());
        assertEquals(2 * Exporter.CHART_WIDTH, png2.getWidth());
        assertEquals(2 * Exporter.CHART_HEIGHT, png2.getHeight());
        byte[] svg = Files.readAllBytes(dir.resolve("gradient.svg"));
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(svg));
        assertEquals("svg", doc.getDocumentElement().getNodeName());
        assertTrue(new String(svg, java.nio.charset.StandardCharsets.UTF_8).contains("vanilla RNN"));
        byte[] pdf = Files.readAllBytes(dir.resolve("gradient.pdf"));
        assertEquals("%PDF", new String(pdf, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        BufferedImage panePng = ImageIO.read(dir.resolve("gradient-lab@2x.png").toFile());
        assertEquals(2 * Math.round(pane.getWidth()), panePng.getWidth());
        List<String> csv = Files.readAllLines(dir.resolve("trace.csv"));
        assertEquals(vm.getResult().trace().steps() + 1, csv.size(), "a header and a row per step");
        assertTrue(csv.get(0).startsWith("step,token"), csv.get(0));
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("trace.json").toFile());
        assertEquals("rnn", json.get("cell").asText());
        assertEquals(60, json.get("tokens").size());
        try (var in = javax.imageio.ImageIO.createImageInputStream(dir.resolve("gates-steps.gif").toFile())) {
            var reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertEquals(60, reader.getNumImages(true), "a frame per step");
            assertEquals(Exporter.GIF_WIDTH, reader.getWidth(0));
        }
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    @Test
    void aFailedExportNamesTheFile(FxRobot robot, @TempDir Path dir) throws Exception {
        settle();
        Exporter ex = pane.exporter();
        dialogs.saveInto(dir.resolve("missing"));
        robot.interact(() -> ex.exportChart(vm.getResult().gradientChart(), org.rnnexplorer.chart.ChartFormat.PDF,
                "gradient"));
        waitUntil(() -> !dialogs.errors().isEmpty());
        assertEquals(1, dialogs.errors().size());
        assertTrue(dialogs.errors().get(0).startsWith("Export failed: "), dialogs.errors().get(0));
        assertTrue(dialogs.errors().get(0).endsWith("missing/gradient.pdf: cannot write: the folder does not exist"),
                dialogs.errors().get(0));
    }

    /** Not a test of behaviour: the pictures of the pane for the README and for looking at. */
    @Test
    void screenshots(FxRobot robot) throws Exception {
        settle();
        Files.createDirectories(SHOTS);
        robot.interact(() -> NodeSnapshots.writePng(pane, 1, SHOTS.resolve("gradient-lab.png")));
        robot.interact(() -> pane.tabPane().getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> NodeSnapshots.writePng(pane, 1, SHOTS.resolve("gradient-lab-gates.png")));
        robot.interact(() -> pane.tabPane().getSelectionModel().select(2));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> NodeSnapshots.writePng(pane, 1, SHOTS.resolve("gradient-lab-saturation.png")));
        robot.interact(() -> pane.tabPane().getSelectionModel().select(0));
        robot.interact(() -> vm.compareProperty().set(true));
        settle();
        robot.interact(() -> NodeSnapshots.writePng(pane, 1, SHOTS.resolve("gradient-lab-compare.png")));
        assertTrue(Files.size(SHOTS.resolve("gradient-lab-compare.png")) > 10_000);
    }

    static MenuItem find(List<MenuItem> items, String id) {
        MenuItem f = search(items, id);
        if (f == null) throw new AssertionError("no menu item " + id);
        return f;
    }

    private static MenuItem search(List<MenuItem> items, String id) {
        for (MenuItem i : items) {
            if (id.equals(i.getId())) return i;
            if (i instanceof Menu m) {
                MenuItem f = search(m.getItems(), id);
                if (f != null) return f;
            }
        }
        return null;
    }
}
