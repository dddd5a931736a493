package org.rnnexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnexplorer.io.ModelFile;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.RnnModel;

/**
 * What a hostile user tried on every command (issue 14): each attempt ends with one line on stderr naming the option
 * or file and what is wrong, exit code 2, the inputs untouched and nothing written — or, where the attempt is fair,
 * it works.
 */
class HostileInputTest {
    @TempDir
    Path dir;
    Path model;
    Path numeric;
    Path csv;
    Path seed;

    private record Run(int code, String out, String err) {
        /** The one line on stderr of a refused command. */
        String refusal() {
            assertEquals(2, code, "exit code; stderr: " + err + " stdout: " + out);
            List<String> lines = err.lines().toList();
            assertEquals(1, lines.size(), "one line on stderr: " + err);
            assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace: " + err);
            return lines.get(0);
        }
    }

    private static Run run(String... args) {
        StringWriter o = new StringWriter(), e = new StringWriter();
        int code = Main.run(new PrintWriter(o), new PrintWriter(e), args);
        return new Run(code, o.toString(), e.toString());
    }

    private String s(Path p) {
        return p.toString();
    }

    @BeforeEach
    void files() throws IOException {
        model = dir.resolve("m.json");
        ModelFile.write(TraceCommandBadInputTest.model(CellType.LSTM, 1, 4, List.of("a", "b", "c"), 0, true), model);
        numeric = dir.resolve("num.json");
        ModelFile.write(TraceCommandBadInputTest.model(CellType.GRU, 1, 3, null, 2, false), numeric);
        csv = dir.resolve("x.csv");
        Files.writeString(csv, "0.1,0.2\n0.3,0.4\n");
        seed = dir.resolve("g.csv");
        Files.writeString(seed, "1,2,3\n");
    }

    private List<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    // --- the same file as input and output -----------------------------------------------------------------------

    @Test
    void anOutputThatIsAnInputIsRefusedAndTheInputStays() throws IOException {
        String csvBefore = Files.readString(csv);
        String modelBefore = Files.readString(model);
        String seedBefore = Files.readString(seed);
        String line = run("trace", "--model", s(numeric), "--input", s(csv), "--out", s(csv)).refusal();
        assertEquals("--out " + csv + " is the same file as --input " + csv + "; writing it would overwrite the input"
                + " (give another --out)", line);
        assertTrue(run("trace", "--model", s(model), "--text", "ab", "--out", s(model)).refusal()
                .startsWith("--out " + model + " is the same file as --model"));
        assertTrue(run("trace", "--model", s(numeric), "--input", s(csv), "--grad-seed", s(seed), "--out", s(seed))
                .refusal().contains("is the same file as --grad-seed"));
        // a relative and an absolute spelling, and a path through "..": still the same file
        Path cwd = Path.of("").toAbsolutePath();
        Path relative = cwd.relativize(model.toAbsolutePath());
        Path detour = dir.resolve("sub").resolve("..").resolve("m.json");
        Files.createDirectory(dir.resolve("sub"));
        assertTrue(run("trace", "--model", s(relative), "--text", "ab", "--out", s(detour)).refusal()
                .contains("is the same file as --model"));
        // through a symbolic link, either way round
        Path link = dir.resolve("link.json");
        Files.createSymbolicLink(link, model);
        assertTrue(run("trace", "--model", s(link), "--text", "ab", "--out", s(model)).refusal()
                .contains("is the same file as --model " + link));
        assertTrue(run("trace", "--model", s(model), "--text", "ab", "--out", s(link)).refusal()
                .contains("is the same file as --model " + model));
        assertEquals(csvBefore, Files.readString(csv));
        assertEquals(modelBefore, Files.readString(model));
        assertEquals(seedBefore, Files.readString(seed));
    }

    @Test
    void trainDoesNotOverwriteItsTrainingText() throws IOException {
        Path text = dir.resolve("w.txt");
        Files.writeString(text, "abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc\n");
        String line = run("train", "--task", "text", "--file", s(text), "--steps", "1", "--quiet", "--out",
                s(dir.resolve(".").resolve("w.txt"))).refusal();
        assertTrue(line.contains("is the same file as --file " + text), line);
        assertTrue(Files.readString(text).startsWith("abc abc"));
    }

    @Test
    void sweepRefusesOneFileForTheTableAndThePlotBeforeTraining() throws IOException {
        Path svg = dir.resolve("s.svg");
        Run r = run("sweep", "--delays", "3", "--cells", "rnn", "--csv", s(svg), "--plot", s(svg));
        assertEquals("--csv " + svg + " and --plot " + svg + " are the same file; give two names", r.refusal());
        assertEquals("", r.out(), "refused before the sweep");
        assertFalse(Files.exists(svg));
    }

    @Test
    void exportIntoTheFolderOfItsInputsIsFineButNotOverAnInput() throws IOException {
        Path folder = dir.resolve("plots");
        Files.createDirectory(folder);
        Path inFolder = folder.resolve("trace.json"); // a model file that happens to have the name export writes
        Files.copy(model, inFolder);
        String before = Files.readString(inFolder);
        String line = run("export", "--model", s(inFolder), "--text", "abc", "--formats", "json", "--out", s(folder))
                .refusal();
        assertTrue(line.contains("is the same file as --model " + inFolder), line);
        assertEquals(before, Files.readString(inFolder));
        assertEquals(List.of("trace.json"), names(folder), "nothing else written");
        Run ok = run("export", "--model", s(inFolder), "--text", "abc", "--formats", "csv", "--out", s(folder));
        assertEquals(0, ok.code(), ok.err());
        assertEquals(List.of("trace.csv", "trace.json"), names(folder));
    }

    // --- duplicate series ------------------------------------------------------------------------------------------

    @Test
    void twoModelsOfOneCellAreComparedUnderTheirFileNames() throws IOException {
        Path other = dir.resolve("other.json");
        ModelFile.write(TraceCommandBadInputTest.model(CellType.LSTM, 1, 4, List.of("a", "b", "c"), 0, true), other);
        Path out = dir.resolve("cmp");
        Run r = run("export", "--model", s(model), "--compare", s(other), "--text", "abcab", "--formats", "svg",
                "--out", s(out));
        assertEquals(0, r.code(), r.err());
        String svg = Files.readString(out.resolve("gradient-compare.svg"));
        assertTrue(svg.contains("LSTM, m.json") && svg.contains("LSTM, other.json"), "both series named by file");
    }

    @Test
    void aModelComparedWithItselfOrTwiceIsRefused() {
        Path out = dir.resolve("cmp");
        assertEquals("--compare " + model + " is --model itself; compare other models",
                run("export", "--model", s(model), "--compare", s(model), "--text", "abc", "--out", s(out)).refusal());
        Path other = dir.resolve("other.json");
        assertEquals("--compare: " + numeric + " is given twice", run("export", "--model", s(model), "--compare",
                s(numeric) + "," + s(numeric), "--text", "abc", "--out", s(out)).refusal());
        assertFalse(Files.exists(out), "no folder left behind");
        assertFalse(Files.exists(other));
    }

    @Test
    void aUnitGivenTwiceIsRefused() {
        Path out = dir.resolve("plots");
        assertEquals("--units: unit 1 is given twice",
                run("export", "--model", s(model), "--text", "abc", "--units", "1,2,1", "--out", s(out)).refusal());
        assertFalse(Files.exists(out));
    }

    @Test
    void aSweepOfACellOrADelayTwiceIsRefusedBeforeAnythingIsWritten() {
        Path table = dir.resolve("s.csv");
        Path plot = dir.resolve("s.png");
        Run cells = run("sweep", "--cells", "gru,gru", "--delays", "2", "--csv", s(table), "--plot", s(plot));
        assertEquals("--cells: gru is given twice", cells.refusal());
        Run delays = run("sweep", "--cells", "gru", "--delays", "2,2");
        assertEquals("--delays: 2 is given twice", delays.refusal());
        assertEquals("", cells.out() + delays.out(), "no table printed");
        assertFalse(Files.exists(table) || Files.exists(plot));
    }

    // --- non-finite results --------------------------------------------------------------------------------------

    /** An LSTM whose h saturates at tanh(1) ≈ 0.76 per unit (every gate bias 30), with the given head. */
    private Path saturated(String name, double headWeight, double headBias) {
        RnnModel m = TraceCommandBadInputTest.model(CellType.LSTM, 1, 4, List.of("a", "b", "c"), 0, true);
        var p = m.namedParameters();
        Arrays.fill(p.get("rnn.weight_ih_l0").data, 0);
        Arrays.fill(p.get("rnn.weight_hh_l0").data, 0);
        Arrays.fill(p.get("rnn.bias_ih_l0").data, 30);
        Arrays.fill(p.get("rnn.bias_hh_l0").data, 0);
        DMatrixRMaj w = p.get("head.weight");
        Arrays.fill(w.data, headWeight);
        Arrays.fill(p.get("head.bias").data, headBias);
        Path f = dir.resolve(name);
        ModelFile.write(m, f);
        return f;
    }

    @Test
    void aGradientSeedThatOverflowsIsAnErrorNotNulls() throws IOException {
        Path big = dir.resolve("big.csv");
        Files.writeString(big, "1e308,1e308,1e308,1e308\n");
        Path m = saturated("s.json", 0.1, 0);
        Path out = dir.resolve("t.json");
        String line = run("trace", "--model", s(m), "--text", "abc", "--grad-seed", s(big), "--out", s(out)).refusal();
        assertTrue(line.startsWith("--grad-seed " + big + ": ") && line.contains("infinity")
                && line.endsWith("nothing written"), line);
        assertFalse(Files.exists(out));
        Path plots = dir.resolve("plots");
        assertTrue(run("export", "--model", s(m), "--text", "abc", "--grad-seed", s(big), "--out", s(plots))
                .refusal().startsWith("--grad-seed " + big + ": "));
        assertFalse(Files.exists(plots));
    }

    @Test
    void headWeightsThatOverflowAreAnErrorNotNulls() {
        Path m = saturated("huge-head.json", 1e308, 1e308);
        Path out = dir.resolve("t.json");
        String line = run("trace", "--model", s(m), "--text", "abc", "--out", s(out)).refusal();
        assertEquals("--model " + m + ": the probability of token 0 at step 0 is not a number (NaN) (a float64"
                + " overflow: its numbers are too large to run); nothing written", line);
        assertFalse(Files.exists(out));
    }

    // --- paths -----------------------------------------------------------------------------------------------------

    @Test
    void anEmptyPathNamesItsOption() {
        assertEquals("Invalid value for option '--model': the path is empty",
                run("trace", "--model", "", "--text", "ab", "--out", s(dir.resolve("t.json"))).refusal());
        assertEquals("Invalid value for option '--out': the path is empty",
                run("trace", "--model", s(model), "--text", "ab", "--out", "").refusal());
        assertEquals("Invalid value for option '--out': the path is empty",
                run("export", "--model", s(model), "--text", "ab", "--out", "").refusal());
    }

    @Test
    void aFileOutputEndingInASeparatorIsRefusedAsAFolder() throws IOException {
        String folderLike = dir.resolve("newname") + "/";
        assertEquals("Invalid value for option '--out': '" + folderLike + "' ends in /, which names a folder; give a"
                + " file name", run("trace", "--model", s(model), "--text", "ab", "--out", folderLike).refusal());
        assertEquals(List.of("g.csv", "m.json", "num.json", "x.csv"), names(dir), "no file 'newname'");
        assertTrue(run("trace", "--model", model + "/", "--text", "ab", "--out", s(dir.resolve("t.json"))).refusal()
                .contains("which names a folder"));
    }

    @Test
    void aNewlineOrAnEscapeInAPathIsShownEscapedOnOneLine() {
        Path odd = dir.resolve("no\nsuch\u001b[31m.json");
        String line = run("trace", "--model", s(odd), "--text", "ab", "--out", s(dir.resolve("t.json"))).refusal();
        assertEquals(dir.resolve("no") + "\\nsuch\\u001B[31m.json: no such file", line);
        String out = run("trace", "--model", s(model), "--text", "ab", "--out", dir.resolve("a\nb") + "/t.json")
                .refusal();
        assertTrue(out.contains("a\\nb"), out);
    }

    @Test
    void aNameOfUpTo255BytesCanBeWritten() throws IOException {
        String ascii = "a".repeat(250) + ".json"; // 255 bytes: the temporary name is cut to fit
        Run r = run("trace", "--model", s(model), "--text", "ab", "--out", s(dir.resolve(ascii)));
        assertEquals(0, r.code(), r.err());
        String accented = "é".repeat(125) + ".json"; // 250 characters, 255 bytes of UTF-8
        assertEquals(255, accented.getBytes(StandardCharsets.UTF_8).length);
        Run u = run("trace", "--model", s(model), "--text", "ab", "--out", s(dir.resolve(accented)));
        assertEquals(0, u.code(), u.err());
        assertTrue(names(dir).containsAll(List.of(ascii, accented)));
        assertTrue(names(dir).stream().noneMatch(n -> n.endsWith(".tmp")));
    }

    @Test
    @org.junit.jupiter.api.condition.EnabledOnOs(org.junit.jupiter.api.condition.OS.LINUX)
    void aPipeOrADeviceIsNotReplacedByTheOutput() throws Exception {
        Path fifo = dir.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        String line = run("trace", "--model", s(model), "--text", "ab", "--out", s(fifo)).refusal();
        assertEquals(fifo + ": cannot write: it is not a regular file (a device, a pipe or a socket), and writing would"
                + " replace it; give a file name", line);
        assertTrue(run("train", "--task", "recall", "--steps", "1", "--quiet", "--out", s(fifo)).refusal()
                .contains("is not a regular file"));
        Path folder = Files.createDirectory(dir.resolve("plots"));
        Path csvPipe = folder.resolve("trace.csv");
        assertEquals(0, new ProcessBuilder("mkfifo", csvPipe.toString()).start().waitFor());
        assertTrue(run("export", "--model", s(model), "--text", "ab", "--formats", "csv", "--out", s(folder)).refusal()
                .startsWith(csvPipe + ": cannot write: it is not a regular file"));
        for (Path p : List.of(fifo, csvPipe)) assertTrue(Files.exists(p) && !Files.isRegularFile(p), "still a pipe: " + p);
    }

    // --- limits and options that do not apply ----------------------------------------------------------------------

    @Test
    void benchRepetitionsHaveLimits() {
        assertEquals("--reps must be 1..1000, got 99999999", run("bench", "--reps", "99999999").refusal());
        assertEquals("--warmup must be 0..10000, got 99999999", run("bench", "--warmup", "99999999").refusal());
    }

    @Test
    void aNegativeClipIsRefusedSayingHowToTurnClippingOff() {
        assertEquals("--clip must be 0 or more (0 turns clipping off), got -1.0",
                run("train", "--task", "recall", "--clip", "-1", "--steps", "1", "--quiet").refusal());
    }

    @Test
    void aTrainingTextThatIsNotUtf8IsRefused() throws IOException {
        Path text = dir.resolve("latin1.txt");
        Files.write(text, "caf\u00e9 au lait, caf\u00e9 noir, caf\u00e9 cr\u00e8me".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(text + ": is not a UTF-8 text file",
                run("train", "--task", "text", "--file", s(text), "--steps", "1", "--quiet").refusal());
    }

    @Test
    void anOptionForAnotherTaskIsRefusedNotIgnored() {
        assertEquals("--delay does not apply to --task adding (it is for recall)",
                run("train", "--task", "adding", "--delay", "5", "--steps", "1", "--quiet").refusal());
        assertEquals("--length does not apply to --task recall (it is for adding, sine, brackets, text)",
                run("train", "--task", "recall", "--length", "5", "--steps", "1", "--quiet").refusal());
        assertEquals("--file does not apply to --task recall (it is for text)",
                run("train", "--task", "recall", "--file", s(csv), "--steps", "1", "--quiet").refusal());
        assertTrue(run("train", "--task", "recall", "--cell", "rnn", "--forget-bias", "3", "--steps", "1", "--quiet")
                .refusal().startsWith("--forget-bias does not apply to --cell rnn"));
        assertTrue(run("train", "--task", "recall", "--eval-every", "5", "--steps", "1", "--quiet").refusal()
                .startsWith("--eval-every does not apply without --until-solved"));
        assertTrue(run("bench", "--protocol", "train", "--input-size", "5").refusal()
                .startsWith("--input-size does not apply to --protocol train"));
    }
}
