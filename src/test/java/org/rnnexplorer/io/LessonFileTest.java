package org.rnnexplorer.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.Intervention;
import org.rnnexplorer.model.RnnModel;

class LessonFileTest {
    @TempDir
    Path dir;

    static final RnnModel BUNDLED_LSTM = ModelFileTest.randomModel(CellType.LSTM, 1, 4, true, true, 6, 3);
    static final String BUNDLED_PATH = "models/tiny-lstm.json";
    static final SessionFile.BundledModels BUNDLED =
            SessionFileTest.bundled(Map.of(BUNDLED_PATH, ModelFile.toJson(BUNDLED_LSTM)));

    /** Slide 1: the bundled LSTM by path, a forget-gate caption, a highlight and auto-play; slide 2: an embedded GRU on a series with a what-if. */
    static Lesson twoSlides() {
        Session lstm = Session.ofText(BUNDLED_LSTM, "abcabdef").withBundledModel(BUNDLED_PATH).withSelection(0, 2, 3)
                .withSliders(Map.of("recurrentScale", 1.25));
        RnnModel gru = ModelFileTest.randomModel(CellType.GRU, 2, 3, false, true, 0, 9);
        Session series = Session.ofSeries(gru, new double[][] {{0.5, -1, 2}, {0.25, 0, 1e-7}, {3, 2, 1}})
                .withSelection(1, 2, 2).withClamps(List.of(Intervention.clampGate(1, 1, 2, 0, 2, 1.0)));
        return new Lesson("Gates {not a placeholder in a title}", List.of(
                new LessonSlide(new SavedView(lstm, "cell-tab", "equations", false),
                        "The forget gate fₜ = {f} keeps {{C}} at step {step} ('{token}').",
                        new LessonSlide.Highlight("forget", 2, 1, 4), new LessonSlide.AutoPlay(4, 6)),
                new LessonSlide(new SavedView(series, "race-tab", null, true), "zₜ = {z}, hₜ = {h}", null, null)));
    }

    @Test
    void aLessonSavedAndReopenedIsEqual() {
        Lesson lesson = twoSlides();
        Path file = dir.resolve("gates.lesson.json");
        LessonFile.write(lesson, file, BUNDLED);
        Lesson back = LessonFile.read(file, BUNDLED);
        assertEquals(lesson, back);
        assertEquals(LessonFile.toJson(lesson, BUNDLED), LessonFile.toJson(back, BUNDLED));
        assertEquals("race-tab", back.slides().get(1).view().tab(), "a tab this code does not know is kept as its id");
    }

    @Test
    void aBundledModelGoesByItsPathAloneAndAnEmbeddedModelWhole() throws Exception {
        Path file = dir.resolve("a.lesson.json");
        LessonFile.write(twoSlides(), file, BUNDLED);
        String json = Files.readString(file);
        assertTrue(json.contains("\"bundledModel\" : {\n        \"path\" : \"models/tiny-lstm.json\"\n      }"), json);
        assertFalse(json.contains("sha256"));
        assertTrue(json.contains("\"rnn.weight_hh_l1\""), "the GRU is written whole");
    }

    @Test
    void equalityNoticesEachPartOfASlide() {
        Lesson a = twoSlides();
        LessonSlide s = a.slides().get(0);
        for (LessonSlide other : List.of(s.withCaption("fₜ = {f}"), s.withHighlight(null),
                s.withAutoPlay(new LessonSlide.AutoPlay(2, 6)),
                new LessonSlide(new SavedView(s.view().session().withSelection(0, 1, 3), "cell-tab", "equations", false),
                        s.caption(), s.highlight(), s.autoPlay()),
                new LessonSlide(new SavedView(s.view().session(), "lab-tab", "equations", false), s.caption(), s.highlight(),
                        s.autoPlay())))
            assertNotEquals(a, new Lesson(a.title(), List.of(other, a.slides().get(1))));
    }

    /** Bad files, each refused with one line naming the file (and the slide). */
    @Test
    void badFilesAreRefusedWithOneLine() {
        String good = LessonFile.toJson(twoSlides(), BUNDLED);
        assertRefused(good.replace("\"version\" : 1", "\"version\" : 2"),
                "x.lesson.json: written by a newer RNN Explorer (lesson version 2); this one reads version 1");
        assertRefused(good.replace("at step {step}", "at step {stepp}"),
                "x.lesson.json: slide 1: the caption's placeholder {stepp} is unknown (known: {step}, {steps}, {token}");
        assertRefused(good.replace("hₜ = {h}", "hₜ = {f}"),
                "x.lesson.json: slide 2: the caption's {f} (forget gate fₜ) is of the lstm cell, but the model is a gru");
        assertRefused(good.replace("keeps {{C}}", "keeps {C"), "x.lesson.json: slide 1: the caption has a { at character");
        assertRefused(good.replace("\"part\" : \"forget\"", "\"part\" : \"update\""),
                "x.lesson.json: slide 1: the highlight's part \"update\" is not a part of the lstm cell");
        assertRefused(good.replace("\"toStep\" : 6", "\"toStep\" : 8"),
                "x.lesson.json: slide 1: auto-play goes to step 8, outside 0..7");
        assertRefused(good.replace("\"tab\" : \"race-tab\"", "\"tab\" : \"Race Tab\""),
                "x.lesson.json: slide 2: \"tab\" must be an id");
        assertRefused(good.replace("\"showWhatIf\" : true", "\"showWhatIf\" : true, \"zoom\" : 2"),
                "x.lesson.json: slide 2: \"view\" has an unknown entry \"zoom\"");
        assertRefused(good.replaceFirst("\"unit\" : 2,(\\s*)\"step\" : 3", "\"unit\" : 9,$1\"step\" : 3"),
                "x.lesson.json: slide 1: selected unit 9 is outside 0..3");
        assertRefused(good.replace("models/tiny-lstm.json", "models/gone.json"),
                "x.lesson.json: slide 1: the bundled model models/gone.json is not in this RNN Explorer");
        assertRefused(good.substring(0, good.length() / 2), "x.lesson.json: ");
        assertRefused(good + "{}", "x.lesson.json: ");
        assertRefused("{\"format\": \"rnn-explorer-session\", \"version\": 1}",
                "x.lesson.json: is a session file, not a lesson file");
        assertRefused("[]", "x.lesson.json: expected a JSON object");
    }

    @Test
    void aMissingFileIsOneLineToo() {
        BadFileException e = assertThrows(BadFileException.class, () -> LessonFile.read(dir.resolve("none.lesson.json")));
        assertTrue(e.getMessage().endsWith("none.lesson.json: no such file"), e.getMessage());
    }

    @Test
    void captionsFillTheirPlaceholdersAndKeepEscapedBraces() {
        CaptionTemplate t = CaptionTemplate.parse("{{f}} is {f}, at {step}}}");
        assertEquals(List.of(CaptionTemplate.Placeholder.F, CaptionTemplate.Placeholder.STEP), t.placeholders());
        assertEquals("{f} is 0.5, at 3}", t.fill(p -> p == CaptionTemplate.Placeholder.F ? "0.5" : "3"));
    }

    private static void assertRefused(String json, String messageStart) {
        BadFileException e = assertThrows(BadFileException.class, () -> LessonFile.fromJson(json, "x.lesson.json", BUNDLED));
        assertTrue(e.getMessage().startsWith(messageStart), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    // --- property: any lesson saved and reopened is equal ------------------------------------------------------

    @Property(tries = 60)
    void anyLessonSavedAndReopenedIsEqual(@ForAll("lessons") Lesson lesson) {
        assertEquals(lesson, LessonFile.fromJson(LessonFile.toJson(lesson, BUNDLED), "p.lesson.json", BUNDLED));
    }

    @Provide
    Arbitrary<Lesson> lessons() {
        return Combinators.combine(Arbitraries.strings().ofMaxLength(30), slides().list().ofMaxSize(5)).as(Lesson::new);
    }

    private Arbitrary<LessonSlide> slides() {
        Arbitrary<String> text = Arbitraries.strings().withChars("abcdef").ofMinLength(1).ofMaxLength(8);
        Arbitrary<String> caption = Arbitraries.oneOf(Arbitraries.strings().excludeChars('{', '}').ofMaxLength(20),
                Arbitraries.of("{f}", "{h} and {c}", "{{literal}}", "{step}/{steps} '{token}'", "{predicted} {p}"))
                .list().ofMaxSize(4).map(l -> String.join(" ", l));
        return Combinators.combine(text, caption, Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 7),
                Arbitraries.of("cell-tab", "lab-tab", "ways-tab"), Arbitraries.of("forget", "cell", "input", "output"),
                Arbitraries.doubles().between(0.1, 60), Arbitraries.integers().between(0, 2)).as(
                (in, cap, unit, step, tab, part, speed, extras) -> {
                    int t = Math.min(step, in.length() - 1);
                    Session s = Session.ofText(BUNDLED_LSTM, in).withBundledModel(BUNDLED_PATH).withSelection(0, unit, t);
                    if (extras > 0) s = s.withClamps(List.of(Intervention.ablate(0, unit)));
                    return new LessonSlide(new SavedView(s, tab, extras == 2 ? "gradient" : null, extras == 1), cap,
                            extras == 0 ? null : new LessonSlide.Highlight(part, unit, 0, t),
                            extras == 2 ? new LessonSlide.AutoPlay(speed, t) : null);
                });
    }
}
