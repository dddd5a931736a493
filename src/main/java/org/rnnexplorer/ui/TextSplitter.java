package org.rnnexplorer.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits the editor's text into tokens the way the model's tokenizer does: code points, or words and punctuation. */
final class TextSplitter {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_']+|[^\\s\\p{L}\\p{N}_']");

    private TextSplitter() {
    }

    static List<String> split(String tokenizer, String text) {
        List<String> out = new ArrayList<>();
        if ("word".equals(tokenizer)) {
            Matcher m = WORD.matcher(text);
            while (m.find()) out.add(m.group());
        } else {
            text.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
        }
        return out;
    }
}
