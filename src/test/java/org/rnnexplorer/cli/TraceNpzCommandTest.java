package org.rnnexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnexplorer.data.CharTokenizer;
import org.rnnexplorer.data.Vocabulary;
import org.rnnexplorer.io.ModelFile;
import org.rnnexplorer.io.NpyReader;
import org.rnnexplorer.model.BackwardPass;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.CrossEntropyObjective;
import org.rnnexplorer.model.ForwardPass;
import org.rnnexplorer.model.Gradients;
import org.rnnexplorer.model.InputBatch;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.model.Trace;

/**
 * {@code trace --format npz} as a user gets it: a zip of STORED NPY arrays named after the trace file's keys, the
 * engine's numbers (float64: the same bits; float32: rounded once), over an input long enough for several chunks of
 * checkpointed BPTT; numpy reads it; JSON is refused for long inputs, pointing to npz.
 */
class TraceNpzCommandTest {
    @TempDir
    Path dir;

    static final List<String> VOCAB = List.of("a", "b", "c", " ", "(", ")");

    private String[] run(String... args) {
        StringWriter o = new StringWriter(), e = new StringWriter();
        int code = Main.run(new PrintWriter(o), new PrintWriter(e), args);
        return new String[] {Integer.toString(code), o.toString(), e.toString()};
    }

    static String text(int n, long seed) {
        Random r = new Random(seed);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) s.append(VOCAB.get(r.nextInt(VOCAB.size())));
        return s.toString();
    }

    @Test
    void everyArrayHoldsTheEnginesNumbers() throws IOException {
        RnnModel model = TraceCommandBadInputTest.model(CellType.LSTM, 2, 5, VOCAB, 0, true);
        Path file = dir.resolve("m.json"), textFile = dir.resolve("in.txt"), out = dir.resolve("t.npz");
        ModelFile.write(model, file);
        String text = text(2_500, 1);
        Files.writeString(textFile, text);
        String[] r = run("trace", "--model", file.toString(), "--text-file", textFile.toString(), "--out",
                out.toString(), "--dtype", "float64");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].startsWith(out + ": 2500 steps, 2 layer(s), loss "), r[1]);
        Map<String, NpyReader.Array> a = NpyReader.read(out);
        List<String> names = new ArrayList<>(List.of("format", "version", "cell", "steps", "hiddenSize", "tokens"));
        for (int l = 0; l < 2; l++) {
            names.addAll(List.of("l" + l + ".h", "l" + l + ".c", "l" + l + ".gates.input", "l" + l + ".gates.forget",
                    "l" + l + ".gates.candidate", "l" + l + ".gates.output", "l" + l + ".gradH", "l" + l + ".gradC"));
            if (l == 0) names.add("l0.gradX");
        }
        names.addAll(List.of("probabilities", "loss", "objective"));
        assertEquals(names, new ArrayList<>(a.keySet()));
        assertTrue(a.values().stream().allMatch(NpyReader.Array::stored), "STORED entries, as np.savez writes");
        assertEquals("lstm", a.get("cell").string(0));
        assertEquals(2500, a.get("steps").get());
        assertEquals("<f8", a.get("l1.gradH").descr());
        assertArrayEquals(new long[] {2500, 5}, a.get("l1.gradH").shape());
        assertArrayEquals(new long[] {2500, 6}, a.get("probabilities").shape());
        assertArrayEquals(new long[0], a.get("loss").shape());

        List<String> tokens = CharTokenizer.INSTANCE.split(text);
        int[] ids = Vocabulary.of(VOCAB).encode(tokens);
        Trace expected = ForwardPass.run(model, InputBatch.ofTokens(ids));
        Gradients grads = BackwardPass.run(model, expected, CrossEntropyObjective.nextTokenEveryStep(ids));
        for (int t = 0; t < 2500; t += 7) {
            assertEquals(tokens.get(t), a.get("tokens").string(t));
            for (int l = 0; l < 2; l++) {
                String p = "l" + l + ".";
                for (int u = 0; u < 5; u++) {
                    assertEquals(expected.hidden(l, t, u), a.get(p + "h").get(t, u), 0.0);
                    assertEquals(expected.cellState(l, t, u), a.get(p + "c").get(t, u), 0.0);
                    assertEquals(expected.gate(l, 3, t, u), a.get(p + "gates.output").get(t, u), 0.0);
                    assertEquals(grads.layer(l).dH[t].get(0, u), a.get(p + "gradH").get(t, u), 0.0, "dL/dh " + t);
                    assertEquals(grads.layer(l).dC[t].get(0, u), a.get(p + "gradC").get(t, u), 0.0);
                }
            }
            for (int k = 0; k < 6; k++) assertEquals(expected.probability(t, k), a.get("probabilities").get(t, k), 0.0);
        }
        assertEquals(grads.loss(), a.get("loss").get(), 1e-12 * grads.loss());
        assertTrue(a.get("objective").string(0).contains("cross-entropy of the next token"));
        try (var files = Files.list(dir)) {
            assertEquals(List.of("in.txt", "m.json", "t.npz"), files.map(f -> f.getFileName().toString()).sorted().toList(),
                    "no temporary file left");
        }
    }

    @Test
    void float32IsTheDefaultAndANpzNameChoosesTheFormat() throws IOException {
        RnnModel model = TraceCommandBadInputTest.model(CellType.GRU, 1, 3, VOCAB, 0, true);
        Path file = dir.resolve("g.json"), out = dir.resolve("g.npz");
        ModelFile.write(model, file);
        String text = text(300, 2);
        String[] r = run("trace", "--model", file.toString(), "--text", text, "--out", out.toString());
        assertEquals("0", r[0], r[2]);
        Map<String, NpyReader.Array> a = NpyReader.read(out);
        assertEquals("<f4", a.get("l0.h").descr());
        assertFalse(a.containsKey("l0.c"), "a GRU has no cell state");
        assertTrue(a.containsKey("l0.gates.update"));
        Trace expected = ForwardPass.run(model, InputBatch.ofTokens(Vocabulary.of(VOCAB).encode(CharTokenizer.INSTANCE.split(text))));
        for (int t = 0; t < 300; t++)
            for (int u = 0; u < 3; u++) assertEquals((float) expected.hidden(0, t, u), a.get("l0.h").get(t, u), 0.0);
    }

    @Test
    void numpyLoadsIt() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        assumeTrue(Files.isExecutable(python), "no /usr/bin/python3");
        RnnModel model = TraceCommandBadInputTest.model(CellType.LSTM, 2, 4, VOCAB, 0, true);
        Path file = dir.resolve("m.json"), out = dir.resolve("t.npz");
        ModelFile.write(model, file);
        assertEquals("0", run("trace", "--model", file.toString(), "--text", text(1500, 3), "--out", out.toString())[0]);
        String script = "import numpy as np, sys\n"
                + "z = np.load(sys.argv[1])\n"
                + "print(z['l1.gradC'].shape, z['l1.gradC'].dtype, str(z['cell']), int(z['steps']), len(z.files))\n"
                + "print(float(abs(z['probabilities'].sum(axis=1) - 1).max()) < 1e-6, str(z['tokens'][0:3].tolist()))\n";
        Process p = new ProcessBuilder(python.toString(), "-c", script, out.toString()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(!said.contains("No module named 'numpy'"), "numpy is not installed");
        assertEquals(0, p.exitValue(), said);
        Map<String, NpyReader.Array> a = NpyReader.read(out);
        String first3 = "['" + a.get("tokens").string(0) + "', '" + a.get("tokens").string(1) + "', '"
                + a.get("tokens").string(2) + "']";
        assertEquals("(1500, 4) float32 lstm 1500 " + a.size() + "\nTrue " + first3 + "\n", said);
    }

    @Test
    void jsonIsRefusedForALongInputWithAHintToUseNpz() throws IOException {
        RnnModel model = TraceCommandBadInputTest.model(CellType.LSTM, 2, 64, VOCAB, 0, true);
        Path file = dir.resolve("m.json"), textFile = dir.resolve("long.txt"), out = dir.resolve("t.json");
        ModelFile.write(model, file);
        Files.writeString(textFile, text(60_000, 4));
        String[] r = run("trace", "--model", file.toString(), "--text-file", textFile.toString(), "--out", out.toString());
        assertEquals("2", r[0]);
        assertEquals(1, r[2].strip().lines().count(), r[2]);
        assertTrue(r[2].contains(textFile.toString()) && r[2].contains("--format npz"), r[2]);
        assertFalse(Files.exists(out));
        r = run("trace", "--model", file.toString(), "--text", "ab", "--out", out.toString(), "--format", "zip");
        assertEquals("2", r[0]);
        assertEquals("--format: unknown format 'zip' (json or npz)", r[2].strip());
    }
}
