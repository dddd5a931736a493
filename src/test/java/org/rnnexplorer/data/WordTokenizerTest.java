package org.rnnexplorer.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class WordTokenizerTest {
    private final Tokenizer words = Tokenizer.named("word");

    @Test
    void wordsAndEachPunctuationMarkAreTokensWhitespaceSeparates() {
        assertEquals(List.of("The", "forget", "gate", "(", "h", ")", "closes", ",", "doesn", "'", "t", "it", "?"),
                words.split("The forget  gate (h) closes,\ndoesn't it?"));
    }

    @Test
    void underscoreIsPunctuationAndNumbersAreWords() {
        assertEquals(List.of("f", "_", "t", "=", "0", ".", "5"), words.split("f_t = 0.5"));
        assertEquals(List.of("café", "naïve"), words.split("  café\tnaïve  "));
    }

    @Test
    void joinPutsSpacesBetweenWordsButNotInsideBracketsOrBeforeCommas() {
        List<String> tokens = words.split("The forget gate (and the input gate) decide, mostly.");
        assertEquals("The forget gate (and the input gate) decide, mostly.", words.join(tokens));
    }

    @Property
    void splittingTheJoinedTokensGivesTheSameTokens(@ForAll String text) {
        List<String> tokens = words.split(text);
        assertEquals(tokens, words.split(words.join(tokens)));
    }

    @Test
    void anUnknownTokenizerNameIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tokenizer.named("bpe"));
        assertEquals("unknown tokenizer \"bpe\" (expected char or word)", e.getMessage());
    }
}
