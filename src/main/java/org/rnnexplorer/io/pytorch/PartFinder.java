package org.rnnexplorer.io.pytorch;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.rnnexplorer.io.ModelFile;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.RnnModel;

/**
 * Finds the parts of a recurrent model among a checkpoint's tensors by what they are, whatever the author called them:
 * <ul>
 *   <li>the recurrent weights by PyTorch's names {@code weight_ih_l{k}}, {@code weight_hh_l{k}}, {@code bias_ih_l{k}},
 *       {@code bias_hh_l{k}} under any prefix; the cell from the rows of W_hh, G·H for G = 4 (LSTM), 3 (GRU), 1 (RNN),
 *       checked against the module's class when it was pickled;</li>
 *   <li>the embedding as a 2-D {@code X.weight} without {@code X.bias} whose columns are the RNN's input size;</li>
 *   <li>the readout as a Linear ({@code X.weight} [O][H] with {@code X.bias} [O]) taking the hidden state.</li>
 * </ul>
 * The embedding and the readout are looked for beside the RNN first, then one level out at a time. Two candidates
 * at the same level are refused with both named ({@code --map} settles it); so is what the engine cannot show:
 * bidirectional weights, LSTM projections, attention, a ReLU RNN, a cell made of Linear layers.
 */
final class PartFinder {
    private static final Pattern RECURRENT = Pattern.compile("(?:(.*)\\.)?(weight_ih|weight_hh|bias_ih|bias_hh|weight_hr)_l(\\d{1,3})(_reverse)?");
    private static final Pattern ATTENTION = Pattern.compile("(?i)(^|.*[._])(attn|attention)([._].*|\\d*$)|.*in_proj_weight");
    private static final Pattern OPTIMIZER = Pattern.compile("(?i)(.*\\.)?optim[^.]*\\..*");
    private static final Pattern LAYER = Pattern.compile("_l(\\d+)");
    private static final int LISTED = 6;

    private final CheckpointContents contents;
    private final PartMap map;
    private final List<String> notes = new ArrayList<>();

    private PartFinder(CheckpointContents contents, PartMap map) {
        this.contents = contents;
        this.map = map;
    }

    static FoundParts find(CheckpointContents contents, PartMap map) {
        return new PartFinder(contents, map).find();
    }

    private Map<String, TorchTensor> tensors() {
        return contents.tensors;
    }

    private FoundParts find() {
        Map<String, Map<String, TorchTensor>> groups = recurrentGroups();
        if (groups.isEmpty()) throw new CheckpointException(noRecurrentWeights());
        String rnn = chooseRnn(groups);
        Map<String, TorchTensor> weights = groups.get(rnn);
        String name = rnn.isEmpty() ? "" : rnn + ".";
        List<String> reverse = weights.keySet().stream().filter(k -> k.endsWith("_reverse")).toList();
        if (!reverse.isEmpty())
            throw new CheckpointException("a bidirectional RNN (" + name + reverse.get(0) + "): the engine runs one"
                    + " direction only, and half of this model reads the sequence backwards");
        List<String> projections = weights.keySet().stream().filter(k -> k.startsWith("weight_hr")).toList();
        if (!projections.isEmpty())
            throw new CheckpointException("an LSTM with projections (" + name + projections.get(0) + " "
                    + weights.get(projections.get(0)).shape() + ", proj_size): the engine's LSTM has none");
        String rnnClass = contents.moduleClass(rnn);
        checkNonlinearity(rnn, rnnClass);

        TorchTensor hh0 = required(weights, name, "weight_hh_l0");
        TorchTensor ih0 = required(weights, name, "weight_ih_l0");
        checkFloating(name + "weight_hh_l0", hh0);
        if (hh0.dims() != 2 || hh0.size[1] == 0 || hh0.size[0] % hh0.size[1] != 0)
            throw new CheckpointException(name + "weight_hh_l0 is " + hh0.shape() + "; PyTorch's is [G·H, H]");
        if (hh0.size[1] > ModelFile.MAX_HIDDEN)
            throw new CheckpointException(name + "weight_hh_l0 is " + hh0.shape() + ": " + hh0.size[1]
                    + " hidden units; the limit is " + ModelFile.MAX_HIDDEN + " (ModelFile.MAX_HIDDEN)");
        int hidden = (int) hh0.size[1];
        long blocks = hh0.size[0] / hidden;
        CellType cell = blocks == 4 ? CellType.LSTM : blocks == 3 ? CellType.GRU : blocks == 1 ? CellType.RNN : null;
        if (cell == null)
            throw new CheckpointException(name + "weight_hh_l0 is " + hh0.shape() + ": " + blocks + " times the hidden size "
                    + hidden + " rows, not 4 (LSTM), 3 (GRU) or 1 (RNN)");
        checkClass(rnn, rnnClass, cell);
        if (ih0.dims() != 2) throw new CheckpointException(name + "weight_ih_l0 is " + ih0.shape() + ", not a matrix");
        if (ih0.size[1] > ModelFile.MAX_INPUT_SIZE || ih0.size[1] < 1)
            throw new CheckpointException(name + "weight_ih_l0 is " + ih0.shape() + ": the limit on the input size is "
                    + ModelFile.MAX_INPUT_SIZE + " (ModelFile.MAX_INPUT_SIZE)");
        int inputSize = (int) ih0.size[1];

        TreeMap<Integer, Boolean> present = new TreeMap<>();
        for (String k : weights.keySet()) {
            Matcher m = LAYER.matcher(k);
            if (m.find()) present.put(Integer.parseInt(m.group(1)), true);
        }
        int layerCount = present.lastKey() + 1;
        if (layerCount > RnnModel.MAX_LAYERS)
            throw new CheckpointException((rnn.isEmpty() ? "the RNN" : rnn) + " has " + layerCount + " layers; the engine shows up to "
                    + RnnModel.MAX_LAYERS);
        List<FoundParts.Layer> layers = new ArrayList<>();
        int g = cell.blocks();
        boolean noBias = false;
        for (int l = 0; l < layerCount; l++) {
            String ih = "weight_ih_l" + l, hh = "weight_hh_l" + l, bih = "bias_ih_l" + l, bhh = "bias_hh_l" + l;
            checkMatrix(name + ih, required(weights, name, ih), g * hidden, l == 0 ? inputSize : hidden);
            checkMatrix(name + hh, required(weights, name, hh), g * hidden, hidden);
            boolean hasIh = weights.containsKey(bih), hasHh = weights.containsKey(bhh);
            if (hasIh != hasHh)
                throw new CheckpointException(name + (hasIh ? bhh : bih) + " is missing (" + name + (hasIh ? bih : bhh) + " is there)");
            if (hasIh) {
                checkVector(name + bih, weights.get(bih), g * hidden);
                checkVector(name + bhh, weights.get(bhh), g * hidden);
            } else {
                noBias = true;
            }
            layers.add(new FoundParts.Layer(name + ih, name + hh, hasIh ? name + bih : null, hasHh ? name + bhh : null));
        }
        if (noBias) notes.add("the RNN has no biases (bias=False): zeros");
        if (cell == CellType.RNN && rnnClass == null)
            notes.add("a vanilla RNN is read as tanh (the state_dict does not say; a ReLU RNN would be misread)");

        Set<TorchTensor> used = identitySet();
        weights.values().forEach(used::add);
        String embedding = chooseEmbedding(rnn, inputSize, used);
        if (embedding != null) used.add(tensors().get(embedding));
        String[] head = chooseHead(rnn, hidden, used);
        if (head != null) {
            used.add(tensors().get(head[0]));
            if (head[1] != null) used.add(tensors().get(head[1]));
            else notes.add("the readout " + head[0] + " has no bias: zeros");
        }
        String scope = modelScope(rnn, embedding, head);
        checkAttention(scope);
        List<String> ignored = new ArrayList<>();
        for (Map.Entry<String, TorchTensor> e : tensors().entrySet())
            if (inScope(e.getKey(), scope) && !used.contains(e.getValue()) && e.getValue().storage.dtype().floating
                    && !isOptimizerState(e.getKey()))
                ignored.add(e.getKey() + " " + e.getValue().shape());
        long total = 0;
        for (TorchTensor t : used) total = Math.min(total + t.numel(), ModelFile.MAX_PARAMETERS + 1);
        if (total > ModelFile.MAX_PARAMETERS)
            throw new CheckpointException("the model has " + total + " parameters; the limit is " + ModelFile.MAX_PARAMETERS
                    + " (ModelFile.MAX_PARAMETERS)");
        return new FoundParts(rnn, rnnClass, cell, inputSize, hidden, layers, embedding,
                head == null ? null : head[0], head == null ? null : head[1], notes, ignored);
    }

    private static Set<TorchTensor> identitySet() {
        return java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    }

    // ------------------------------------------------------------------ the recurrent module

    /** Recurrent weights grouped by the module that holds them (its dotted name; "" at the top level). */
    private Map<String, Map<String, TorchTensor>> recurrentGroups() {
        Map<String, Map<String, TorchTensor>> groups = new LinkedHashMap<>();
        for (Map.Entry<String, TorchTensor> e : tensors().entrySet()) {
            Matcher m = RECURRENT.matcher(e.getKey());
            if (!m.matches() || isOptimizerState(e.getKey())) continue;
            String prefix = m.group(1) == null ? "" : m.group(1);
            String local = e.getKey().substring(prefix.isEmpty() ? 0 : prefix.length() + 1);
            groups.computeIfAbsent(prefix, k -> new LinkedHashMap<>()).put(local, e.getValue());
        }
        groups.values().removeIf(g -> g.keySet().stream().noneMatch(k -> k.startsWith("weight_hh")));
        return groups;
    }

    private String chooseRnn(Map<String, Map<String, TorchTensor>> groups) {
        if (map.rnn() != null) {
            if (groups.containsKey(map.rnn())) return map.rnn();
            throw new CheckpointException("--map rnn=" + map.rnn() + ": no recurrent weights there; found "
                    + describeGroups(groups));
        }
        if (groups.size() == 1) return groups.keySet().iterator().next();
        List<ImportResult.Candidate> candidates = groups.entrySet().stream().map(e -> new ImportResult.Candidate(e.getKey(),
                describeGroup(e.getKey(), e.getValue()))).toList();
        throw new AmbiguousPart("rnn", candidates, "found " + groups.size() + " recurrent modules: " + describeGroups(groups)
                + "; choose one with --map rnn=NAME");
    }

    private static String describeGroups(Map<String, Map<String, TorchTensor>> groups) {
        return groups.entrySet().stream().limit(LISTED).map(e -> describeGroup(e.getKey(), e.getValue()))
                .collect(Collectors.joining(", ")) + (groups.size() > LISTED ? " and " + (groups.size() - LISTED) + " more" : "");
    }

    private static String describeGroup(String name, Map<String, TorchTensor> weights) {
        TorchTensor hh = weights.get("weight_hh_l0");
        return (name.isEmpty() ? "(top level)" : name) + (hh == null ? "" : " (weight_hh_l0 " + hh.shape() + ")");
    }

    private static TorchTensor required(Map<String, TorchTensor> weights, String name, String local) {
        TorchTensor t = weights.get(local);
        if (t == null) throw new CheckpointException(name + local + " is missing (the recurrent module has " + String.join(", ", weights.keySet()) + ")");
        return t;
    }

    private void checkNonlinearity(String rnn, String rnnClass) {
        Object mode = contents.moduleAttribute(rnn, "mode");
        Object nonlinearity = contents.moduleAttribute(rnn, "nonlinearity");
        if ("RNN_RELU".equals(mode) || "relu".equals(nonlinearity))
            throw new CheckpointException("a ReLU RNN (" + (rnn.isEmpty() ? "the module" : rnn) + " has nonlinearity='relu'):"
                    + " the engine's vanilla RNN is tanh");
        if (rnnClass != null && !(rnnClass.startsWith("torch.nn.modules.rnn.") || rnnClass.startsWith("torch.nn.")))
            notes.add("the recurrent module is of class " + rnnClass + ", read as PyTorch's");
    }

    private static void checkClass(String rnn, String rnnClass, CellType cell) {
        if (rnnClass == null) return;
        String simple = rnnClass.substring(rnnClass.lastIndexOf('.') + 1);
        CellType byClass = simple.equals("LSTM") ? CellType.LSTM : simple.equals("GRU") ? CellType.GRU
                : simple.equals("RNN") ? CellType.RNN : null;
        if (byClass != null && byClass != cell)
            throw new CheckpointException((rnn.isEmpty() ? "the module" : rnn) + " is an nn." + simple + " but its weights have the"
                    + " rows of a" + (cell == CellType.LSTM ? "n LSTM" : cell == CellType.GRU ? " GRU" : " vanilla RNN"));
    }

    private static void checkFloating(String name, TorchTensor t) {
        if (!t.storage.dtype().floating)
            throw new CheckpointException(name + " is " + t.storage.dtype().torchName + ", not floating point");
    }

    private static void checkMatrix(String name, TorchTensor t, long rows, long cols) {
        checkFloating(name, t);
        if (t.dims() != 2 || t.size[0] != rows || t.size[1] != cols)
            throw new CheckpointException(name + " is " + t.shape() + ", expected [" + rows + ", " + cols + "]");
    }

    private static void checkVector(String name, TorchTensor t, long length) {
        checkFloating(name, t);
        if (t.dims() != 1 || t.size[0] != length)
            throw new CheckpointException(name + " is " + t.shape() + ", expected [" + length + "]");
    }

    /** No recurrent weights: say what the model is made of (a hand-written cell of Linear layers, usually). */
    private String noRecurrentWeights() {
        if (tensors().isEmpty()) {
            List<TextCandidates.Candidate> lists = TextCandidates.all(contents);
            return "no tensors found: not a model's weights" + (lists.size() == 1 ? "; it holds a list of "
                    + lists.get(0).tokens().size() + " tokens (" + lists.get(0).path() + "): give this file to --vocab"
                    + " when importing the model" : "");
        }
        List<String> linears = new ArrayList<>();
        for (Map.Entry<String, TorchTensor> e : tensors().entrySet()) {
            String k = e.getKey();
            if (k.endsWith(".weight") && e.getValue().dims() == 2 && tensors().containsKey(k.substring(0, k.length() - 6) + "bias"))
                linears.add(k.substring(0, k.length() - 7) + " " + e.getValue().shape());
        }
        String none = "no nn.RNN, nn.LSTM or nn.GRU weights (weight_ih_l0, weight_hh_l0, ...) found";
        if (!linears.isEmpty())
            return none + "; it has Linear layers " + list(linears) + ": a hand-written recurrent cell, which the engine"
                    + " cannot read as an RNN, LSTM or GRU";
        return none + " among its " + tensors().size() + " tensors (" + list(new ArrayList<>(tensors().keySet())) + ")";
    }

    private static String list(List<String> items) {
        String shown = String.join(", ", items.subList(0, Math.min(LISTED, items.size())));
        return items.size() > LISTED ? shown + " and " + (items.size() - LISTED) + " more" : shown;
    }

    // ------------------------------------------------------------------ embedding and readout

    /** The enclosing module of {@code path} ("" for a top-level name, null for ""). */
    static String parent(String path) {
        if (path.isEmpty()) return null;
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(0, dot);
    }

    static boolean inScope(String path, String scope) {
        return scope.isEmpty() || path.startsWith(scope + ".");
    }

    /**
     * The candidates nearest the RNN: those inside the RNN's parent module, else one level out, and so on; the
     * first level with any wins.
     */
    private List<String> nearest(String rnn, List<String> candidates) {
        for (String scope = parent(rnn); scope != null; scope = parent(scope)) {
            String s = scope;
            List<String> here = candidates.stream().filter(c -> inScope(c, s)).toList();
            if (!here.isEmpty()) return here;
        }
        return List.of();
    }

    private String chooseEmbedding(String rnn, int inputSize, Set<TorchTensor> used) {
        if (map.embedding() != null) {
            if (map.embedding().equalsIgnoreCase(PartMap.ABSENT)) return null;
            String name = tensors().containsKey(map.embedding()) ? map.embedding() : map.embedding() + ".weight";
            TorchTensor t = tensors().get(name);
            if (t == null) throw new CheckpointException("--map embedding=" + map.embedding() + ": no such tensor");
            if (t.dims() != 2 || t.size[1] != inputSize || t.size[0] > ModelFile.MAX_VOCABULARY)
                throw new CheckpointException("--map embedding=" + map.embedding() + ": " + name + " is " + t.shape()
                        + ", but the RNN takes " + inputSize + " inputs (and at most " + ModelFile.MAX_VOCABULARY + " rows are read)");
            checkFloating(name, t);
            return name;
        }
        List<String> all = new ArrayList<>();
        for (Map.Entry<String, TorchTensor> e : tensors().entrySet()) {
            String k = e.getKey();
            TorchTensor t = e.getValue();
            if (!k.endsWith(".weight") || used.contains(t) || t.dims() != 2 || t.size[1] != inputSize || t.size[0] < 2
                    || t.size[0] > ModelFile.MAX_VOCABULARY || !t.storage.dtype().floating || isOptimizerState(k)) continue;
            String module = k.substring(0, k.length() - 7);
            String cls = contents.moduleClass(module);
            if (tensors().containsKey(module + ".bias") || (cls != null && !cls.endsWith("Embedding"))) continue;
            all.add(k);
        }
        List<String> near = nearest(rnn, all);
        if (near.size() > 1) {
            List<String> byClass = near.stream().filter(k -> {
                String cls = contents.moduleClass(k.substring(0, k.length() - 7));
                return cls != null && cls.endsWith("Embedding");
            }).toList();
            if (byClass.size() == 1) return byClass.get(0);
            throw new AmbiguousPart("embedding", candidates(near, withShapes(near)), "found " + near.size() + " candidates for the embedding (a matrix of "
                    + inputSize + " columns): " + list(withShapes(near))
                    + "; choose with --map embedding=NAME (or embedding=none)");
        }
        return near.isEmpty() ? null : near.get(0);
    }

    /** The readout's weight and bias names (bias null when it has none), or null. */
    private String[] chooseHead(String rnn, int hidden, Set<TorchTensor> used) {
        if (map.head() != null) {
            if (map.head().equalsIgnoreCase(PartMap.ABSENT)) return null;
            String module = map.head().endsWith(".weight") ? map.head().substring(0, map.head().length() - 7) : map.head();
            TorchTensor w = tensors().get(module + ".weight");
            if (w == null) throw new CheckpointException("--map head=" + map.head() + ": no tensor " + module + ".weight");
            if (w.dims() != 2 || w.size[1] != hidden || w.size[0] < 1 || w.size[0] > ModelFile.MAX_VOCABULARY)
                throw new CheckpointException("--map head=" + map.head() + ": " + module + ".weight is " + w.shape()
                        + ", but the RNN has " + hidden + " hidden units (and at most " + ModelFile.MAX_VOCABULARY + " outputs are read)");
            checkFloating(module + ".weight", w);
            return new String[] {module + ".weight", headBias(module, w)};
        }
        List<String> all = new ArrayList<>();
        for (Map.Entry<String, TorchTensor> e : tensors().entrySet()) {
            String k = e.getKey();
            TorchTensor t = e.getValue();
            if (!k.endsWith(".weight") || used.contains(t) || t.dims() != 2 || t.size[1] != hidden || t.size[0] < 1
                    || t.size[0] > ModelFile.MAX_VOCABULARY || !t.storage.dtype().floating || isOptimizerState(k)) continue;
            String module = k.substring(0, k.length() - 7);
            TorchTensor b = tensors().get(module + ".bias");
            String cls = contents.moduleClass(module);
            boolean linearWithoutBias = b == null && cls != null && cls.endsWith(".Linear");
            if (b != null && (b.dims() != 1 || b.size[0] != t.size[0])) continue;
            if (b == null && !linearWithoutBias) continue;
            all.add(module);
        }
        List<String> near = nearest(rnn, all);
        if (near.size() > 1)
            throw new AmbiguousPart("head", candidates(near, near.stream().map(m -> m + " " + tensors().get(m + ".weight").shape()).toList()),
                    "found " + near.size() + " readouts taking the " + hidden + " hidden units: "
                    + list(near.stream().map(m -> m + " " + tensors().get(m + ".weight").shape()).toList())
                    + " (a readout of more than one layer cannot be shown); choose with --map head=NAME (or head=none)");
        if (near.isEmpty()) return null;
        String module = near.get(0);
        return new String[] {module + ".weight", headBias(module, tensors().get(module + ".weight"))};
    }

    private String headBias(String module, TorchTensor w) {
        TorchTensor b = tensors().get(module + ".bias");
        if (b == null) return null;
        checkVector(module + ".bias", b, w.size[0]);
        return module + ".bias";
    }

    private static List<ImportResult.Candidate> candidates(List<String> names, List<String> shown) {
        List<ImportResult.Candidate> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) out.add(new ImportResult.Candidate(names.get(i), shown.get(i)));
        return out;
    }

    private List<String> withShapes(List<String> names) {
        return names.stream().map(n -> n + " " + tensors().get(n).shape()).toList();
    }

    /** The module that holds every part found: the RNN's parent, or further out when a part is. */
    private static String modelScope(String rnn, String embedding, String[] head) {
        String scope = parent(rnn);
        for (String part : new String[] {embedding, head == null ? null : head[0]}) {
            if (part == null) continue;
            while (scope != null && !inScope(part, scope)) scope = parent(scope);
        }
        return scope == null ? "" : scope;
    }

    private void checkAttention(String scope) {
        Predicate<String> attention = k -> ATTENTION.matcher(k.substring(scope.isEmpty() ? 0 : scope.length() + 1)).matches();
        for (Map.Entry<String, TorchTensor> e : tensors().entrySet())
            if (inScope(e.getKey(), scope) && attention.test(e.getKey()) && !isOptimizerState(e.getKey()))
                throw new CheckpointException("the model has attention (" + e.getKey() + " " + e.getValue().shape()
                        + "), which the engine cannot show: it runs an embedding, RNN/LSTM/GRU layers and one Linear readout");
    }

    /** Tensors of an optimizer's state ({@code optimizer.state.3.exp_avg}) are not the model's. */
    private static boolean isOptimizerState(String path) {
        return OPTIMIZER.matcher(path).matches();
    }
}
