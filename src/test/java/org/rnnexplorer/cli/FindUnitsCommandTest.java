package org.rnnexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnexplorer.data.tasks.BracketsTask;
import org.rnnexplorer.io.ModelFile;
import org.rnnexplorer.model.CellType;

/** {@code find-units} on the bundled bracket LSTM, and every mistake a user can make with it. */
class FindUnitsCommandTest {
    private static final String MODEL = "resources/models/brackets-lstm.json";

    @TempDir
    Path dir;
    Path text;
    Path out;

    private record Run(int code, String out, String err) {
    }

    @BeforeEach
    void files() throws IOException {
        text = dir.resolve("brackets.txt");
        Files.writeString(text, BracketsTask.text(new Random(123), 3000).substring(0, 3000));
        out = dir.resolve("ranking.csv");
    }

    private static Run run(String... args) {
        StringWriter o = new StringWriter(), e = new StringWriter();
        List<String> all = new ArrayList<>(List.of("find-units"));
        all.addAll(List.of(args));
        int code = Main.run(new PrintWriter(o), new PrintWriter(e), all.toArray(new String[0]));
        return new Run(code, o.toString(), e.toString());
    }

    /** The common error behaviour: code 2, one line naming {@code named}, no stack trace, no output file. */
    private String fails(String named, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--out", out.toString()));
        Run r = run(all.toArray(new String[0]));
        assertEquals(2, r.code(), "exit code; stderr: " + r.err());
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), "one line on stderr: " + r.err());
        String line = lines.get(0);
        assertTrue(line.contains(named), "names " + named + ": " + line);
        assertFalse(line.contains("Exception") || line.contains("at org."), "no stack trace: " + line);
        assertFalse(Files.exists(out), "no output file");
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
        return line;
    }

    @Test
    void theRankingCsvPutsCellUnit29FirstForBracketDepth() throws IOException {
        Run r = run("--model", MODEL, "--text-file", text.toString(), "--hypothesis", "bracket-depth", "--top", "10",
                "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> csv = Files.readAllLines(out);
        assertEquals("rank,layer,quantity,unit,series,correlation,precision,recall,on_steps", csv.get(0));
        assertEquals(11, csv.size(), "a header and the 10 best");
        String[] best = csv.get(1).split(",");
        assertEquals(List.of("1", "0", "c", "29", "l0.c.29"), List.of(best).subList(0, 5));
        assertTrue(Double.parseDouble(best[5]) < -0.9, "r = " + best[5]);
        double precision = Double.parseDouble(best[6]), recall = Double.parseDouble(best[7]);
        assertTrue(precision > 0.5 && precision <= 1 && recall > 0.5 && recall <= 1, csv.get(1));
        for (int i = 2; i < csv.size(); i++)
            assertTrue(Math.abs(Double.parseDouble(csv.get(i - 1).split(",")[5]))
                    >= Math.abs(Double.parseDouble(csv.get(i).split(",")[5])), "best |r| first");
        assertTrue(r.out().startsWith(out + ": 192 series of brackets-lstm.json over 3000 characters ranked against "
                + "bracket-depth"), r.out());
        assertTrue(r.out().lines().skip(1).findFirst().orElseThrow().contains("l0.c.29"), r.out());
    }

    @Test
    void aRegexForQuotedStretchesFindsTheQuoteUnitAndTheCsvGoesToStdoutWithoutOut() {
        Run r = run("--model", MODEL, "--text-file", text.toString(), "--regex", "\"[a-z ]*\"", "--top", "3");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(4, lines.size(), r.out());
        assertTrue(lines.get(1).startsWith("1,0,c,8,l0.c.8,"), lines.get(1));
    }

    @Test
    void theSummaryCountsUnitsPerBuiltInHypothesis() throws IOException {
        Run r = run("--model", MODEL, "--text-file", text.toString(), "--summary", "--min-correlation", "0.75",
                "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> csv = Files.readAllLines(out);
        assertEquals("hypothesis,min_correlation,passing,best_series,best_correlation,best_precision,best_recall,constant",
                csv.get(0));
        assertEquals(10, csv.size(), "one row per built-in hypothesis");
        String[] depth = csv.get(1).split(","), quotes = csv.get(2).split(","), digit = csv.get(8).split(",");
        assertEquals("bracket-depth", depth[0]);
        assertEquals("l0.c.29", depth[3]);
        assertTrue(Integer.parseInt(depth[2]) >= 2, "c.29 and h.29 pass 0.75: " + csv.get(1));
        assertEquals("l0.c.8", quotes[3]);
        assertEquals(List.of("digit", "0.75", "0"), List.of(digit).subList(0, 3));
        assertEquals("true", digit[7], "no digits in the text");
        assertTrue(r.out().contains("digit          constant on this text"), r.out());
    }

    @Test
    void aMarkedRangeIsScored() {
        Run r = run("--model", MODEL, "--text-file", text.toString(), "--range", "100:200", "--top", "1");
        assertEquals(0, r.code(), r.err());
        assertEquals(2, r.out().lines().count(), r.out());
    }

    @Test
    void anUnknownHypothesisListsTheNames() throws IOException {
        String line = fails("--hypothesis", "--model", MODEL, "--text-file", text.toString(), "--hypothesis", "depth");
        assertEquals("--hypothesis: unknown hypothesis 'depth'; the names are bracket-depth, inside-quotes, line-position, "
                + "word-start, word-end, vowel, uppercase, digit, newline-next", line);
    }

    @Test
    void aBadRegexSaysWhereItIsWrong() throws IOException {
        String line = fails("--regex", "--model", MODEL, "--text-file", text.toString(), "--regex", "(ab");
        assertEquals("--regex: bad regular expression \"(ab\": Unclosed group at index 3 (indices count from 0)", line);
    }

    @Test
    void aTextOutsideTheVocabularyNamesTheFileAndTheCharacters() throws IOException {
        Files.writeString(text, "so (we say) Hi to the dog, 42 times.");
        String line = fails("brackets.txt", "--model", MODEL, "--text-file", text.toString(), "--hypothesis", "vowel");
        assertTrue(line.startsWith(text + ": has characters outside the model's vocabulary: \"H\" at 12; \",\" at 25;"
                + " \"4\" at 27"), line);
    }

    @Test
    void aHypothesisThatNeverChangesIsRefused() throws IOException {
        String line = fails("brackets.txt", "--model", MODEL, "--text-file", text.toString(), "--hypothesis", "digit");
        assertEquals(text + ": digit is 0 at every one of the 3000 characters, so no unit can follow it", line);
    }

    @Test
    void badOptionsAreOneLine() throws IOException {
        String[] base = {"--model", MODEL, "--text-file", text.toString()};
        fails("--top", concat(base, "--hypothesis", "vowel", "--top", "0"));
        fails("--threshold", concat(base, "--hypothesis", "vowel", "--threshold", "NaN"));
        fails("--min-correlation", concat(base, "--summary", "--min-correlation", "2"));
        fails("--limit", concat(base, "--hypothesis", "vowel", "--limit", "300000"));
        fails("--range", concat(base, "--range", "20:10"));
        fails("--range", concat(base, "--range", "ten:20"));
        fails("--range", concat(base, "--range", "0:3001"));
        fails("--hypothesis", concat(base, "--hypothesis", "vowel", "--regex", "a"));
        fails("missing.txt", "--model", MODEL, "--text-file", dir.resolve("missing.txt").toString(), "--summary");
        Files.writeString(text, "");
        fails("brackets.txt", concat(base, "--summary"));
    }

    @Test
    void aModelThatReadsNumbersIsRefused() throws IOException {
        Path numeric = dir.resolve("numeric.json");
        ModelFile.write(TraceCommandBadInputTest.model(CellType.GRU, 1, 3, null, 2, false), numeric);
        String line = fails("numeric.json", "--model", numeric.toString(), "--text-file", text.toString(), "--summary");
        assertEquals(numeric + ": the model reads numbers, not text (it has no vocabulary)", line);
    }

    @Test
    void aLongTextNeedsALimit() throws IOException {
        Files.writeString(text, "ab ".repeat(70_000));
        String line = fails("--limit", "--model", MODEL, "--text-file", text.toString(), "--hypothesis", "vowel");
        assertEquals(text + ": has more than 200,000 characters, the most one trace may have (InputLimits.MAX_STEPS);"
                + " give --limit N to use the first N", line);
        Run r = run("--model", MODEL, "--text-file", text.toString(), "--hypothesis", "vowel", "--limit", "600",
                "--top", "1", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("over 600 characters"), r.out());
    }

    private static String[] concat(String[] a, String... b) {
        List<String> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        return all.toArray(new String[0]);
    }
}
