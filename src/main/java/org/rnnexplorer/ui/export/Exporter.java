package org.rnnexplorer.ui.export;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import org.jfree.chart.JFreeChart;
import org.rnnexplorer.chart.ChartExport;
import org.rnnexplorer.chart.ChartFormat;
import org.rnnexplorer.io.AtomicFiles;
import org.rnnexplorer.io.TraceCsv;
import org.rnnexplorer.io.TraceFile;
import org.rnnexplorer.model.Gradients;
import org.rnnexplorer.model.Trace;
import org.rnnexplorer.ui.common.DaemonThreads;
import org.rnnexplorer.ui.common.DialogService;
import org.rnnexplorer.ui.common.Messages;

/**
 * Saves what a pane shows: charts (PNG 1x/2x, SVG, PDF), the pane itself as PNG, and the trace (CSV, JSON). The user
 * picks the file (through the {@link DialogService}); the FX thread only takes what must be taken there (a copy of
 * the chart, a snapshot of the node), and drawing, encoding and the atomic write run on a background thread. A
 * failure is shown as one line naming the file ("gradient.pdf: cannot write: permission denied").
 */
public final class Exporter {
    /** Size of an exported chart in points (PNG 2x: twice the pixels): a 16:10 slide. */
    public static final int CHART_WIDTH = 1200;
    public static final int CHART_HEIGHT = 750;

    private final ExecutorService writer = DaemonThreads.single("export");
    private final ReadOnlyObjectWrapper<Path> lastWritten = new ReadOnlyObjectWrapper<>(this, "lastWritten");
    private final DialogService dialogs;

    /** Files are chosen and errors shown through {@code dialogs}. */
    public Exporter(DialogService dialogs) {
        this.dialogs = dialogs;
    }

    /** A menu "title" with PNG, PNG 2x, SVG and PDF of the chart given at the time of the click. */
    public Menu chartMenu(String title, String stem, Supplier<JFreeChart> chart) {
        Menu m = new Menu(title);
        for (ChartFormat f : ChartFormat.values()) {
            MenuItem item = new MenuItem(label(f));
            item.setId("export-" + stem + "-" + f.name().toLowerCase());
            item.setOnAction(e -> exportChart(chart.get(), f, stem));
            m.getItems().add(item);
        }
        return m;
    }

    /** Items "title (PNG)" and "title (PNG 2x)" that save a picture of the node. */
    public List<MenuItem> nodeItems(String title, String stem, Supplier<Node> node) {
        MenuItem one = new MenuItem(title + " as PNG");
        one.setId("export-" + stem + "-png");
        one.setOnAction(e -> exportNode(node.get(), 1, stem));
        MenuItem two = new MenuItem(title + " as PNG 2x (slides)");
        two.setId("export-" + stem + "-png_2x");
        two.setOnAction(e -> exportNode(node.get(), 2, stem));
        return List.of(one, two);
    }

    /** The trace, its tokens and gradients at the time of the click. */
    public record TraceSnapshot(Trace trace, List<String> tokens, Gradients gradients, String objective) {
    }

    /** Items "Trace to CSV" and "Trace to JSON". */
    public List<MenuItem> traceItems(Supplier<TraceSnapshot> trace) {
        MenuItem csv = new MenuItem("Trace to CSV (a row per step)");
        csv.setId("export-trace-csv");
        csv.setOnAction(e -> exportTraceCsv(trace.get()));
        MenuItem json = new MenuItem("Trace to JSON");
        json.setId("export-trace-json");
        json.setOnAction(e -> exportTraceJson(trace.get()));
        return List.of(csv, json);
    }

    public void exportChart(JFreeChart chart, ChartFormat format, String stem) {
        if (chart == null) return;
        Path file = dialogs.chooseFileToSave("Save chart as " + label(format),
                stem + (format == ChartFormat.PNG_2X ? "@2x" : "") + "." + format.extension(), format.extension());
        if (file == null) return;
        JFreeChart copy = copyOf(chart);
        run(file, () -> AtomicFiles.write(file, out -> ChartExport.write(copy, format, CHART_WIDTH, CHART_HEIGHT, out)));
    }

    public void exportNode(Node node, double scale, String stem) {
        if (node == null) return;
        Path file = dialogs.chooseFileToSave("Save picture as PNG", stem + (scale == 2 ? "@2x" : "") + ".png", "png");
        if (file == null) return;
        BufferedImage image = NodeSnapshots.image(node, scale);
        run(file, () -> NodeSnapshots.writePng(image, file));
    }

    public void exportTraceCsv(TraceSnapshot t) {
        if (t == null) return;
        Path file = dialogs.chooseFileToSave("Save trace as CSV", "trace.csv", "csv");
        if (file == null) return;
        run(file, () -> AtomicFiles.writeText(file, w -> TraceCsv.write(t.trace(), t.tokens(), t.gradients(), w)));
    }

    public void exportTraceJson(TraceSnapshot t) {
        if (t == null) return;
        Path file = dialogs.chooseFileToSave("Save trace as JSON", "trace.json", "json");
        if (file == null) return;
        run(file, () -> TraceFile.write(file, t.trace(), t.tokens(), t.gradients(), t.objective()));
    }

    /**
     * Asks where to save {@code suggestedName} and writes what {@code render} makes there, off the FX thread
     * ({@code render} runs on the writer thread, so it must not touch the scene).
     */
    public void exportBytes(String title, String suggestedName, String extension, Supplier<byte[]> render) {
        Path file = dialogs.chooseFileToSave(title, suggestedName, extension);
        if (file == null) return;
        run(file, () -> {
            byte[] bytes = render.get();
            AtomicFiles.write(file, out -> out.write(bytes));
        });
    }

    /** Size of a GIF frame drawn from a chart, in pixels. */
    public static final int GIF_WIDTH = 960;
    public static final int GIF_HEIGHT = 540;

    /**
     * A looping GIF of a chart stepping through the input: frame t is {@code chartAt.apply(t)} (e.g. the gate chart
     * with its cursor at step t), drawn off the FX thread, {@code delayMillis} per frame.
     */
    public void exportChartGif(IntFunction<JFreeChart> chartAt, int steps, int delayMillis, String stem) {
        if (steps < 1) return;
        Path file = dialogs.chooseFileToSave("Save step-through as GIF", stem + ".gif", "gif");
        if (file == null) return;
        int n = Math.min(steps, AnimatedGif.MAX_FRAMES);
        run(file, () -> AnimatedGif.write(file, AnimatedGif.imagesOf(0, n - 1,
                t -> ChartImages.draw(chartAt.apply(t), GIF_WIDTH, GIF_HEIGHT)), delayMillis));
    }

    private void run(Path file, Runnable write) {
        writer.execute(() -> {
            try {
                write.run();
                Platform.runLater(() -> {
                    lastWritten.set(null);
                    lastWritten.set(file);
                });
            } catch (RuntimeException e) {
                String msg = Messages.naming(file, e);
                Platform.runLater(() -> dialogs.showError("Export failed", msg));
            }
        });
    }

    private static JFreeChart copyOf(JFreeChart chart) {
        try {
            return (JFreeChart) chart.clone();
        } catch (CloneNotSupportedException e) {
            return chart;
        }
    }

    static String label(ChartFormat f) {
        switch (f) {
            case PNG: return "PNG";
            case PNG_2X: return "PNG 2x (slides)";
            case SVG: return "SVG (vector)";
            default: return "PDF (vector)";
        }
    }

    /** The last file written (set on the FX thread after the move). */
    public ReadOnlyObjectProperty<Path> lastWrittenProperty() { return lastWritten.getReadOnlyProperty(); }

}
