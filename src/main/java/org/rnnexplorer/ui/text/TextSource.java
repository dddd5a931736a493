package org.rnnexplorer.ui.text;

import java.util.List;
import org.rnnexplorer.analysis.CompactColumns;
import org.rnnexplorer.analysis.CompactColumns;
import org.rnnexplorer.analysis.TokenizedText;
import org.rnnexplorer.analysis.TraceColumns;
import org.rnnexplorer.analysis.UnitColumns;
import org.rnnexplorer.data.TextEncoding;
import org.rnnexplorer.ui.explorer.trace.TraceResult;

/**
 * What the Text tab and the unit finder read of the window's trace: its series behind the {@link UnitColumns} view
 * (the one place that knows whether the trace is the full float64 one or a compact one) and its tokens as a
 * {@link TokenizedText} (the tokens the model was fed, joined back into the text the hypotheses read).
 *
 * @param result  the trace shown
 * @param columns its series
 * @param text    its tokens
 */
public record TextSource(TraceResult result, UnitColumns columns, TokenizedText text) {

    /** The source of a finished trace of token input, or null (numeric input, no steps, a long trace not filled yet). */
    public static TextSource of(TraceResult r) {
        if (r == null || r.steps() == 0 || !r.model().takesTokens()) return null;
        if (r.isCompact() && !r.compact().isComplete()) return null;
        List<String> tokens = r.input().tokens();
        boolean word = "word".equals(r.model().tokenizer());
        String joined = String.join(word ? " " : "", tokens);
        TokenizedText text = TokenizedText.of(joined, TextEncoding.tokenizerOf(r.model()));
        if (text.steps() != r.steps()) return null;
        return new TextSource(r, r.isCompact() ? new CompactColumns(r.compact()) : new TraceColumns(r.original()), text);
    }

    public List<String> tokens() {
        return text.tokens();
    }

    public boolean spaced() {
        return text.dropsWhitespace();
    }
}
