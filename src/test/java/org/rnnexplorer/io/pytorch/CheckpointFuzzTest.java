package org.rnnexplorer.io.pytorch;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.rnnexplorer.io.BadFileException;
import org.rnnexplorer.model.ForwardPass;
import org.rnnexplorer.model.InputBatch;
import org.rnnexplorer.model.RnnModel;

/**
 * Broken checkpoints, made from the fixtures: bytes cut off, deleted, duplicated or overwritten, in the file as a
 * whole and in the pickle inside an intact zip. Each either imports (and the model runs) or is refused with one line
 * naming the file; never another exception, never a stack trace, never a hang (a generous guard, not a timing goal).
 */
class CheckpointFuzzTest {
    /** A hang guard (an importer that loops or reads for ever), generous enough for a loaded machine. */
    private static final Duration BOUND = Duration.ofSeconds(120);
    private static final List<Fixtures.Fixture> FIXTURES = Fixtures.all().stream()
            .filter(f -> f.vocab() == null && f.labels() == null && f.map() == null).toList();

    static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 1 to 3 breakages of {@code b}, reproducible from {@code seed}. */
    static byte[] mutate(byte[] b, long seed) {
        Random r = new Random(seed);
        for (int n = 1 + r.nextInt(3); n > 0; n--) {
            int at = b.length == 0 ? 0 : r.nextInt(b.length);
            int len = Math.min(b.length - at, 1 + r.nextInt(16));
            switch (r.nextInt(5)) {
                case 0 -> b = java.util.Arrays.copyOf(b, at); // truncated
                case 1 -> { // bytes deleted
                    byte[] c = new byte[b.length - len];
                    System.arraycopy(b, 0, c, 0, at);
                    System.arraycopy(b, at + len, c, at, b.length - at - len);
                    b = c;
                }
                case 2 -> { // bytes duplicated
                    byte[] c = new byte[b.length + len];
                    System.arraycopy(b, 0, c, 0, at + len);
                    System.arraycopy(b, at, c, at + len, b.length - at);
                    b = c;
                }
                case 3 -> { // a byte overwritten with one of the values that matter in pickles and lengths
                    byte[] odd = {0, 1, -1, 0x7f, (byte) 0x80, 'X', 'q', 'R', '.', '(', 'K', 'J', (byte) 0x8a, 'c'};
                    if (b.length > 0) b[at] = r.nextBoolean() ? odd[r.nextInt(odd.length)] : (byte) r.nextInt(256);
                }
                default -> { if (b.length > 0) b[at] ^= (byte) (1 << r.nextInt(8)); } // a bit flipped
            }
        }
        return b;
    }

    /** The zip with its data.pkl broken and everything else intact (stored entries, as torch writes them). */
    static byte[] mutatePickle(Path zip, long seed) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(zip.toFile()); ZipOutputStream z = new ZipOutputStream(out)) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                byte[] b = in.getInputStream(e).readAllBytes();
                if (e.getName().endsWith("/data.pkl")) b = mutate(b, seed);
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(b);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static void importsOrIsRefused(byte[] bytes, Path file) throws IOException {
        Files.write(file, bytes);
        String outcome = assertTimeoutPreemptively(BOUND, () -> {
            try {
                ImportResult r = CheckpointImport.read(file, ImportOptions.NONE);
                if (r instanceof ImportResult.Imported i) {
                    RnnModel m = i.model();
                    InputBatch in = m.takesTokens() ? InputBatch.ofTokens(0, m.tokenCount() - 1)
                            : InputBatch.ofVectors(new double[2][m.inputSize()]);
                    ForwardPass.run(m, in);
                    return "imported";
                }
                return "needs a vocabulary";
            } catch (BadFileException e) {
                String m = e.getMessage();
                assertTrue(m.startsWith(file + ": "), "names the file: " + m);
                assertTrue(!m.contains("\n") && !m.contains("\r"), "one line: " + m);
                assertTrue(m.length() < 600, "short: " + m);
                return "refused";
            } catch (Throwable t) {
                return fail("not a one-line refusal", t);
            }
        });
        Statistics.collect(outcome);
    }

    @Property(tries = 1500)
    void everyBrokenCheckpointImportsOrIsRefused(@ForAll @IntRange(min = 0, max = 100) int which, @ForAll long seed)
            throws IOException {
        Fixtures.Fixture f = FIXTURES.get(which % FIXTURES.size());
        Path file = Files.createTempFile("fuzzed", ".pt");
        try {
            importsOrIsRefused(mutate(bytes(f.path()), seed), file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Property(tries = 1500)
    void everyBrokenPickleInAnIntactZipImportsOrIsRefused(@ForAll @IntRange(min = 0, max = 100) int which,
                                                          @ForAll long seed) throws IOException {
        Fixtures.Fixture f = FIXTURES.get(which % FIXTURES.size());
        if (bytes(f.path())[0] != 'P') return; // the legacy file is all pickle: the first property breaks it
        Path file = Files.createTempFile("fuzzed", ".pt");
        try {
            importsOrIsRefused(mutatePickle(f.path(), seed), file);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
