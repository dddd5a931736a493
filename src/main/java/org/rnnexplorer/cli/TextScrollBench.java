package org.rnnexplorer.cli;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.rnnexplorer.analysis.CompactColumns;
import org.rnnexplorer.analysis.Quantity;
import org.rnnexplorer.analysis.SeriesLayout;
import org.rnnexplorer.chart.ColorScale;
import org.rnnexplorer.chart.TextHeatmapHtml;
import org.rnnexplorer.chart.TextHeatmapPainter;
import org.rnnexplorer.chart.TextWrap;
import org.rnnexplorer.data.Tokenizer;
import org.rnnexplorer.data.UnknownTokenException;
import org.rnnexplorer.data.Vocabulary;
import org.rnnexplorer.io.ModelFile;
import org.rnnexplorer.io.TextFile;
import org.rnnexplorer.model.CompactTrace;
import org.rnnexplorer.model.InputBatch;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.model.RobustScale;

/**
 * {@code bench --protocol text-scroll}: the Text tab's frames while scrolling through a long text. The first T
 * tokens of the text run through the model into a {@link CompactTrace} (as the window keeps a long input), a row of
 * values is read from it through {@link CompactColumns} (cell unit 0 of layer 0, or h for a cell without C, on the
 * 99th-percentile scale the tab uses), the text is wrapped as a 1,100-pixel view wraps it, and then the view
 * scrolls from the first line to the last, 40 pixels (a wheel notch) a frame: each frame is what the tab does,
 * {@link TextHeatmapPainter#paint} of the lines in a 1,100 × 760 view into its image, plus a copy of the pixels
 * (the tab hands them to JavaFX). Timed per frame: p50, p95 and max, with one band row and with three.
 * What is not in it: JavaFX's upload of the image to the screen, which the {@code fx-responsiveness} protocol sees.
 */
final class TextScrollBench {
    static final int WIDTH = 1100;
    static final int HEIGHT = 760;
    static final double NOTCH = 40;

    private TextScrollBench() {
    }

    static List<String> run(Path modelFile, Path textFile, int steps) {
        if (modelFile == null || textFile == null)
            throw new BadInputException("--model and --text-file: text-scroll runs a model file over a text");
        RnnModel model = ModelFile.read(modelFile);
        if (model.vocabulary().isEmpty()) throw new BadInputException(modelFile + ": the model has no vocabulary to read text");
        List<String> all = Tokenizer.named(model.tokenizer() == null ? "char" : model.tokenizer()).split(TextFile.read(textFile));
        if (all.size() < steps) throw new BadInputException(textFile + ": " + all.size() + " tokens, fewer than --steps " + steps);
        List<String> tokens = all.subList(0, steps);
        int[] ids;
        try {
            ids = Vocabulary.of(model.vocabulary()).encode(tokens);
        } catch (UnknownTokenException e) {
            throw new BadInputException(textFile + ": tokens outside the model's vocabulary: " + e.describePositions("tokens"));
        }
        long t0 = System.nanoTime();
        CompactTrace trace = new CompactTrace(model, InputBatch.ofTokens(ids), List.of());
        trace.record(null);
        double recordMs = (System.nanoTime() - t0) / 1e6;
        CompactColumns columns = new CompactColumns(trace);
        SeriesLayout layout = columns.layout();
        Quantity q = model.cell().hasCellState() ? Quantity.CELL : Quantity.HIDDEN;
        List<TextHeatmapHtml.Row> rows = new ArrayList<>();
        for (int u = 0; u < 3; u++) {
            float[] v = columns.column(layout.index(0, q, u));
            rows.add(new TextHeatmapHtml.Row("l0." + q.id() + "." + u, v, ColorScale.diverging(scale(v))));
        }
        TextHeatmapPainter painter = TextHeatmapPainter.standard();
        TextWrap wrap = new TextWrap(tokens, "word".equals(model.tokenizer()), painter.columnsFor(WIDTH));
        List<String> lines = new ArrayList<>();
        for (int n : new int[] {1, 3}) {
            double[] ms = scroll(painter, wrap, rows.subList(0, n));
            double[] sorted = ms.clone();
            Arrays.sort(sorted);
            lines.add(String.format(Locale.ROOT, "{\"protocol\": \"text-scroll\", \"engine\": \"rnn-explorer\", "
                            + "\"model\": \"%s\", \"cell\": \"%s\", \"layers\": %d, \"H\": %d, \"T\": %d, \"lines\": %d, "
                            + "\"rows\": %d, \"view\": \"%dx%d\", \"frames\": %d, \"p50_ms\": %.3f, \"p95_ms\": %.3f, "
                            + "\"max_ms\": %.3f, \"record_ms\": %.0f}",
                    modelFile.getFileName(), model.cell().id(), model.layerCount(), model.hiddenSize(), steps,
                    wrap.lines(), n, WIDTH, HEIGHT, ms.length, quantile(sorted, 0.5), quantile(sorted, 0.95),
                    sorted[sorted.length - 1], recordMs));
        }
        return lines;
    }

    /** Frame times in ms of one scroll from the top to the bottom, after a warm-up scroll over the first 300 frames. */
    private static double[] scroll(TextHeatmapPainter painter, TextWrap wrap, List<TextHeatmapHtml.Row> rows) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_ARGB_PRE);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData(), screen = new int[pixels.length];
        double max = Math.max(0, wrap.lines() * painter.blockHeight(rows.size()) - HEIGHT);
        int frames = (int) Math.ceil(max / NOTCH) + 1;
        for (int f = 0; f < Math.min(300, frames); f++) frame(painter, wrap, rows, image, pixels, screen, f * NOTCH);
        double[] ms = new double[frames];
        for (int f = 0; f < frames; f++) {
            long t0 = System.nanoTime();
            frame(painter, wrap, rows, image, pixels, screen, Math.min(max, f * NOTCH));
            ms[f] = (System.nanoTime() - t0) / 1e6;
        }
        return ms;
    }

    private static void frame(TextHeatmapPainter painter, TextWrap wrap, List<TextHeatmapHtml.Row> rows,
                              BufferedImage image, int[] pixels, int[] screen, double top) {
        Graphics2D g = image.createGraphics();
        try {
            painter.paint(g, wrap, rows, top, WIDTH, HEIGHT, new TextHeatmapPainter.Marks(-1, -1, -1, -1));
        } finally {
            g.dispose();
        }
        System.arraycopy(pixels, 0, screen, 0, pixels.length);
    }

    /** The tab's scale of an unbounded row: the 99th percentile of |v| (1 when every value is 0). */
    private static double scale(float[] v) {
        return RobustScale.ofSeries(v, 0.99);
    }

    private static double quantile(double[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
    }
}
