package org.rnnexplorer.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class CharTokenizerTest {
    private final Tokenizer chars = Tokenizer.named("char");

    @Test
    void everyCodePointIsOneTokenIncludingSpacesAndEmoji() {
        assertEquals(List.of("a", " ", "\n", "é", "\uD83D\uDE00", "b"), chars.split("a \né\uD83D\uDE00b"));
    }

    @Property
    void joinGivesBackTheText(@ForAll String text) {
        assertEquals(text, chars.join(chars.split(text)));
    }
}
