package org.rnnexplorer.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.ForwardPass;
import org.rnnexplorer.model.InputBatch;
import org.rnnexplorer.model.Intervention;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.model.Trace;

/**
 * Every reader, fed thousands of broken files made from valid ones ({@link Mutator}): each case either loads (and
 * then the model runs, and what was loaded writes and reads back the same) or is refused with a
 * {@link BadFileException} of one line naming the file; never another exception, never a hang (a generous guard, not a timing goal).
 */
class ReaderFuzzTest {
    /** A hang guard (a reader that loops or reads for ever), generous enough for a loaded machine. */
    private static final Duration BOUND = Duration.ofSeconds(120);
    private static final String NAME = "fuzzed.json";

    /** Valid model files of every cell: one-hot and embedded text models with heads, numeric models, 1-3 layers. */
    private static final List<String> MODELS = new ArrayList<>();
    /** Valid sessions: text and series input, embedded models, a bundled reference, clamps of every kind. */
    private static final List<String> SESSIONS = new ArrayList<>();
    private static final List<String> CSVS = List.of(
            "0.5,1,-2\n1e-3,2.5,3\n-0,0,7\n",
            "x,y\n1,2\n\n3,4\n",
            "\uFEFF1\n2\n3\n",
            "a, b ,c,d\r\n1.0,2.0,3.0,4.0\r\n5,6,7,8\r\n");
    private static final SessionFile.BundledModels BUNDLED;

    static {
        long seed = 1;
        for (CellType cell : CellType.values()) {
            MODELS.add(ModelFile.toJson(ModelFileTest.randomModel(cell, 1, 3, false, true, 4, seed++)));
            MODELS.add(ModelFile.toJson(ModelFileTest.randomModel(cell, 2, 2, true, true, 3, seed++)));
            MODELS.add(ModelFile.toJson(ModelFileTest.randomModel(cell, 3, 2, false, false, 0, seed++)
                    .withMetadata(Map.of("description", "numeric", "loss", 0.5))));
        }
        RnnModel shipped = ModelFileTest.randomModel(CellType.LSTM, 1, 3, true, true, 4, 99);
        String shippedJson = ModelFile.toJson(shipped);
        BUNDLED = SessionFileTest.bundled(Map.of("models/lstm.json", shippedJson));

        Map<String, Double> sliders = new LinkedHashMap<>();
        sliders.put("recurrentScale", 1.25);
        sliders.put("speed", 2.0);
        RnnModel lstm = ModelFileTest.randomModel(CellType.LSTM, 2, 3, false, true, 4, 7);
        SESSIONS.add(SessionFile.toJson(new Session(lstm, null, "abcdab", null, 1, 2, 3, sliders,
                List.of(Intervention.clampGate(0, 1, 2, 1, 3, 1.0), Intervention.clampCell(1, 0, 0, 2, 0.5),
                        Intervention.ablate(0, 1))), SessionFileTest.NONE));
        RnnModel gru = ModelFileTest.randomModel(CellType.GRU, 1, 3, false, false, 0, 8);
        SESSIONS.add(SessionFile.toJson(Session.ofSeries(gru, new double[][] {{1, 2, 3}, {0.5, -1, 0}})
                .withSelection(0, 2, 1).withClamps(List.of(Intervention.clampGate(0, 2, 0, 0, 1, -0.5))), SessionFileTest.NONE));
        RnnModel rnn = ModelFileTest.randomModel(CellType.RNN, 1, 2, true, true, 3, 9);
        SESSIONS.add(SessionFile.toJson(Session.ofText(rnn, "abcab").withSliders(sliders), SessionFileTest.NONE));
        SESSIONS.add(SessionFile.toJson(Session.ofText(ModelFile.fromJson(shippedJson, "x"), "abdc")
                .withBundledModel("models/lstm.json").withSelection(0, 1, 2), BUNDLED));
        if (!SESSIONS.get(3).contains("\"sha256\"")) throw new IllegalStateException("the bundled session is not a reference");
    }

    /** Runs {@code read} on the bytes under the hang guard; a refusal must be a one-line BadFileException naming the file. */
    private static void loadsOrIsRefused(byte[] bytes, String name, Consumer<byte[]> read) {
        String outcome = assertTimeoutPreemptively(BOUND, () -> {
            try {
                read.accept(bytes);
                return "loaded";
            } catch (BadFileException e) {
                String m = e.getMessage();
                assertTrue(m.startsWith(name + ":"), "names the file: " + m);
                assertTrue(!m.contains("\n") && !m.contains("\r"), "one line: " + m);
                assertTrue(m.length() < 400, "short: " + m);
                return "refused";
            } catch (Throwable t) {
                return fail("not a BadFileException for:\n" + new String(bytes, StandardCharsets.UTF_8), t);
            }
        });
        Statistics.collect(outcome);
    }

    private static void runs(RnnModel m, InputBatch input, List<Intervention> clamps) {
        Trace trace = ForwardPass.run(m, input, clamps);
        assertEquals(input.steps(), trace.steps());
        for (int t = 0; t < trace.steps(); t++)
            assertTrue(Double.isFinite(trace.hidden(m.layerCount() - 1, t, 0)) || !isFinite(m), "h is a number");
    }

    private static boolean isFinite(RnnModel m) {
        return m.namedParameters().values().stream().allMatch(p -> java.util.Arrays.stream(p.data).allMatch(Double::isFinite));
    }

    @Property(tries = 4000)
    void everyMutatedModelFileLoadsAndRunsOrIsRefused(@ForAll @IntRange(min = 0, max = 8) int base, @ForAll long seed) {
        byte[] bytes = Mutator.mutate(MODELS.get(base), seed, true);
        loadsOrIsRefused(bytes, NAME, b -> {
            RnnModel m = ModelFile.read(new ByteArrayInputStream(b), NAME);
            InputBatch input = m.takesTokens() ? InputBatch.ofTokens(0, m.tokenCount() - 1, 0)
                    : InputBatch.ofVectors(new double[][] {new double[m.inputSize()], filled(m.inputSize(), 0.5)});
            runs(m, input, List.of());
            String again = ModelFile.toJson(m);
            assertEquals(again, ModelFile.toJson(ModelFile.fromJson(again, NAME)), "what loads writes back the same");
        });
    }

    @Property(tries = 2500)
    void everyMutatedSessionLoadsAndRunsOrIsRefused(@ForAll @IntRange(min = 0, max = 3) int base, @ForAll long seed) {
        byte[] bytes = Mutator.mutate(SESSIONS.get(base), seed, true);
        loadsOrIsRefused(bytes, NAME, b -> {
            Session s = SessionFile.read(new ByteArrayInputStream(b), NAME, BUNDLED);
            InputBatch input = s.inputBatch();
            if (input != null) runs(s.model(), input, s.clamps());
            Session back = SessionFile.fromJson(SessionFile.toJson(s, BUNDLED), NAME, BUNDLED);
            SessionFileTest.assertSameSession(s, back);
        });
    }

    @Property(tries = 4000)
    void everyMutatedCsvLoadsAsARectangleOfNumbersOrIsRefused(@ForAll @IntRange(min = 0, max = 3) int base, @ForAll long seed) {
        byte[] bytes = Mutator.mutate(CSVS.get(base), seed, false);
        loadsOrIsRefused(bytes, "fuzzed.csv", b -> {
            double[][] x = SeriesCsv.read(new ByteArrayInputStream(b), "fuzzed.csv");
            assertTrue(x.length > 0);
            for (double[] row : x) {
                assertEquals(x[0].length, row.length, "every row as long as the first");
                for (double v : row) assertTrue(Double.isFinite(v));
            }
        });
    }

    @Property(tries = 500)
    void everyMutatedTextFileLoadsOrIsRefused(@ForAll @IntRange(min = 0, max = 3) int base, @ForAll long seed) {
        byte[] bytes = Mutator.mutate(CSVS.get(base) + "Hello, (world)! é", seed, false);
        loadsOrIsRefused(bytes, "fuzzed.txt", b -> {
            String text = TextFile.read(new ByteArrayInputStream(b), "fuzzed.txt");
            assertArrayEquals(b, (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF
                    ? "\uFEFF" + text : text).getBytes(StandardCharsets.UTF_8), "the text is the file's bytes");
        });
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
