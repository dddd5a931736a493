package org.rnnexplorer.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnexplorer.analysis.CellPeers;
import org.rnnexplorer.analysis.GradientCurve;
import org.rnnexplorer.analysis.GradientCurves;
import org.rnnexplorer.analysis.GradientObjective;
import org.rnnexplorer.analysis.Quantity;
import org.rnnexplorer.analysis.TestModels;
import org.rnnexplorer.io.AtomicFiles;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.ForwardPass;
import org.rnnexplorer.model.InputBatch;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.model.Trace;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** Opens what the exporters wrote, as a user's viewer would. */
class ChartExportTest {
    @TempDir
    Path dir;

    private static List<GradientCurve> threeCells() {
        RnnModel like = TestModels.random(CellType.LSTM, 3, 8, 1.0, Double.NaN, 4);
        InputBatch x = InputBatch.ofVectors(TestModels.input(30, 3, 1.0, 6));
        return GradientCurves.compare(CellPeers.sameSize(like, 42, 1.0), x, GradientObjective.sumOfLastState());
    }

    @Test
    void pngDecodesAtTheSizeAskedAndTwiceThatAt2x() throws IOException {
        JFreeChart chart = GradientChart.compare(threeCells());
        Path one = dir.resolve("gradient.png");
        Path two = dir.resolve("gradient@2x.png");
        AtomicFiles.write(one, out -> ChartExport.write(chart, ChartFormat.PNG, 800, 450, out));
        AtomicFiles.write(two, out -> ChartExport.write(chart, ChartFormat.PNG_2X, 800, 450, out));
        BufferedImage a = ImageIO.read(one.toFile());
        BufferedImage b = ImageIO.read(two.toFile());
        assertEquals(800, a.getWidth());
        assertEquals(450, a.getHeight());
        assertEquals(1600, b.getWidth());
        assertEquals(900, b.getHeight());
        assertEquals(0xFFFFFFFF, a.getRGB(2, 2), "opaque white background");
        assertTrue(distinctColours(a) > 20, "something is drawn");
    }

    @Test
    void svgParsesAsXmlAndHoldsEverySeries() throws Exception {
        Path file = dir.resolve("gradient.svg");
        JFreeChart chart = GradientChart.compare(threeCells());
        AtomicFiles.write(file, out -> ChartExport.write(chart, ChartFormat.SVG, 800, 450, out));
        String svg = Files.readString(file, StandardCharsets.UTF_8);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", doc.getDocumentElement().getLocalName() != null
                ? doc.getDocumentElement().getLocalName() : doc.getDocumentElement().getTagName());
        NodeList paths = doc.getElementsByTagName("path");
        assertTrue(paths.getLength() >= 3, "a path per line, got " + paths.getLength());
        String text = doc.getDocumentElement().getTextContent();
        for (String series : List.of("vanilla RNN", "LSTM", "GRU", "steps back"))
            assertTrue(text.contains(series), "the SVG names " + series);
    }

    @Test
    void pdfHasAPage() throws IOException {
        Path file = dir.resolve("heatmap.pdf");
        RnnModel m = TestModels.random(CellType.GRU, 3, 6, 1.0, Double.NaN, 2);
        Trace trace = ForwardPass.run(m, InputBatch.ofVectors(TestModels.input(12, 3, 1.0, 3)));
        JFreeChart chart = StateHeatmap.of(trace, 0, Quantity.gate(CellType.GRU, 1), null, 4);
        AtomicFiles.write(file, out -> ChartExport.write(chart, ChartFormat.PDF, 700, 400, out));
        byte[] pdf = Files.readAllBytes(file);
        String s = new String(pdf, StandardCharsets.ISO_8859_1);
        assertTrue(s.startsWith("%PDF-"), "a PDF header");
        assertTrue(s.contains("/Type /Page"), "a page object");
        assertTrue(s.contains("/MediaBox [0 0 700 400]") || s.contains("/MediaBox [0.0 0.0 700.0 400.0]"),
                "the page is the chart's size: " + s.substring(s.indexOf("/MediaBox"), s.indexOf("/MediaBox") + 40));
        assertTrue(s.trim().endsWith("%%EOF"));
    }

    @Test
    void aFailedExportKeepsTheOldFileWhole() throws IOException {
        Path file = dir.resolve("gradient.png");
        JFreeChart chart = GradientChart.compare(threeCells());
        AtomicFiles.write(file, out -> ChartExport.write(chart, ChartFormat.PNG, 400, 300, out));
        byte[] before = Files.readAllBytes(file);
        assertThrows(IllegalArgumentException.class,
                () -> AtomicFiles.write(file, out -> ChartExport.write(chart, ChartFormat.PNG, 5, 5, out)));
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(file)), "the old file is untouched");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    private static int distinctColours(BufferedImage img) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) for (int x = 0; x < img.getWidth(); x += 3) seen.add(img.getRGB(x, y));
        return seen.size();
    }

}
