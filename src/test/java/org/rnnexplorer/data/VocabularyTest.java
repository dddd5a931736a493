package org.rnnexplorer.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VocabularyTest {
    private final Tokenizer chars = Tokenizer.named("char");

    @Test
    void fromTextSortsDistinctTokensByCodePointLikePython() {
        // Python: sorted(set("ba\uFF21\U0001F600a")) == ['a', 'b', 'Ａ', '😀'] (UTF-16 order would put 😀 before Ａ)
        Vocabulary v = Vocabulary.fromText("ba\uFF21\uD83D\uDE00a", chars);
        assertEquals(List.of("a", "b", "\uFF21", "\uD83D\uDE00"), v.tokens());
        assertEquals(3, v.indexOf("\uD83D\uDE00"));
        assertEquals(-1, v.indexOf("c"));
    }

    @Test
    void encodeGivesIdsAndDecodeGivesTokensBack() {
        Vocabulary v = Vocabulary.of(List.of("h", "e", "l", "o"));
        int[] ids = v.encode(chars.split("hello"));
        assertArrayEquals(new int[] {0, 1, 2, 2, 3}, ids);
        assertEquals("hello", chars.join(v.decode(ids)));
    }

    @Test
    void unknownTokensAreNamedWithTheirPositions() {
        Vocabulary v = Vocabulary.of(List.of("a", "b"));
        UnknownTokenException e = assertThrows(UnknownTokenException.class, () -> v.encode(chars.split("ab\nxa x")));
        assertEquals(Map.of("\n", List.of(2), "x", List.of(3, 6), " ", List.of(5)), e.positions());
        assertEquals("not in the vocabulary: \"\\n\" at 2; \"x\" at 3, 6; \" \" at 5 (positions count tokens from 0)",
                e.getMessage());
    }

    @Test
    void unknownTokensBecomeUnkWhenTheVocabularyHasIt() {
        Vocabulary v = Vocabulary.of(List.of("a", Vocabulary.UNKNOWN, "b"));
        assertArrayEquals(new int[] {0, 1, 2, 1}, v.encode(List.of("a", "z", "b", "?")));
    }

    @Test
    void duplicatesAndEmptyListsAreRefused() {
        assertEquals("the vocabulary has \"a\" twice (entries 0 and 2)",
                assertThrows(IllegalArgumentException.class, () -> Vocabulary.of(List.of("a", "b", "a"))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.of(List.of()));
    }
}
