package org.rnnexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnexplorer.io.ModelFile;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.RnnModel;

class TrainCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
        String lastLine() {
            String[] lines = out.strip().split("\n");
            return lines[lines.length - 1];
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void theLastLineIsAJsonSummaryAndTheModelCarriesItsCommand() throws Exception {
        Path out = dir.resolve("m.json");
        Run r = run("train", "--task", "recall", "--delay", "3", "--cell", "gru", "--hidden", "8", "--steps", "40",
                "--batch", "8", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode s = new ObjectMapper().readTree(r.lastLine());
        assertEquals("recall", s.get("task").asText());
        assertEquals("gru", s.get("cell").asText());
        assertEquals(40, s.get("steps").asInt());
        assertTrue(s.get("loss").isNumber() && s.get("accuracy").isNumber() && s.get("seconds").isNumber());
        assertTrue(r.err().contains("40/40"), "progress on stderr: " + r.err());

        RnnModel m = ModelFile.read(out);
        assertEquals(CellType.GRU, m.cell());
        assertEquals(8, m.hiddenSize());
        Map<?, ?> training = (Map<?, ?>) m.metadata().get("training");
        assertEquals("rnn-explorer train --task recall --delay 3 --cell gru --hidden 8 --steps 40 --batch 8 --out "
                + out, training.get("command"));
        assertEquals(s.get("loss").asDouble(), ((Number) training.get("loss")).doubleValue(), 0.0);
        assertEquals(s.get("accuracy").asDouble(), ((Number) training.get("accuracy")).doubleValue(), 0.0);
    }

    @Test
    void regressionTasksReportLossAndTheirAccuracy() throws Exception {
        Run r = run("train", "--task", "sine", "--hidden", "8", "--steps", "5", "--batch", "4", "--quiet");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        JsonNode s = new ObjectMapper().readTree(r.lastLine());
        assertEquals("sine", s.get("task").asText());
        assertTrue(s.get("loss").asDouble() > 0);
    }

    private void assertBadInput(String expected, String... args) {
        Path out = dir.resolve("bad.json");
        String[] full = new String[args.length + 2];
        System.arraycopy(args, 0, full, 0, args.length);
        full[args.length] = "--out";
        full[args.length + 1] = out.toString();
        Run r = run(full);
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertEquals(1, r.err().strip().lines().filter(l -> !l.startsWith("[")).count(), "one line: " + r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(out), "no output file is left behind");
    }

    @Test
    void badInputIsOneClearLineAndExitCode2() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        Path one = Files.writeString(dir.resolve("one.txt"), "x");
        assertBadInput("empty.txt: the text has 0 char tokens", "train", "--task", "text", "--file", empty.toString());
        assertBadInput("one.txt: the text has 1 char token", "train", "--task", "text", "--file", one.toString());
        assertBadInput("--delay must be 1..", "train", "--task", "recall", "--delay", "0");
        assertBadInput("--hidden must be 1..", "train", "--task", "recall", "--hidden", "-4");
        assertBadInput("--batch must be at least 1", "train", "--task", "recall", "--batch", "-1");
        assertBadInput("--lr must be a positive number", "train", "--task", "recall", "--lr", "-0.1");
        assertBadInput("unknown task", "train", "--task", "nonsense");
        assertBadInput("no such file", "train", "--task", "text", "--file", dir.resolve("missing.txt").toString());
    }

    @Test
    void aDivergingLearningRateEndsWithAMessageNotAHang() {
        assertBadInput("training diverged at step", "train", "--task", "adding", "--length", "10", "--hidden", "8",
                "--optimizer", "sgd", "--lr", "1e6", "--clip", "0", "--steps", "200", "--quiet");
    }

    @Test
    void aTextModelLearnsItsVocabularyAndTokenizer() throws Exception {
        Path text = Files.writeString(dir.resolve("t.txt"), "to be or not to be, that is the question. ".repeat(20));
        Path out = dir.resolve("text.json");
        Run r = run("train", "--task", "text", "--file", text.toString(), "--tokenizer", "word", "--hidden", "8",
                "--steps", "10", "--batch", "4", "--length", "12", "--quiet", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        RnnModel m = ModelFile.read(out);
        assertEquals("word", m.tokenizer());
        assertTrue(m.vocabulary().contains("question") && m.vocabulary().contains(",")
                && m.vocabulary().contains("<unk>"), m.vocabulary().toString());
    }

    @Test
    void aRunWhoseHeldOutCheckCannotFitInMemoryIsRefusedBeforeItStarts() {
        // one training batch of 1 sequence fits easily; the held-out check runs 64 whole sequences at once
        long perSequence = (long) (Runtime.getRuntime().maxMemory() / 40.0);
        int h = 128;
        int delay = (int) Math.min(10_000, perSequence / (8L * (2 * 4 * h + 3 * h)));
        assertBadInput("the held-out check", "train", "--task", "recall", "--hidden", String.valueOf(h),
                "--delay", String.valueOf(delay), "--batch", "1", "--steps", "1", "--quiet");
    }

    @Test
    void aForgetBiasThatIsNotFiniteIsAnOptionErrorNotADivergence() {
        assertBadInput("--forget-bias must be a finite number", "train", "--task", "recall", "--forget-bias", "NaN",
                "--steps", "1", "--quiet");
    }

    @Test
    void untilSolvedWithoutAnyHeldOutCheckIsRefused() {
        assertBadInput("--eval-every must be at least 1", "train", "--task", "recall", "--until-solved",
                "--eval-every", "0", "--steps", "1", "--quiet");
    }
}
