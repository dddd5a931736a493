package org.rnnexplorer.ui.lesson;

import java.util.List;
import org.rnnexplorer.analysis.Quantity;
import org.rnnexplorer.io.CaptionTemplate;
import org.rnnexplorer.io.CaptionTemplate.Placeholder;
import org.rnnexplorer.model.LayerTrace;
import org.rnnexplorer.model.Trace;
import org.rnnexplorer.ui.common.Num;
import org.rnnexplorer.ui.common.TokenLabels;
import org.rnnexplorer.ui.explorer.strip.Prediction;
import org.rnnexplorer.ui.explorer.trace.Selection;

/**
 * A caption's live numbers, read from what the window shows: the trace of the diagram and the equations (the what-if
 * trace when it is shown), the selected layer and unit, the selected step, written as the window writes numbers
 * ({@link Num#f}). A placeholder the open model cannot fill (a lesson whose slide is still loading) reads "…".
 */
final class CaptionValues {
    static final String PENDING = "…";

    private CaptionValues() {
    }

    static String fill(CaptionTemplate caption, Selection s) {
        return caption.fill(p -> value(p, s));
    }

    /** Every placeholder as "…" (while the slide's trace is on its way). */
    static String pending(CaptionTemplate caption) {
        return caption.fill(p -> PENDING);
    }

    static String value(Placeholder p, Selection s) {
        if (s == null || !s.hasSteps()) return PENDING;
        Trace tr = s.shown();
        int t = s.step(), layer = s.layer(), u = s.unit();
        LayerTrace lt = tr.layer(layer);
        if (p.cell() != null && p.cell() != tr.cell()) return PENDING;
        return switch (p) {
            case STEP -> String.valueOf(t + 1);
            case STEPS -> String.valueOf(s.result().steps());
            case TOKEN -> TokenLabels.visible(s.token());
            case UNIT -> String.valueOf(u);
            case LAYER -> String.valueOf(layer + 1);
            case H -> Num.f(tr.hidden(layer, t, u));
            case H_PREV -> Num.f(lt.hPrev(t).data[u]);
            case C -> Num.f(tr.cellState(layer, t, u));
            case C_PREV -> Num.f(lt.cPrev(t).data[u]);
            case F -> gate(Quantity.FORGET_GATE, s);
            case I -> gate(Quantity.INPUT_GATE, s);
            case G -> gate(Quantity.LSTM_CANDIDATE, s);
            case O -> gate(Quantity.OUTPUT_GATE, s);
            case R -> gate(Quantity.RESET_GATE, s);
            case Z -> gate(Quantity.UPDATE_GATE, s);
            case N -> gate(Quantity.GRU_CANDIDATE, s);
            case PREDICTED, P -> {
                List<Prediction> top = Prediction.top(s.result().model(), tr, t, 1);
                if (top.isEmpty()) yield PENDING;
                yield p == Placeholder.P ? Num.percent(top.get(0).probability()) : TokenLabels.visible(top.get(0).token());
            }
        };
    }

    private static String gate(Quantity q, Selection s) {
        return Num.f(q.value(s.shown(), s.layer(), s.step(), s.unit()));
    }
}
