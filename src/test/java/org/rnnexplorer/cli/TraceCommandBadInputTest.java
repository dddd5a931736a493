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
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnexplorer.io.ModelFile;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.RnnModel;

/**
 * Every bad input of {@code trace}: one line on stderr naming the file and the problem, exit code 2, no stack trace,
 * and no output file.
 */
class TraceCommandBadInputTest {
    @TempDir
    Path dir;
    Path out;
    Path textModel;
    Path numericModel;
    String textJson;

    /** A model with random weights: one-hot over {@code vocabulary} (or {@code inputSize} numbers) and a head. */
    static RnnModel model(CellType cell, int layers, int hidden, List<String> vocabulary, int inputSize, boolean head) {
        int in = vocabulary != null ? vocabulary.size() : inputSize;
        int outputs = head ? (vocabulary != null ? vocabulary.size() : 2) : 0;
        RnnModel m = RnnModel.zeros(cell, in, hidden, layers, 0, outputs, vocabulary, vocabulary == null ? null : "char");
        Random r = new Random(5);
        for (DMatrixRMaj p : m.namedParameters().values())
            for (int i = 0; i < p.data.length; i++) p.data[i] = r.nextGaussian() * 0.5;
        return m;
    }

    @BeforeEach
    void files() throws IOException {
        out = dir.resolve("trace.json");
        textModel = dir.resolve("text-model.json");
        ModelFile.write(model(CellType.LSTM, 2, 4, List.of("a", "b", "c", " "), 0, true), textModel);
        textJson = Files.readString(textModel);
        numericModel = dir.resolve("series-model.json");
        ModelFile.write(model(CellType.GRU, 1, 3, null, 2, false), numericModel);
    }

    /** Runs trace and checks the common error behaviour; returns the one line on stderr. */
    private String fails(String named, String... args) {
        StringWriter o = new StringWriter(), e = new StringWriter();
        List<String> all = new ArrayList<>(List.of("trace"));
        all.addAll(List.of(args));
        all.addAll(List.of("--out", out.toString()));
        int code = Main.run(new PrintWriter(o), new PrintWriter(e), all.toArray(new String[0]));
        String err = e.toString();
        assertEquals(2, code, "exit code; stderr: " + err);
        List<String> lines = err.lines().toList();
        assertEquals(1, lines.size(), "one line on stderr: " + err);
        String line = lines.get(0);
        assertTrue(line.contains(named), "names " + named + ": " + line);
        assertFalse(line.contains("Exception") || line.contains("at org."), "no stack trace: " + line);
        assertFalse(Files.exists(out), "no output file");
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        } catch (IOException ex) {
            throw new RuntimeException(ex);
        }
        return line;
    }

    private Path file(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        return f;
    }

    private String badModel(String content, String problemPart) throws IOException {
        Path f = file("bad-model.json", content);
        String line = fails("bad-model.json", "--model", f.toString(), "--text", "ab c");
        assertTrue(line.startsWith(f + ": "), line);
        assertTrue(line.contains(problemPart), line);
        return line;
    }

    @Test
    void truncatedModel() throws IOException {
        badModel(textJson.substring(0, textJson.length() / 3), "truncated: the JSON ends at line ");
    }

    @Test
    void nonJsonModel() throws IOException {
        badModel("<html>not a model</html>", "not valid JSON at line 1, column 1: Unexpected character ('<' (code 60))");
    }

    @Test
    void unknownCell() throws IOException {
        badModel(textJson.replace("\"cell\": \"lstm\"", "\"cell\": \"lstmx\""), "unknown cell \"lstmx\"");
    }

    @Test
    void missingParameter() throws IOException {
        String json = textJson.replaceAll("(?s)\"rnn\\.bias_hh_l0\": \\[[^\\]]*\\],", "");
        badModel(json, "rnn.bias_hh_l0 is missing");
    }

    @Test
    void misshapenParameter() throws IOException {
        String json = textJson.replaceFirst("(\"rnn\\.weight_hh_l0\": \\[\\n)\\s*\\[[^\\]]*\\],\\n", "$1");
        badModel(json, "rnn.weight_hh_l0 has 15 rows, expected 16");
    }

    @Test
    void nanAndInfinityInTheModel() throws IOException {
        String key = "\"rnn.weight_ih_l1\": [\n      [";
        int at = textJson.indexOf(key) + key.length();
        int end = textJson.indexOf(',', at);
        badModel(textJson.substring(0, at) + "NaN" + textJson.substring(end), "rnn.weight_ih_l1[0][0] is NaN");
        badModel(textJson.substring(0, at) + "-Infinity" + textJson.substring(end), "rnn.weight_ih_l1[0][0] is -Infinity");
    }

    @Test
    void wrongSizes() throws IOException {
        badModel(textJson.replace("\"inputSize\": 4", "\"inputSize\": 5"),
                "\"inputSize\" is 5 but the vocabulary has 4 entries");
        badModel(textJson.replace("\"hiddenSize\": 4", "\"hiddenSize\": 3"), "rnn.weight_ih_l0 has 16 rows, expected 12");
    }

    @Test
    void layerCountTheParametersDoNotHave() throws IOException {
        badModel(textJson.replace("\"layers\": 2", "\"layers\": 3"), "\"layers\" is 3 but there are no parameters for layer 2");
        badModel(textJson.replace("\"layers\": 2", "\"layers\": 1"), "\"layers\" is 1 but the file has parameters for layer 1");
    }

    @Test
    void futureFormatVersion() throws IOException {
        badModel(textJson.replace("\"version\": 1", "\"version\": 2"),
                "written by a newer RNN Explorer (version 2); this one reads version 1");
    }

    @Test
    void missingModelFile() {
        Path missing = dir.resolve("no-model.json");
        assertEquals(missing + ": no such file", fails("no-model.json", "--model", missing.toString(), "--text", "abc"));
    }

    private String badCsv(String content, String problem) throws IOException {
        Path csv = file("x.csv", content);
        String line = fails("x.csv", "--model", numericModel.toString(), "--input", csv.toString());
        assertTrue(line.startsWith(csv.toString()), line);
        assertTrue(line.endsWith(problem), line);
        return line;
    }

    @Test
    void raggedCsv() throws IOException {
        badCsv("a,b\n1,2\n3,4\n5\n", ":4: has 1 numbers, expected 2 as on line 2");
    }

    @Test
    void nonNumericCsv() throws IOException {
        badCsv("1,2\n3,four\n", ":2: field 2 is not a number: \"four\"");
        badCsv("1,2\n3,\n", ":2: field 2 is empty");
        badCsv("1,2\nNaN,4\n", ":2: field 1 is NaN; only finite numbers are allowed");
        badCsv("1,2\n3,-inf\n", ":2: field 2 is -inf; only finite numbers are allowed");
    }

    @Test
    void emptyCsv() throws IOException {
        badCsv("", ": the file is empty (no rows of numbers)");
        badCsv("\n  \n", ": the file is empty (no rows of numbers)");
        badCsv("x,y\n", ": has a header but no rows of numbers");
    }

    @Test
    void csvOfTheWrongWidth() throws IOException {
        badCsv("1,2,3\n", ": rows have 3 numbers, but the model takes inputSize 2");
    }

    @Test
    void missingCsv() {
        Path csv = dir.resolve("nowhere.csv");
        assertEquals(csv + ": no such file", fails("nowhere.csv", "--model", numericModel.toString(), "--input", csv.toString()));
    }

    @Test
    void emptyText() {
        assertEquals("--text is empty", fails("--text", "--model", textModel.toString(), "--text", ""));
        assertEquals("--text has no word tokens", fails("--text", "--model", wordModel(), "--text", " \n "));
    }

    private String wordModel() {
        Path f = dir.resolve("word-model.json");
        try {
            Files.writeString(f, textJson.replace("\"tokenizer\": \"char\"", "\"tokenizer\": \"word\""));
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
        return f.toString();
    }

    @Test
    void textOutsideTheVocabulary() {
        String line = fails("text-model.json", "--model", textModel.toString(), "--text", "abz cx\nz");
        assertEquals(textModel + ": --text has characters outside the model's vocabulary: \"z\" at 2, 7; \"x\" at 5; "
                + "\"\\n\" at 6 (positions count characters from 0)", line);
    }

    @Test
    void inputOfTheWrongKind() throws IOException {
        assertTrue(fails("series-model.json", "--model", numericModel.toString(), "--text", "abc")
                .contains("the model has no vocabulary, so it cannot read --text"));
        Path csv = file("x.csv", "1,2,3,4\n");
        assertTrue(fails("text-model.json", "--model", textModel.toString(), "--input", csv.toString())
                .contains("the model reads tokens (a vocabulary of 4), not numbers; give --text"));
    }

    @Test
    void gradSeedOfTheWrongLength() throws IOException {
        Path seed = file("v.csv", "1,0,0\n");
        assertEquals(seed + ": has 3 numbers, expected hiddenSize 4",
                fails("v.csv", "--model", textModel.toString(), "--text", "abc", "--grad-seed", seed.toString()));
        Path two = file("v2.csv", "1,0,0,0\n0,1,0,0\n");
        assertEquals(two + ": has 2 rows; a gradient seed is one row of hiddenSize 4 numbers",
                fails("v2.csv", "--model", textModel.toString(), "--text", "abc", "--grad-seed", two.toString()));
    }

    @Test
    void anOutputFolderThatDoesNotExist() {
        Path target = dir.resolve("missing-folder").resolve("t.json");
        StringWriter e = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(e), "trace", "--model",
                textModel.toString(), "--text", "abc", "--out", target.toString());
        assertEquals(2, code);
        assertEquals(target + ": cannot write: the folder does not exist", e.toString().strip());
    }

    @Test
    void anOutputPathUnderAFileSaysTheFileIsNotAFolder() throws IOException {
        Path blocker = file("notes.txt", "a file");
        Path target = blocker.resolve("t.json");
        StringWriter e = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(e), "trace", "--model",
                textModel.toString(), "--text", "abc", "--out", target.toString());
        assertEquals(2, code);
        assertEquals(target + ": cannot write: notes.txt is a file, not a folder", e.toString().strip());
        e = new StringWriter();
        code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(e), "train", "--task", "recall",
                "--steps", "1", "--quiet", "--out", target.toString());
        assertEquals(2, code);
        assertEquals(target + ": " + blocker.toAbsolutePath() + " is a file, not a folder", e.toString().strip());
        assertEquals("a file", Files.readString(blocker));
    }

    @Test
    void textLongerThanTheStepLimit() {
        String text = "ab c".repeat(50_000) + "a"; // 200,001 characters
        assertEquals("--text: 200,001 characters; the limit is 200,000 steps per trace (InputLimits.MAX_STEPS); shorten the input",
                fails("--text", "--model", textModel.toString(), "--text", text));
    }

    @Test
    void csvLongerThanTheStepLimit() throws IOException {
        Path csv = file("long.csv", "0.5,1\n".repeat(200_001));
        assertEquals(csv + ": 200,001 rows; the limit is 200,000 steps per trace (InputLimits.MAX_STEPS); shorten the input",
                fails("long.csv", "--model", numericModel.toString(), "--input", csv.toString()));
    }

    /** Within the step limit, but far too long for a JSON trace: refused before any work, pointing to npz. */
    @Test
    void aTraceTooLongForJson() throws IOException {
        Path wide = dir.resolve("wide.json");
        ModelFile.write(model(CellType.LSTM, 1, 256, null, 1, false), wide);
        Path csv = file("steps.csv", "0.5\n".repeat(190_000));
        String line = fails("steps.csv", "--model", wide.toString(), "--input", csv.toString());
        assertEquals(csv + ": 190,000 steps make 389,310,000 numbers (about 7,425 MB of JSON); JSON traces hold at "
                + "most 10,000,000: use --format npz (or an --out ending in .npz)", line);
    }
}
