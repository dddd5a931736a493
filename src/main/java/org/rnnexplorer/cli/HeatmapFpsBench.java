package org.rnnexplorer.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.rnnexplorer.analysis.Quantity;
import org.rnnexplorer.chart.HeatmapColours;
import org.rnnexplorer.chart.HeatmapRaster;
import org.rnnexplorer.chart.HeatmapViewport;
import org.rnnexplorer.data.Tokenizer;
import org.rnnexplorer.data.UnknownTokenException;
import org.rnnexplorer.data.Vocabulary;
import org.rnnexplorer.io.ModelFile;
import org.rnnexplorer.io.TextFile;
import org.rnnexplorer.model.CompactTrace;
import org.rnnexplorer.model.InputBatch;
import org.rnnexplorer.model.RnnModel;

/**
 * {@code bench --protocol heatmap-fps}: how many frames a second the cell tab's heatmaps can be redrawn while the
 * user zooms and pans over a long compact trace. A frame is what the window computes off the JavaFX thread for one
 * zoom or pan: the pixels of every heatmap of the layer (h, C and the gates) at {@link #WIDTH} columns each, through
 * {@link HeatmapRaster} with the colour scales taken once before (as the window keeps them); the overview strip is
 * not redrawn on zoom or pan. Not counted: JavaFX putting the images on screen (a texture upload and a scaled
 * draw of a few hundred thousand pixels). The gesture: from the whole input, ten zooms in by 1.5 about the middle,
 * sixty pans of 20 pixels, ten zooms out; repeated {@code reps} times after one untimed run. One thread.
 */
final class HeatmapFpsBench {
    /** Columns per heatmap: a half of a 1,400-pixel-wide window, two heatmaps a row. */
    static final int WIDTH = 700;

    private HeatmapFpsBench() {
    }

    static String run(Path modelFile, Path textFile, int steps, int reps) {
        if (modelFile == null || textFile == null)
            throw new BadInputException("--model and --text-file: the heatmap-fps protocol traces a model file over a text");
        RnnModel model = ModelFile.read(modelFile);
        if (model.vocabulary().isEmpty()) throw new BadInputException(modelFile + ": the model has no vocabulary to read text");
        List<String> all = Tokenizer.named(model.tokenizer() == null ? "char" : model.tokenizer()).split(TextFile.read(textFile));
        if (all.size() < steps) throw new BadInputException(textFile + ": " + all.size() + " tokens, fewer than --steps " + steps);
        int[] ids;
        try {
            ids = Vocabulary.of(model.vocabulary()).encode(all.subList(0, steps));
        } catch (UnknownTokenException e) {
            throw new BadInputException(textFile + ": tokens outside the model's vocabulary: " + e.describePositions("tokens"));
        }
        long t0 = System.nanoTime();
        CompactTrace trace = new CompactTrace(model, InputBatch.ofTokens(ids), List.of());
        trace.record(null);
        double traceSeconds = (System.nanoTime() - t0) / 1e9;

        List<HeatmapRaster.Columns> data = new ArrayList<>();
        List<HeatmapColours> colours = new ArrayList<>();
        for (Quantity q : Quantity.all(model.cell())) {
            HeatmapRaster.Columns c = HeatmapRaster.of(trace, 0, HeatmapRaster.key(q));
            data.add(c);
            colours.add(HeatmapColours.of(q.range(), HeatmapColours.Choice.PER_UNIT_99, c));
        }
        List<HeatmapViewport> gesture = gesture(steps);
        HeatmapRaster raster = new HeatmapRaster(model.hiddenSize());
        int[] argb = new int[WIDTH * model.hiddenSize()];
        double[] frameMs = new double[gesture.size() * reps];
        frames(gesture, data, colours, raster, argb, null); // warm-up
        long start = System.nanoTime();
        for (int r = 0; r < reps; r++) frames(gesture, data, colours, raster, argb, frameMs, r * gesture.size());
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(frameMs);
        return String.format(Locale.ROOT, "{\"protocol\": \"heatmap-fps\", \"engine\": \"rnn-explorer\", \"model\": \"%s\", "
                        + "\"T\": %d, \"heatmaps\": %d, \"width\": %d, \"units\": %d, \"frames\": %d, \"fps\": %.1f, "
                        + "\"median_frame_ms\": %.2f, \"p95_frame_ms\": %.2f, \"max_frame_ms\": %.2f, \"trace_s\": %.1f}",
                modelFile.getFileName(), steps, data.size(), WIDTH, model.hiddenSize(), frameMs.length,
                frameMs.length / seconds, frameMs[frameMs.length / 2], frameMs[(int) (frameMs.length * 0.95)],
                frameMs[frameMs.length - 1], traceSeconds);
    }

    /** Fit, ten zooms in about the middle, sixty pans of 20 px to the right, ten zooms out. */
    static List<HeatmapViewport> gesture(int steps) {
        List<HeatmapViewport> g = new ArrayList<>();
        HeatmapViewport v = HeatmapViewport.fit(steps);
        g.add(v);
        for (int i = 0; i < 10; i++) g.add(v = v.zoom(1.5, 0.5));
        for (int i = 0; i < 60; i++) g.add(v = v.pan(-20, WIDTH));
        for (int i = 0; i < 10; i++) g.add(v = v.zoom(1 / 1.5, 0.5));
        return g;
    }

    private static void frames(List<HeatmapViewport> gesture, List<HeatmapRaster.Columns> data,
                               List<HeatmapColours> colours, HeatmapRaster raster, int[] argb, double[] ms) {
        frames(gesture, data, colours, raster, argb, ms, 0);
    }

    private static void frames(List<HeatmapViewport> gesture, List<HeatmapRaster.Columns> data,
                               List<HeatmapColours> colours, HeatmapRaster raster, int[] argb, double[] ms, int at) {
        for (int f = 0; f < gesture.size(); f++) {
            long t = System.nanoTime();
            for (int h = 0; h < data.size(); h++) raster.render(data.get(h), gesture.get(f), WIDTH, colours.get(h), argb);
            if (ms != null) ms[at + f] = (System.nanoTime() - t) / 1e6;
        }
    }
}
