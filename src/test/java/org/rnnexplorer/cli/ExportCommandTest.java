package org.rnnexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnexplorer.io.ModelFile;
import org.rnnexplorer.model.CellType;
import org.w3c.dom.Document;

/** The headless {@code export} command: what it writes, opened as a user would, and how it refuses bad input. */
class ExportCommandTest {
    @TempDir
    Path dir;
    Path lstm;
    Path gru;
    Path series;
    Path out;

    @BeforeEach
    void files() throws IOException {
        lstm = dir.resolve("lstm.json");
        ModelFile.write(TraceCommandBadInputTest.model(CellType.LSTM, 2, 4, List.of("a", "b", "(", ")", " ", "<", "&"),
                0, true), lstm);
        gru = dir.resolve("gru.json");
        ModelFile.write(TraceCommandBadInputTest.model(CellType.GRU, 1, 3, null, 2, false), gru);
        series = dir.resolve("x.csv");
        Files.writeString(series, "0.1,0.2\n0.3,-0.4\n0.5,0.6\n-0.7,0.8\n0.9,1.0\n");
        out = dir.resolve("plots");
    }

    private record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter o = new StringWriter(), e = new StringWriter();
        List<String> all = new ArrayList<>(List.of("export"));
        all.addAll(List.of(args));
        int code = Main.run(new PrintWriter(o), new PrintWriter(e), all.toArray(new String[0]));
        return new Run(code, o.toString(), e.toString());
    }

    private Set<String> written() throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void writesEveryChartOfEveryLayerInEveryFormatAsked() throws Exception {
        String text = "ab(a b)<&ba";
        Run r = run("--model", lstm.toString(), "--text", text, "--out", out.toString(),
                "--formats", "png,png@2x,svg,pdf,csv,json", "--width", "640", "--height", "400", "--units", "0,2",
                "--step", "3");
        assertEquals(0, r.code(), r.err());
        Set<String> files = written();
        List<String> charts = new ArrayList<>(List.of("gradient"));
        for (int l = 0; l < 2; l++) {
            for (String g : List.of("input", "forget", "candidate", "output")) charts.add("gates-l" + l + "-" + g);
            charts.add("saturation-l" + l);
            for (String q : List.of("h", "c", "input", "forget", "candidate", "output")) charts.add("heatmap-l" + l + "-" + q);
        }
        Set<String> expected = new TreeSet<>(List.of("trace.csv", "trace.json"));
        for (String c : charts) expected.addAll(List.of(c + ".png", c + "@2x.png", c + ".svg", c + ".pdf"));
        assertEquals(expected, files);

        for (String c : charts) {
            BufferedImage one = ImageIO.read(out.resolve(c + ".png").toFile());
            BufferedImage two = ImageIO.read(out.resolve(c + "@2x.png").toFile());
            assertEquals(640, one.getWidth(), c);
            assertEquals(400, one.getHeight(), c);
            assertEquals(1280, two.getWidth(), c);
            assertEquals(800, two.getHeight(), c);
            Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(out.resolve(c + ".svg").toFile()); // tokens "<" and "&" are escaped
            assertTrue(svg.getElementsByTagName("path").getLength() + svg.getElementsByTagName("rect").getLength() > 10, c);
            String pdf = Files.readString(out.resolve(c + ".pdf"), StandardCharsets.ISO_8859_1);
            assertTrue(pdf.startsWith("%PDF-") && pdf.contains("/Type /Page"), c);
            assertFalse(pdf.contains(" Tj"), "text drawn as outlines, so a lone \"(\" token cannot break the PDF");
        }
        String forgetSvg = Files.readString(out.resolve("gates-l0-forget.svg"));
        assertTrue(forgetSvg.contains("unit 0") && forgetSvg.contains("unit 2") && !forgetSvg.contains("unit 1<"),
                "one line per unit asked, named in the legend");

        List<String> csv = Files.readAllLines(out.resolve("trace.csv"));
        assertEquals(1 + text.length(), csv.size(), "a header and one row per step");
        assertTrue(csv.get(0).startsWith("step,token,l0.h.0,l0.h.1,l0.h.2,l0.h.3,l0.c.0,"), csv.get(0));
        assertTrue(csv.get(0).contains(",l1.forget.3,") && csv.get(0).endsWith(",l1.gradC.3"), csv.get(0));
        assertTrue(csv.get(3).startsWith("2,(,"), csv.get(3));

        JsonNode json = new ObjectMapper().readTree(out.resolve("trace.json").toFile());
        assertEquals("lstm", json.get("cell").asText());
        assertEquals(text.length(), json.get("tokens").size());
        assertEquals(2, json.get("layers").size());
        assertTrue(r.out().startsWith("wrote " + files.size() + " files to " + out), r.out());
    }

    @Test
    void numericInputAndAComparisonOfThreeCells() throws Exception {
        Run r = run("--model", gru.toString(), "--input", series.toString(), "--out", out.toString(),
                "--formats", "svg", "--compare-cells");
        assertEquals(0, r.code(), r.err());
        assertTrue(written().containsAll(List.of("gradient.svg", "gradient-compare.svg", "gates-l0-reset.svg",
                "gates-l0-update.svg", "heatmap-l0-h.svg", "saturation-l0.svg")), written().toString());
        String cmp = Files.readString(out.resolve("gradient-compare.svg"));
        for (String name : List.of("vanilla RNN (untrained)", "LSTM (untrained)", "GRU (untrained)"))
            assertTrue(cmp.contains(name), name);
        assertTrue(cmp.contains("L = sum of h[T-1]"), "a model without a readout is differentiated through Σ h[T-1]");
    }

    /** Checks the common error behaviour: exit 2, one line naming {@code named}, no folder or file left behind. */
    private String fails(String named, String... args) throws IOException {
        Run r = run(args);
        assertEquals(2, r.code(), "exit code; stderr: " + r.err());
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), "one line on stderr: " + r.err());
        assertTrue(lines.get(0).contains(named), "names " + named + ": " + lines.get(0));
        assertFalse(lines.get(0).contains("Exception") || lines.get(0).contains("\tat "), lines.get(0));
        assertFalse(Files.exists(out) && Files.isDirectory(out) && !written().isEmpty(), "nothing written");
        try (Stream<Path> s = Files.walk(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file");
        }
        return lines.get(0);
    }

    @Test
    void missingModel() throws IOException {
        fails("nope.json", "--model", dir.resolve("nope.json").toString(), "--text", "ab", "--out", out.toString());
        assertFalse(Files.exists(out), "the folder is not made");
    }

    @Test
    void unknownFormat() throws IOException {
        fails("gif", "--model", lstm.toString(), "--text", "ab", "--out", out.toString(), "--formats", "png,gif");
        assertFalse(Files.exists(out));
    }

    @Test
    void textOutsideTheVocabulary() throws IOException {
        String line = fails("lstm.json", "--model", lstm.toString(), "--text", "abz", "--out", out.toString());
        assertTrue(line.contains("\"z\""), line);
    }

    @Test
    void unitOutsideTheModel() throws IOException {
        fails("--units", "--model", lstm.toString(), "--text", "ab", "--out", out.toString(), "--units", "0,4");
    }

    @Test
    void seriesWithTheWrongWidth() throws IOException {
        Path bad = dir.resolve("wide.csv");
        Files.writeString(bad, "1,2,3\n4,5,6\n");
        fails("wide.csv", "--model", gru.toString(), "--input", bad.toString(), "--out", out.toString());
    }

    @Test
    void comparedModelReadingOtherInput() throws IOException {
        fails("gru.json", "--model", lstm.toString(), "--text", "ab", "--out", out.toString(), "--compare", gru.toString());
    }

    @Test
    void outIsAFile() throws IOException {
        Files.writeString(out, "in the way");
        String line = fails("plots", "--model", lstm.toString(), "--text", "ab", "--out", out.toString());
        assertTrue(line.contains("not a folder"), line);
        assertEquals("in the way", Files.readString(out), "the file is untouched");
    }

    @Test
    void aFolderThatCannotBeMadeLeavesNothingBehind() throws IOException {
        Path blocker = dir.resolve("blocker");
        Files.writeString(blocker, "a file where a folder should be");
        out = blocker.resolve("plots");
        String line = fails("plots", "--model", lstm.toString(), "--text", "ab", "--out", out.toString());
        assertFalse(line.isBlank());
        assertEquals("a file where a folder should be", Files.readString(blocker));
    }

    @Test
    void aFileThatFailsHalfWayRemovesTheFilesAlreadyWritten() throws IOException {
        Files.createDirectories(out.resolve("gradient.svg")); // a folder where the SVG goes: written after the PNGs
        Run r = run("--model", lstm.toString(), "--text", "ab", "--out", out.toString(), "--formats", "png,svg");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().strip().startsWith(out.resolve("gradient.svg") + ": cannot write"), r.err());
        assertEquals(Set.of("gradient.svg"), written(), "the PNGs written before are gone again");
    }

    @Test
    void aFailedExportLeavesTheFilesOfAnEarlierExportAsTheyWere() throws IOException {
        Files.createDirectories(out.resolve("heatmap-l0-h.png")); // a folder where a later PNG goes
        Files.writeString(out.resolve("gradient.png"), "an earlier export");
        Run r = run("--model", lstm.toString(), "--text", "ab", "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().strip().startsWith(out.resolve("heatmap-l0-h.png") + ": cannot write"), r.err());
        assertEquals("an earlier export", Files.readString(out.resolve("gradient.png")), "not overwritten, not removed");
        assertEquals(Set.of("gradient.png", "heatmap-l0-h.png"), written(), "nothing else, no temporary file");
    }

    @Test
    void aNegativeStepIsRefused() throws IOException {
        String line = fails("--step", "--model", lstm.toString(), "--text", "ab", "--out", out.toString(), "--step", "-5");
        assertTrue(line.contains("-5"), line);
        assertFalse(Files.exists(out), "the folder is not made");
    }

    @Test
    void keepBiasWithoutCompareCellsIsRefused() throws IOException {
        fails("--keep-bias", "--model", lstm.toString(), "--text", "ab", "--out", out.toString(), "--keep-bias", "2");
        assertFalse(Files.exists(out));
    }

    @Test
    void compareAndCompareCellsTogetherAreRefused() throws IOException {
        fails("--compare-cells", "--model", lstm.toString(), "--text", "ab", "--out", out.toString(),
                "--compare", lstm.toString(), "--compare-cells");
        assertFalse(Files.exists(out));
    }

    @Test
    void anEmptyListOfFormatsIsRefused() throws IOException {
        fails("--formats", "--model", lstm.toString(), "--text", "ab", "--out", out.toString(), "--formats", ",");
        assertFalse(Files.exists(out), "no empty folder is made");
    }

    @Test
    void oneTokenIsDrawnWithTheSumOfTheLastStateAsTraceDoes() throws IOException {
        Run r = run("--model", lstm.toString(), "--text", "a", "--out", out.toString(), "--formats", "svg");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(out.resolve("gradient.svg")).contains("L = sum of h[T-1]"),
                "one token has no next token: the chart names the sum it differentiates");
    }
}
