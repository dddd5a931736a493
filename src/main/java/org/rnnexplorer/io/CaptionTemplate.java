package org.rnnexplorer.io;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.RnnModel;

/**
 * A slide's caption: text with live numbers, {@code "the forget gate is {f} at step {step} ('{token}')"}. A
 * placeholder is a {@link Placeholder} name in braces; {@code {{} and {@code }}} write a brace. The window fills the
 * placeholders from the trace on screen (the selected unit, layer and step), so a caption never goes stale. Parsing
 * refuses an unclosed brace and an unknown name; {@link #check} refuses a name the model cannot fill (the forget gate
 * of a GRU).
 */
public final class CaptionTemplate {
    /** The live numbers a caption can show; values are of the selected unit and layer at the selected step. */
    public enum Placeholder {
        STEP("step", null, "the step, from 1"),
        STEPS("steps", null, "the number of steps"),
        TOKEN("token", null, "the input at the step"),
        UNIT("unit", null, "the selected unit"),
        LAYER("layer", null, "the selected layer, from 1"),
        H("h", null, "hidden state hₜ"),
        H_PREV("hprev", null, "hidden state hₜ₋₁"),
        PREDICTED("predicted", null, "the likeliest output after the step (needs a readout)"),
        P("p", null, "its probability, as a percentage (needs a readout)"),
        C("c", CellType.LSTM, "cell state Cₜ"),
        C_PREV("cprev", CellType.LSTM, "cell state Cₜ₋₁"),
        F("f", CellType.LSTM, "forget gate fₜ"),
        I("i", CellType.LSTM, "input gate iₜ"),
        G("g", CellType.LSTM, "candidate C~ₜ"),
        O("o", CellType.LSTM, "output gate oₜ"),
        R("r", CellType.GRU, "reset gate rₜ"),
        Z("z", CellType.GRU, "update gate zₜ"),
        N("n", CellType.GRU, "candidate nₜ");

        private final String id;
        private final CellType cell;
        private final String means;

        Placeholder(String id, CellType cell, String means) {
            this.id = id;
            this.cell = cell;
            this.means = means;
        }

        public String id() { return id; }

        /** The only cell that has it, or null for every cell. */
        public CellType cell() { return cell; }

        public String means() { return means; }

        /** The placeholder called {@code id}, or null. */
        public static Placeholder named(String id) {
            for (Placeholder p : values()) if (p.id.equals(id)) return p;
            return null;
        }

        /** "{step}, {steps}, ...": every name, for messages and the caption editor's help. */
        public static String list() {
            StringBuilder b = new StringBuilder();
            for (Placeholder p : values()) b.append(b.length() == 0 ? "" : ", ").append('{').append(p.id).append('}');
            return b.toString();
        }
    }

    /** A piece of a caption: literal text, or a placeholder (text null). */
    private record Piece(String text, Placeholder placeholder) {
    }

    private final List<Piece> pieces;

    private CaptionTemplate(List<Piece> pieces) {
        this.pieces = pieces;
    }

    /** The template of {@code caption}; IllegalArgumentException (one line) for a bad brace or an unknown name. */
    public static CaptionTemplate parse(String caption) {
        List<Piece> out = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0, n = caption.length();
        while (i < n) {
            char ch = caption.charAt(i);
            if (ch == '{' && i + 1 < n && caption.charAt(i + 1) == '{') {
                text.append('{');
                i += 2;
            } else if (ch == '}' && i + 1 < n && caption.charAt(i + 1) == '}') {
                text.append('}');
                i += 2;
            } else if (ch == '{') {
                int end = i + 1;
                while (end < n && Character.isLetterOrDigit(caption.charAt(end))) end++;
                if (end == n || caption.charAt(end) != '}' || end == i + 1)
                    throw new IllegalArgumentException("the caption has a { at character " + (i + 1)
                            + " that does not start a placeholder such as {f} (write {{ for a brace)");
                String name = caption.substring(i + 1, end);
                Placeholder p = Placeholder.named(name);
                if (p == null) throw new IllegalArgumentException("the caption's placeholder {"
                        + (name.length() > 20 ? name.substring(0, 17) + "..." : name) + "} is unknown (known: "
                        + Placeholder.list() + ")");
                if (text.length() > 0) out.add(new Piece(text.toString(), null));
                text.setLength(0);
                out.add(new Piece(null, p));
                i = end + 1;
            } else if (ch == '}') {
                throw new IllegalArgumentException("the caption has a } at character " + (i + 1)
                        + " with no { before it (write }} for a brace)");
            } else {
                text.append(ch);
                i++;
            }
        }
        if (text.length() > 0) out.add(new Piece(text.toString(), null));
        return new CaptionTemplate(List.copyOf(out));
    }

    /** Refuses (IllegalArgumentException) a placeholder {@code model} cannot fill. */
    public CaptionTemplate check(RnnModel model) {
        for (Placeholder p : placeholders()) {
            if (p.cell != null && p.cell != model.cell())
                throw new IllegalArgumentException("the caption's {" + p.id + "} (" + p.means + ") is of the "
                        + p.cell.id() + " cell, but the model is a " + model.cell().id());
            if ((p == Placeholder.PREDICTED || p == Placeholder.P) && !model.hasHead())
                throw new IllegalArgumentException("the caption's {" + p.id + "} needs a readout, and the model has none");
        }
        return this;
    }

    /** The placeholders in the order they appear. */
    public List<Placeholder> placeholders() {
        List<Placeholder> out = new ArrayList<>();
        for (Piece p : pieces) if (p.placeholder != null) out.add(p.placeholder);
        return out;
    }

    /** The caption with each placeholder replaced by {@code value} of it. */
    public String fill(Function<Placeholder, String> value) {
        StringBuilder b = new StringBuilder();
        for (Piece p : pieces) b.append(p.text != null ? p.text : value.apply(p.placeholder));
        return b.toString();
    }
}
