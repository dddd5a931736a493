package org.rnnexplorer.ui.explorer.diagram;

import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.LayerTrace;
import org.rnnexplorer.model.Trace;
import org.rnnexplorer.ui.explorer.trace.TraceResult;

/**
 * The vectors the cell diagram draws for one step of one layer: h_{t−1}, C_{t−1}, x_t, every gate, C_t and h_t.
 * Two frames blend for the animated transition between steps.
 *
 * @param gates  gate activations by PyTorch block index, [G][H]
 * @param cScale the largest |C| of the layer over the whole trace (at least 1): the colour scale of C
 * @param xScale the largest |x| of the layer over the whole trace: the colour scale of x_t
 */
public record DiagramFrame(CellType cell, int layer, int step, String token, double[] hPrev, double[] cPrev, double[] x,
                           double[][] gates, double[] c, double[] h, double cScale, double xScale, boolean whatIf) {

    /** The colour scales of a layer over the whole trace, {C, x}. */
    public static double[] scales(Trace tr, int layer) {
        LayerTrace lt = tr.layer(layer);
        int hs = tr.hiddenSize();
        double cScale = 1, xScale = 1e-9;
        for (int s = 0; s < tr.steps(); s++) {
            if (lt.c != null) for (int u = 0; u < hs; u++) cScale = Math.max(cScale, Math.abs(lt.c[s].data[u]));
            for (int j = 0; j < lt.x[s].numCols; j++) xScale = Math.max(xScale, Math.abs(lt.x[s].data[j]));
        }
        return new double[] {cScale, xScale};
    }

    /** The frame of {@code tr} (the original trace of {@code r} or its what-if). */
    public static DiagramFrame of(TraceResult r, Trace tr, int layer, int t, double[] scales, boolean whatIf) {
        return of(r, tr, layer, t, t, scales, whatIf);
    }

    /**
     * The frame of step {@code t} read at index {@code local} of {@code tr}: a stretch of a long trace recomputed
     * from a checkpoint starts there, not at step 0.
     */
    public static DiagramFrame of(TraceResult r, Trace tr, int layer, int step, int local, double[] scales,
                                  boolean whatIf) {
        int t = local;
        LayerTrace lt = tr.layer(layer);
        int hs = tr.hiddenSize();
        CellType cell = tr.cell();
        double[][] gates = new double[cell.blocks()][hs];
        for (int g = 0; g < cell.blocks(); g++)
            for (int u = 0; u < hs; u++) gates[g][u] = lt.act[t].data[g * hs + u];
        double cScale = scales[0], xScale = scales[1];
        return new DiagramFrame(cell, layer, step, r.input().tokens().get(step), row(lt.hPrev(t).data, hs),
                lt.c == null ? null : row(lt.cPrev(t).data, hs), row(lt.x[t].data, lt.x[t].numCols), gates,
                lt.c == null ? null : row(lt.c[t].data, hs), row(lt.h[t].data, hs), cScale, xScale, whatIf);
    }

    private static double[] row(double[] data, int n) {
        double[] r = new double[n];
        System.arraycopy(data, 0, r, 0, n);
        return r;
    }

    /** This frame moved a fraction {@code p} of the way to {@code o} (same shapes); {@code o} itself at p = 1. */
    public DiagramFrame towards(DiagramFrame o, double p) {
        if (p >= 1 || o == null || !sameShape(o)) return o == null ? this : o;
        double[][] g = new double[gates.length][];
        for (int i = 0; i < g.length; i++) g[i] = lerp(gates[i], o.gates[i], p);
        return new DiagramFrame(cell, o.layer, o.step, o.token, lerp(hPrev, o.hPrev, p), lerp(cPrev, o.cPrev, p), lerp(x, o.x, p), g,
                lerp(c, o.c, p), lerp(h, o.h, p), o.cScale, o.xScale, o.whatIf);
    }

    private boolean sameShape(DiagramFrame o) {
        return cell == o.cell && h.length == o.h.length && x.length == o.x.length;
    }

    private static double[] lerp(double[] a, double[] b, double p) {
        if (a == null || b == null) return b;
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) r[i] = a[i] + (b[i] - a[i]) * p;
        return r;
    }
}
