package org.rnnexplorer.cli;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.jfree.chart.JFreeChart;
import org.rnnexplorer.analysis.CellPeers;
import org.rnnexplorer.chart.ChartExport;
import org.rnnexplorer.chart.ChartFormat;
import org.rnnexplorer.chart.GateChart;
import org.rnnexplorer.chart.GradientChart;
import org.rnnexplorer.analysis.GradientCurve;
import org.rnnexplorer.analysis.GradientCurves;
import org.rnnexplorer.analysis.GradientObjective;
import org.rnnexplorer.chart.SaturationChart;
import org.rnnexplorer.chart.StateHeatmap;
import org.rnnexplorer.analysis.Quantity;
import org.rnnexplorer.io.TraceCsv;
import org.rnnexplorer.io.AtomicFiles;
import org.rnnexplorer.io.BadFileException;
import org.rnnexplorer.io.Escaped;
import org.rnnexplorer.io.ModelFile;
import org.rnnexplorer.io.StagedFiles;
import org.rnnexplorer.io.TraceFile;
import org.rnnexplorer.model.BackwardPass;
import org.rnnexplorer.model.ForwardPass;
import org.rnnexplorer.model.Gradients;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.model.Trace;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code export --model M.json (--input X.csv | --text "...") --out DIR [--formats png,svg,pdf,csv,json]
 * [--width W --height H]}: the gradient chart, the gate-activation plots, the saturation chart and the state
 * heatmaps of every layer, without a window, plus the trace as CSV or JSON. Each file is drawn and written to a
 * temporary file in turn (one drawing in memory at a time); they are moved into place only when all are on disk, so a
 * failure leaves the folder as it was.
 */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Write the gradient chart, gate plots and state heatmaps (PNG/SVG/PDF) and the"
        + " trace (CSV/JSON) of a model over an input into a folder.")
public final class ExportCommand implements Callable<Integer> {
    /** Longer inputs are refused: a heatmap of more steps cannot be read and takes long to draw. */
    static final int MAX_STEPS = 5000;

    @Mixin
    ModelOption modelOption;

    @ArgGroup(multiplicity = "1")
    InputOptions input;

    @Option(names = "--out", required = true, paramLabel = "DIR", converter = PathOptions.FolderPath.class, description = "the folder to write into (made if missing)")
    Path out;

    @Option(names = "--formats", defaultValue = "png", split = ",", paramLabel = "F",
            description = "any of png, png@2x, svg, pdf (charts), csv, json (trace); default ${DEFAULT-VALUE}")
    List<String> formats;

    @Option(names = "--width", defaultValue = "1200", description = "chart width in points (PNG pixels at 1x); default ${DEFAULT-VALUE}")
    int width;

    @Option(names = "--height", defaultValue = "675", description = "chart height in points; default ${DEFAULT-VALUE}")
    int height;

    @Option(names = "--units", split = ",", paramLabel = "U",
            description = "the units drawn in the gate plots (default: the first four)")
    int[] units;

    @Option(names = "--step", description = "a step to mark in the plots (default: none)")
    Integer step;

    @Option(names = "--grad-seed", paramLabel = "V.csv",
            description = "one row of hiddenSize numbers v: L = dot(v, h[T-1]) (default: the model's own loss"
                    + " of the last token, or the sum of h[T-1])")
    Path gradSeed;

    @Option(names = "--compare", split = ",", paramLabel = "M2.json",
            description = "also draw gradient-compare: the same input through these models beside --model")
    List<Path> compare;

    @Option(names = "--compare-cells", description = "also draw gradient-compare: a vanilla RNN, an LSTM and a GRU of"
            + " --model's size, freshly initialised (PyTorch's default, seed 1), with --model's embedding and head")
    boolean compareCells;

    @Option(names = "--keep-bias", paramLabel = "B",
            description = "with --compare-cells: the LSTM forget gate's and the GRU update gate's bias; default 1.0")
    Double keepBias;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Set<ChartFormat> chartFormats = new LinkedHashSet<>();
        boolean csv = false;
        boolean json = false;
        for (String f : formats) {
            String name = f.trim().toLowerCase(java.util.Locale.ROOT);
            if (name.equals("csv")) csv = true;
            else if (name.equals("json")) json = true;
            else if (ChartFormat.parse(name) != null) chartFormats.add(ChartFormat.parse(name));
            else throw new BadInputException("--formats: unknown format '" + f + "' (png, png@2x, svg, pdf, csv, json)");
        }
        if (chartFormats.isEmpty() && !csv && !json)
            throw new BadInputException("--formats: no format given (png, png@2x, svg, pdf, csv, json)");
        if (width < 100 || height < 100 || width > 10000 || height > 10000)
            throw new BadInputException("--width and --height must be 100 to 10000, got " + width + " × " + height);
        if (Files.exists(out) && !Files.isDirectory(out))
            throw new BadFileException(out, "cannot write: it is a file, not a folder");

        RnnModel m = modelOption.read();
        ModelInput in = input.read(m, modelOption.file);
        int steps = in.batch().steps();
        if (steps > MAX_STEPS)
            throw new BadInputException(in.name() + ": " + steps
                    + " steps; export draws at most " + MAX_STEPS + " (shorten the input)");
        int[] shown = units != null ? units : GateChart.firstUnits(m.hiddenSize(), 4);
        Set<Integer> seen = new HashSet<>();
        for (int u : shown) {
            if (u < 0 || u >= m.hiddenSize())
                throw new BadInputException("--units: unit " + u + " is outside the model's " + m.hiddenSize() + " units");
            if (!seen.add(u)) throw new BadInputException("--units: unit " + u + " is given twice");
        }
        if (keepBias != null && !compareCells) throw new BadInputException("--keep-bias only applies with --compare-cells");
        if (keepBias != null && !Double.isFinite(keepBias)) throw new BadInputException("--keep-bias must be a number");
        if (compareCells && compare != null)
            throw new BadInputException("--compare and --compare-cells cannot be used together; give one of them");
        if (step != null && step < 0) throw new BadInputException("--step must be 0 or more, got " + step);
        if (step != null && step >= steps) throw new BadInputException("--step " + step + " is past the last step " + (steps - 1));
        GradientObjective objective = gradSeed != null ? GradientObjective.dot(ModelInput.gradientSeed(m, gradSeed))
                : GradientObjective.defaultFor(m);
        // one token has no next token to predict: as trace does, fall back to the sum of h[T-1]
        if (gradSeed == null && objective.needsReadout() && steps < 2) objective = GradientObjective.sumOfLastState();
        List<RnnModel> others = new ArrayList<>();
        if (compare != null) {
            for (int i = 0; i < compare.size(); i++) {
                Path p = compare.get(i);
                if (PathOptions.same(p, modelOption.file))
                    throw new BadInputException("--compare " + Escaped.path(p) + " is --model itself; compare other models");
                for (int j = 0; j < i; j++)
                    if (PathOptions.same(p, compare.get(j)))
                        throw new BadInputException("--compare: " + Escaped.path(p) + " is given twice");
            }
            for (Path p : compare) {
                RnnModel c = ModelFile.read(p);
                if (c.inputSize() != m.inputSize() || c.takesTokens() != m.takesTokens()
                        || c.tokenCount() != m.tokenCount())
                    throw new BadFileException(p, "reads other input than " + modelOption.file.getFileName() + " (inputSize "
                            + c.inputSize() + " vs " + m.inputSize() + ")");
                if (objective.needsReadout() && !c.hasHead())
                    throw new BadFileException(p, "has no readout, so its own loss cannot be compared; give --grad-seed");
                if (gradSeed != null && c.hiddenSize() != m.hiddenSize())
                    throw new BadFileException(p, "has " + c.hiddenSize() + " hidden units; --grad-seed has "
                            + m.hiddenSize());
                others.add(c);
            }
        }

        Trace trace = ForwardPass.run(m, in.batch());
        Gradients gradients = BackwardPass.run(m, trace, objective.objectiveFor(m, in.batch()));
        FiniteResults.check(trace, gradients, modelOption.file, input.csv, gradSeed);
        Map<String, Supplier<byte[]>> files = new LinkedHashMap<>();
        Map<String, JFreeChart> charts = charts(m, trace, gradients, in, objective, shown, others);
        for (ChartFormat f : chartFormats) {
            String suffix = (f == ChartFormat.PNG_2X ? "@2x." : ".") + f.extension();
            for (Map.Entry<String, JFreeChart> c : charts.entrySet())
                files.put(c.getKey() + suffix, () -> ChartExport.bytes(c.getValue(), f, width, height));
        }
        if (csv) files.put("trace.csv", () -> TraceCsv.csv(trace, in.tokens(), gradients).getBytes(StandardCharsets.UTF_8));
        String objectiveName = objective.description();
        if (json) files.put("trace.json", () -> json(trace, in.tokens(), gradients, objectiveName));
        for (String name : files.keySet()) { // a file to write may be an input in that folder
            Path target = out.resolve(name);
            PathOptions.distinct(inputs(), Map.of("--out", target));
            if (compare != null) for (Path c : compare) PathOptions.distinct(Map.of("--compare", c), Map.of("--out", target));
        }
        Map<String, AtomicFiles.Content> contents = new LinkedHashMap<>();
        for (Map.Entry<String, Supplier<byte[]>> f : files.entrySet())
            contents.put(f.getKey(), bytes -> bytes.write(drawn(out.resolve(f.getKey()), f.getValue())));
        AtomicFiles.writeAll(out, contents);
        spec.commandLine().getOut().println("wrote " + files.size() + " files to " + out + ": "
                + String.join(" ", files.keySet()));
        return 0;
    }

    private Map<String, Path> inputs() {
        Map<String, Path> in = new LinkedHashMap<>();
        in.put("--model", modelOption.file);
        in.put("--input", input.csv);
        in.put("--grad-seed", gradSeed);
        return in;
    }

    private Map<String, JFreeChart> charts(RnnModel m, Trace trace, Gradients gradients, ModelInput in,
                                           GradientObjective objective, int[] shown, List<RnnModel> others) {
        Map<String, JFreeChart> charts = new LinkedHashMap<>();
        GradientCurve curve = GradientCurves.from(m, trace, gradients, m.layerCount() - 1, objective.description(),
                GradientCurves.cellName(m.cell()));
        charts.put("gradient", GradientChart.of(curve));
        List<RnnModel> compared = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        if (compareCells) {
            for (RnnModel c : CellPeers.sameSize(m, 1, keepBias == null ? 1.0 : keepBias)) {
                compared.add(c);
                labels.add(GradientCurves.cellName(c.cell()) + " (untrained)");
            }
        }
        if (!others.isEmpty()) {
            List<RnnModel> given = new ArrayList<>(List.of(m));
            given.addAll(others);
            List<Path> files = new ArrayList<>(List.of(modelOption.file));
            files.addAll(compare);
            List<String> names = new ArrayList<>();
            for (RnnModel c : given)
                names.add(GradientCurves.cellName(c.cell())
                        + (c.hiddenSize() != m.hiddenSize() ? " (H = " + c.hiddenSize() + ")" : ""));
            for (int i = 0; i < given.size(); i++) { // two models of one kind: say which file is which
                compared.add(given.get(i));
                labels.add(java.util.Collections.frequency(names, names.get(i)) > 1
                        ? names.get(i) + ", " + seriesFileName(files, i) : names.get(i));
            }
        }
        if (!compared.isEmpty()) {
            List<GradientCurve> curves = new ArrayList<>();
            for (int i = 0; i < compared.size(); i++) {
                curves.add(GradientCurves.of(compared.get(i), in.batch(), objective, labels.get(i)));
            }
            charts.put("gradient-compare", GradientChart.compare(curves));
        }
        for (int l = 0; l < trace.layerCount(); l++) {
            String layer = "-l" + l;
            List<Quantity> gates = Quantity.gates(m.cell());
            for (Quantity q : gates.isEmpty() ? List.of(Quantity.HIDDEN) : gates)
                charts.put("gates" + layer + "-" + q.id(), GateChart.of(trace, l, q, shown, in.tokens(), step == null ? -1 : step));
            if (!gates.isEmpty()) charts.put("saturation" + layer, SaturationChart.of(trace, l));
            for (Quantity q : Quantity.all(m.cell()))
                charts.put("heatmap" + layer + "-" + q.id(), StateHeatmap.of(trace, l, q, in.tokens(), step == null ? -1 : step));
        }
        return charts;
    }

    /** The bytes of one file; a drawing too large for the heap is one line naming the file. */
    private static byte[] drawn(Path target, Supplier<byte[]> file) {
        try {
            return file.get();
        } catch (OutOfMemoryError e) {
            throw new BadFileException(target, "too large to draw in the " + (Runtime.getRuntime().maxMemory() >> 20)
                    + " MB this Java may use (ask for fewer --formats or --units, give a shorter input, or run"
                    + " Java with more memory, -Xmx)");
        }
    }

    /** The file name of {@code files[i]}, or its whole path when another of the files has the same name. */
    private static String seriesFileName(List<Path> files, int i) {
        String name = String.valueOf(files.get(i).getFileName());
        for (int j = 0; j < files.size(); j++)
            if (j != i && name.equals(String.valueOf(files.get(j).getFileName()))) return Escaped.path(files.get(i));
        return Escaped.text(name);
    }

    private static byte[] json(Trace trace, List<String> tokens, Gradients g, String objective) {
        StringWriter w = new StringWriter();
        try {
            TraceFile.write(w, trace, tokens, g, objective);
        } catch (IOException e) {
            throw new IllegalStateException(e); // a StringWriter does not fail
        }
        return w.toString().getBytes(StandardCharsets.UTF_8);
    }
}
