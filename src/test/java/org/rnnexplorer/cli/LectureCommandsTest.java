package org.rnnexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnexplorer.data.Vocabulary;
import org.rnnexplorer.io.ModelFile;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.ForwardPass;
import org.rnnexplorer.model.InputBatch;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.model.Trace;

/** The commands of the lecture: {@code race}, {@code generate} and {@code connectivity}. */
class LectureCommandsTest {
    private static final String BRACKETS = "resources/models/brackets-lstm.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
        List<String> lines() {
            return out.strip().lines().toList();
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    private static void assertOneLineError(Run r, String expected) {
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void raceprintsOneSummaryPerCellThenItsSecondsAndWritesTheThreeModels() throws Exception {
        Run r = run("race", "--task", "recall", "--delay", "3", "--hidden", "8", "--steps", "30", "--batch", "8",
                "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.lines();
        assertEquals(4, lines.size(), r.out());
        List<String> cells = List.of("rnn", "lstm", "gru");
        for (int i = 0; i < 3; i++) {
            JsonNode s = JSON.readTree(lines.get(i));
            assertEquals(cells.get(i), s.get("cell").asText());
            assertEquals("recall", s.get("task").asText());
            assertEquals(30, s.get("steps").asInt());
            assertTrue(s.get("accuracy").isNumber() && s.get("loss").isNumber());
            RnnModel m = ModelFile.read(dir.resolve("race-" + cells.get(i) + ".json"));
            assertEquals(CellType.fromId(cells.get(i)), m.cell());
            assertEquals(8, m.hiddenSize());
            Map<?, ?> training = (Map<?, ?>) m.metadata().get("training");
            assertTrue(((String) training.get("command")).startsWith("rnn-explorer race --task recall"));
        }
        JsonNode total = JSON.readTree(lines.get(3));
        assertEquals("parallel", total.get("race").asText());
        assertEquals(3, total.get("threads").asInt());
        assertTrue(total.get("seconds").asDouble() >= 0, "the wall time is reported (to 0.01 s)");
        for (String c : cells) assertTrue(r.err().contains(c + " 30/30"), "progress of " + c + ": " + r.err());
    }

    @Test
    void oneAfterAnotherGivesTheSameRunsOnOneThread() throws Exception {
        String[] args = {"--task", "recall", "--delay", "3", "--hidden", "6", "--steps", "20", "--batch", "4", "--quiet"};
        Run parallel = run(concat(new String[] {"race"}, args));
        Run serial = run(concat(new String[] {"race", "--one-after-another"}, args));
        assertEquals(0, serial.code(), serial.err());
        for (int i = 0; i < 3; i++) {
            JsonNode a = JSON.readTree(parallel.lines().get(i)), b = JSON.readTree(serial.lines().get(i));
            assertEquals(a.get("loss"), b.get("loss"));
            assertEquals(a.get("accuracy"), b.get("accuracy"));
        }
        JsonNode total = JSON.readTree(serial.lines().get(3));
        assertEquals("one-after-another", total.get("race").asText());
        assertEquals(1, total.get("threads").asInt());
        assertEquals("", serial.err());
    }

    @Test
    void compareTimesTheRaceAndTheSameRunsOneAfterAnotherInOneCommand() throws Exception {
        Run r = run("race", "--task", "recall", "--delay", "3", "--hidden", "6", "--steps", "20", "--batch", "4",
                "--quiet", "--compare");
        assertEquals(0, r.code(), r.err());
        JsonNode total = JSON.readTree(r.lines().get(3));
        assertEquals("parallel", total.get("race").asText());
        double race = total.get("seconds").asDouble(), alone = total.get("oneAfterAnotherSeconds").asDouble();
        assertTrue(race >= 0 && alone >= 0, total.toString()); // a tiny race may round to 0.00 s
        double speedup = total.get("speedup").asDouble(); // of the unrounded times, each printed to ±0.005 s
        assertTrue(speedup > 0 && speedup >= (alone - 0.005) / (race + 0.005) - 0.005, total.toString());
        if (race > 0.005) {
            assertTrue(speedup <= (alone + 0.005) / (race - 0.005) + 0.005, total.toString());
        }
        assertTrue(total.get("sameModels").asBoolean(), "a race gives the models of the runs made one after another");
        assertTrue(total.get("cpuSeconds").asDouble() >= 0, "the CPU time is reported (a tiny race may round to 0.00 s)");
        assertOneLineError(run("race", "--task", "recall", "--compare", "--one-after-another"), "--compare");
    }

    @Test
    void raceBadInputIsOneLine() throws Exception {
        Path file = Files.writeString(dir.resolve("f.txt"), "x");
        assertOneLineError(run("race", "--task", "nope"), "unknown task");
        assertOneLineError(run("race", "--task", "text"), "--task text needs --file FILE");
        assertOneLineError(run("race", "--task", "adding", "--delay", "5"), "--delay does not apply to --task adding");
        assertOneLineError(run("race", "--task", "recall", "--delay", "0"), "--delay must be 1..");
        assertOneLineError(run("race", "--task", "recall", "--steps", "0"), "--steps must be at least 1");
        assertOneLineError(run("race", "--task", "recall", "--out", file.toString()), "is a file, expected a folder");
        assertOneLineError(run("race", "--task", "recall", "--out", dir.resolve("none").toString()), "no such folder");
    }

    /** Greedy generation from the bundled bracket LSTM: each character is the argmax of a fresh pass over the text. */
    @Test
    void generateWritesTheLikeliestTextAtTemperatureZero() throws Exception {
        Run r = run("generate", "--model", BRACKETS, "--text", "so (we", "--length", "40", "--temperature", "0");
        assertEquals(0, r.code(), r.err());
        JsonNode s = JSON.readTree(r.lines().get(0));
        String text = s.get("text").asText();
        assertEquals(40, text.length());
        assertEquals(40, s.get("tokens").asInt());
        RnnModel m = ModelFile.read(Path.of(BRACKETS));
        Vocabulary v = Vocabulary.of(m.vocabulary());
        String all = "so (we" + text;
        int[] ids = v.encode(all.chars().mapToObj(c -> String.valueOf((char) c)).toList());
        Trace t = ForwardPass.run(m, InputBatch.ofTokens(ids));
        for (int i = 0; i < 40; i++) {
            int step = 5 + i, next = ids[step + 1];
            for (int k = 0; k < m.outputSize(); k++) assertTrue(t.probability(step, k) <= t.probability(step, next));
        }
        assertTrue(s.get("ms").asDouble() >= 0);
    }

    @Test
    void generateRepeatsForASeedAndRefusesBadSettings() throws Exception {
        String[] args = {"generate", "--model", BRACKETS, "--text", "(", "--length", "60", "--temperature", "0.8",
                "--top-k", "5", "--seed", "7"};
        String a = JSON.readTree(run(args).lines().get(0)).get("text").asText();
        assertEquals(a, JSON.readTree(run(args).lines().get(0)).get("text").asText());
        assertEquals(60, a.length());
        assertOneLineError(run("generate", "--model", BRACKETS, "--text", "(", "--temperature", "-1"), "--temperature");
        assertOneLineError(run("generate", "--model", BRACKETS, "--text", "(", "--top-k", "-3"), "--top-k");
        assertOneLineError(run("generate", "--model", BRACKETS, "--text", "(", "--length", "-3"), "--length");
        assertOneLineError(run("generate", "--model", BRACKETS, "--text", "§"), "outside the model's vocabulary");
    }

    @Test
    void generateContinuesASeriesAlone() throws Exception {
        RnnModel m = new RnnModel(CellType.RNN, 1, 1, List.of(weights(0.0, 0.5)), null,
                new org.ejml.data.DMatrixRMaj(new double[][] {{1.0}}), new org.ejml.data.DMatrixRMaj(1, 1), null, null, null);
        Path model = dir.resolve("series.json");
        ModelFile.write(m, model);
        Path prompt = Files.writeString(dir.resolve("p.csv"), "0.5\n");
        // h = tanh(0.5 x) with W_hh = 0 and y = h: each value is tanh(0.5 × the one before)
        Run r = run("generate", "--model", model.toString(), "--input", prompt.toString(), "--length", "3");
        assertEquals(0, r.code(), r.err());
        JsonNode values = JSON.readTree(r.lines().get(0)).get("values");
        double y0 = Math.tanh(0.25), y1 = Math.tanh(0.5 * y0), y2 = Math.tanh(0.5 * y1);
        assertArrayEquals(new double[] {y0, y1, y2},
                new double[] {values.get(0).get(0).asDouble(), values.get(1).get(0).asDouble(),
                        values.get(2).get(0).asDouble()}, 1e-15);
    }

    private static org.rnnexplorer.model.LayerWeights weights(double recurrent, double input) {
        org.rnnexplorer.model.LayerWeights w = org.rnnexplorer.model.LayerWeights.zeros(1, 1, 1);
        w.wHh.set(0, 0, recurrent);
        w.wIh.set(0, 0, input);
        return w;
    }

    @Test
    void connectivityGivesARowOrTheMapAndWritesItAsCsv() throws Exception {
        Path csv = dir.resolve("row.csv");
        Run r = run("connectivity", "--model", BRACKETS, "--text", "so (we (say hi)", "--step", "9",
                "--csv", csv.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode s = JSON.readTree(r.lines().get(0));
        assertEquals(9, s.get("step").asInt());
        assertEquals("predicted", s.get("target").asText());
        assertEquals(10, s.get("connectivity").size());
        List<String> rows = Files.readAllLines(csv);
        assertEquals("step,t,norm", rows.get(0));
        assertEquals(11, rows.size());

        Path map = dir.resolve("map.csv");
        Run m = run("connectivity", "--model", BRACKETS, "--text", "so (we (say hi)", "--every-step", "--target", "next",
                "--csv", map.toString());
        assertEquals(0, m.code(), m.err());
        assertEquals(14, JSON.readTree(m.lines().get(0)).get("meanByStepsBack").size());
        List<String> mapRows = Files.readAllLines(map);
        assertEquals(15, mapRows.size(), "a header and the rows of steps 0..13");
        assertEquals(16, mapRows.get(1).split(",").length, "step and t0..t14");
    }

    @Test
    void connectivityBadInputIsOneLineAndWritesNothing() {
        Path csv = dir.resolve("c.csv");
        assertOneLineError(run("connectivity", "--model", BRACKETS, "--text", "abc", "--step", "3", "--csv",
                csv.toString()), "--step must be 0..2");
        assertOneLineError(run("connectivity", "--model", BRACKETS, "--text", "abc", "--step", "2", "--target",
                "next"), "no next token");
        assertOneLineError(run("connectivity", "--model", BRACKETS, "--text", "abc", "--step", "1", "--every-step"),
                "give one of them");
        assertOneLineError(run("connectivity", "--model", BRACKETS, "--text", "abc", "--target", "nope"),
                "unknown target");
        assertFalse(Files.exists(csv));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
