package org.rnnexplorer.io.pytorch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.ejml.data.DMatrixRMaj;
import org.rnnexplorer.io.BadFileException;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.LayerWeights;
import org.rnnexplorer.model.RnnModel;

/**
 * Reads a PyTorch checkpoint ({@code .pt}, {@code .pth}) as a model: {@link CheckpointReader} opens it (nothing in
 * it is executed), {@link CheckpointContents} names what it holds, {@link PartFinder} finds the recurrent layers, the
 * embedding and the readout, {@link TextCandidates} the vocabulary and class names; then the weights are read as
 * doubles (exactly) into a model whose metadata says where each part came from ({@code source}: file name,
 * SHA-256, format, what was found where) and, for a classifier, the names of its classes ({@code labels}).
 *
 * <p>Every problem is a {@link BadFileException} of one line naming the file.
 */
public final class CheckpointImport {
    /** Python's {@code string.printable}, in its order: the alphabet of many char-rnn models. */
    public static final String PYTHON_PRINTABLE = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
            + "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ \t\n\r\u000b\u000c";

    private CheckpointImport() {
    }

    /** Whether {@code file} starts as a checkpoint does (a zip archive or a pickle), rather than as a JSON file. */
    public static boolean looksLikeCheckpoint(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(2);
            return head.length == 2 && ((head[0] == 'P' && head[1] == 'K') || (head[0] & 0xff) == 0x80);
        } catch (IOException e) {
            return false;
        }
    }

    /** Python's {@code string.printable} as a list of one-character tokens. */
    public static List<String> printable() {
        List<String> out = new ArrayList<>();
        PYTHON_PRINTABLE.chars().forEach(c -> out.add(String.valueOf((char) c)));
        return out;
    }

    /**
     * Reads {@code file}: the model, or {@link ImportResult.NeedsVocabulary} when its vocabulary must be given; two
     * candidates for a part are refused (as {@code import} does).
     */
    public static ImportResult read(Path file, ImportOptions options) {
        ImportResult r = readAsking(file, options);
        if (r instanceof ImportResult.Ambiguous a) throw new BadFileException(file, a.message());
        return r;
    }

    /**
     * Reads {@code file} as {@link #read} does, but gives two candidates for a part as {@link ImportResult.Ambiguous}
     * (the window lists them and reads again with the one picked).
     */
    public static ImportResult readAsking(Path file, ImportOptions options) {
        if (Files.isDirectory(file)) throw new BadFileException(file, "is a folder, not a checkpoint");
        // hashed beside the reading: the first use of SHA-256 in a JVM (its provider starting) takes long
        CompletableFuture<String> sha256 = CompletableFuture.supplyAsync(() -> sha256(file));
        try (TorchCheckpoint checkpoint = CheckpointReader.open(file)) {
            CheckpointContents contents = CheckpointContents.of(checkpoint.root);
            FoundParts parts = PartFinder.find(contents, options.map());
            return new Assembly(file, sha256, checkpoint, contents, parts, options).build();
        } catch (AmbiguousPart e) {
            return new ImportResult.Ambiguous(e.part, e.candidates, shown(e.getMessage(), 400));
        } catch (CheckpointException e) {
            throw new BadFileException(file, shown(e.getMessage(), 400), e);
        } catch (NoSuchFileException e) {
            throw new BadFileException(file, "no such file");
        } catch (AccessDeniedException e) {
            throw new BadFileException(file, "cannot read: permission denied");
        } catch (IOException e) {
            throw new BadFileException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Text from a file made fit for a one-line message: control characters escaped, at most {@code max} long. */
    static String shown(String s, int max) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) sb.append('?');
            else sb.appendCodePoint(cp);
        });
        return sb.length() > max ? sb.substring(0, max - 3) + "..." : sb.toString();
    }

    /** Reads {@code file} and returns the model, or refuses one that needs a vocabulary with its one-line message. */
    public static ImportResult.Imported readModel(Path file, ImportOptions options) {
        ImportResult r = read(file, options);
        if (r instanceof ImportResult.NeedsVocabulary n) throw new BadFileException(file, n.message());
        return (ImportResult.Imported) r;
    }

    /**
     * The one list of tokens in a checkpoint that holds a vocabulary rather than a model (a pickled torchtext
     * {@code Vocab}, a saved {@code itos} list or {@code stoi} map); refused when it holds none or several.
     */
    static List<String> tokenList(Path file) {
        try (TorchCheckpoint checkpoint = CheckpointReader.open(file)) {
            List<TextCandidates.Candidate> lists = TextCandidates.all(CheckpointContents.of(checkpoint.root));
            if (lists.isEmpty()) throw new BadFileException(file, "holds no list of tokens");
            if (lists.size() > 1)
                throw new BadFileException(file, "holds " + lists.size() + " lists of tokens: " + String.join(", ",
                        lists.stream().limit(6).map(TextCandidates.Candidate::describe).toList())
                        + "; write the one that is the vocabulary to a JSON file");
            return lists.get(0).tokens();
        } catch (CheckpointException e) {
            throw new BadFileException(file, shown(e.getMessage(), 400), e);
        } catch (IOException e) {
            throw new BadFileException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchFileException e) {
            throw new BadFileException(file, "no such file");
        } catch (AccessDeniedException e) {
            throw new BadFileException(file, "cannot read: permission denied");
        } catch (IOException e) {
            throw new BadFileException(file, "cannot read: " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One import: the parts found, made into a model. */
    private static final class Assembly {
        private final Path file;
        private final CompletableFuture<String> sha256;
        private final TorchCheckpoint checkpoint;
        private final CheckpointContents contents;
        private final FoundParts parts;
        private final ImportOptions options;
        private final Map<String, Object> found = new LinkedHashMap<>();
        private final List<String> notes = new ArrayList<>();

        Assembly(Path file, CompletableFuture<String> sha256, TorchCheckpoint checkpoint, CheckpointContents contents, FoundParts parts,
                 ImportOptions options) {
            this.file = file;
            this.sha256 = sha256;
            this.checkpoint = checkpoint;
            this.contents = contents;
            this.parts = parts;
            this.options = options;
            notes.addAll(parts.notes());
        }

        private TorchTensor tensor(String name) {
            return contents.tensors.get(name);
        }

        ImportResult build() throws IOException {
            int d = parts.inputSize(), h = parts.hidden();
            TorchTensor emb = parts.embedding() == null ? null : tensor(parts.embedding());
            TorchTensor headW = parts.headWeight() == null ? null : tensor(parts.headWeight());
            int outputs = headW == null ? 0 : (int) headW.size[0];
            int tokens = emb != null ? (int) emb.size[0] : d;

            // the vocabulary: given, mapped, or found; an embedding needs one, one-hot input is numeric without one
            List<String> vocabulary;
            String vocabularyFrom;
            String vocabularyPath = null;
            if (options.vocabulary() != null) {
                if (options.vocabulary().size() != tokens)
                    throw new CheckpointException("--vocab " + options.vocabularySource() + " has " + options.vocabulary().size()
                            + " tokens, but " + (emb != null ? "the embedding " + parts.embedding() + " has " + tokens + " rows"
                            : "the model has no embedding and takes " + d + " inputs (one-hot needs " + d + " tokens)"));
                vocabulary = options.vocabulary();
                vocabularyFrom = "from " + options.vocabularySource();
            } else if (options.map().vocabulary() != null) {
                TextCandidates.Candidate c = TextCandidates.at(contents, options.map().vocabulary(), tokens);
                if (c == null) throw new CheckpointException("--map vocab=" + options.map().vocabulary() + ": no list of "
                        + tokens + " distinct tokens there");
                vocabulary = c.tokens();
                vocabularyFrom = c.describe();
                vocabularyPath = c.path();
            } else {
                List<TextCandidates.Candidate> cs = TextCandidates.ofSize(contents, tokens, null);
                if (cs.size() > 1)
                    throw new AmbiguousPart("vocab", cs.stream().map(c -> new ImportResult.Candidate(c.path(), c.describe())).toList(),
                            "found " + cs.size() + " different vocabularies of " + tokens + " tokens: "
                            + String.join(", ", cs.stream().limit(6).map(TextCandidates.Candidate::describe).toList())
                            + "; choose one with --map vocab=PATH or give --vocab FILE");
                if (cs.isEmpty() && emb != null)
                    return new ImportResult.NeedsVocabulary(tokens, parts.embedding(), TextCandidates.nearMisses(contents, tokens));
                vocabulary = cs.isEmpty() ? null : cs.get(0).tokens();
                vocabularyFrom = cs.isEmpty() ? null : "found at " + cs.get(0).describe();
                vocabularyPath = cs.isEmpty() ? null : cs.get(0).path();
            }

            // a readout is a classifier when its outputs are not the tokens (or --labels says so)
            List<String> labels = null;
            String labelsFrom = null;
            boolean unnamed = false;
            if (options.labels() != null) {
                if (headW == null) throw new CheckpointException("--labels " + options.labelsSource() + " is given, but the model has no readout");
                if (options.labels().size() != outputs)
                    throw new CheckpointException("--labels " + options.labelsSource() + " has " + options.labels().size()
                            + " names, but the readout " + parts.headWeight() + " has " + outputs + " outputs");
                labels = options.labels();
                labelsFrom = "from " + options.labelsSource();
            } else if (headW != null && outputs != (vocabulary != null ? vocabulary.size() : d)) {
                List<TextCandidates.Candidate> cs = TextCandidates.ofSize(contents, outputs, vocabularyPath);
                if (cs.size() == 1) {
                    labels = cs.get(0).tokens();
                    labelsFrom = "found at " + cs.get(0).describe();
                } else {
                    labels = new ArrayList<>();
                    for (int i = 0; i < outputs; i++) labels.add("class " + i);
                    unnamed = true;
                    labelsFrom = "not in the checkpoint" + (cs.size() > 1 ? " (" + cs.size() + " lists of " + outputs + " found)" : "")
                            + ": named class 0 to class " + (outputs - 1) + "; give --labels FILE to name them";
                }
            } else if (headW != null && vocabulary == null) {
                notes.add("the readout has as many outputs as the input (" + d + "): perhaps a one-hot text model; give"
                        + " --vocab FILE with its " + d + " tokens to read text");
            }

            String tokenizer = vocabulary == null ? null : tokenizerFor(vocabulary);
            describe(emb, headW, vocabulary, vocabularyFrom, labels, labelsFrom, tokenizer);
            RnnModel model = model(emb, headW, outputs, vocabulary, tokenizer, labels);
            List<String> lines = new ArrayList<>();
            found.forEach((k, v) -> lines.add(k + ": " + v));
            notes.forEach(n -> lines.add("note: " + n));
            parts.ignored().stream().limit(10).forEach(i -> lines.add("not used: " + i));
            if (parts.ignored().size() > 10) lines.add("not used: and " + (parts.ignored().size() - 10) + " more");
            return new ImportResult.Imported(model, lines, unnamed);
        }

        private void describe(TorchTensor emb, TorchTensor headW, List<String> vocabulary, String vocabularyFrom,
                              List<String> labels, String labelsFrom, String tokenizer) {
            String cls = parts.rnnClass() == null ? "" : ", class " + parts.rnnClass();
            found.put("rnn", parts.rnnName() + " (" + cellName(parts.cell()) + ", " + parts.layers().size() + " layer"
                    + (parts.layers().size() > 1 ? "s" : "") + ", input " + parts.inputSize() + ", hidden " + parts.hidden() + cls + ")");
            found.put("embedding", emb != null ? parts.embedding() + " " + emb.shape()
                    : vocabulary != null ? "none: one-hot input over the vocabulary"
                    : "none: numeric input, " + parts.inputSize() + " numbers per step");
            String head = headW == null ? "none" : parts.headWeight() + " " + headW.shape()
                    + (parts.headBias() != null ? " and " + parts.headBias() : " (no bias)");
            if (headW != null) head += labels != null ? ": " + labels.size() + " classes" : ": next-token probabilities";
            found.put("head", head);
            found.put("vocabulary", vocabulary == null ? "none" : vocabulary.size() + " tokens " + vocabularyFrom
                    + ", tokenizer " + tokenizer);
            if (labels != null) found.put("labels", labelsFrom);
        }

        private RnnModel model(TorchTensor emb, TorchTensor headW, int outputs, List<String> vocabulary,
                               String tokenizer, List<String> labels) throws IOException {
            int d = parts.inputSize(), h = parts.hidden(), gh = parts.cell().blocks() * h;
            List<LayerWeights> layers = new ArrayList<>();
            for (int l = 0; l < parts.layers().size(); l++) {
                FoundParts.Layer names = parts.layers().get(l);
                layers.add(new LayerWeights(matrix(names.wIh(), gh, l == 0 ? d : h), matrix(names.wHh(), gh, h),
                        vector(names.bIh(), gh), vector(names.bHh(), gh)));
            }
            DMatrixRMaj e = emb == null ? null : matrix(parts.embedding(), (int) emb.size[0], d);
            DMatrixRMaj hw = headW == null ? null : matrix(parts.headWeight(), outputs, h);
            DMatrixRMaj hb = headW == null ? null : vector(parts.headBias(), outputs);
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("description", "imported from the PyTorch checkpoint " + file.getFileName());
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("file", file.getFileName().toString());
            source.put("sha256", hash());
            source.put("format", checkpoint.format);
            source.put("found", found);
            if (!notes.isEmpty()) source.put("notes", notes);
            if (!parts.ignored().isEmpty()) source.put("notUsed", parts.ignored());
            metadata.put("source", source);
            if (labels != null) metadata.put(RnnModel.LABELS, labels);
            try {
                return new RnnModel(parts.cell(), d, h, layers, e, hw, hb, vocabulary, tokenizer, metadata);
            } catch (IllegalArgumentException x) {
                throw new CheckpointException(x.getMessage());
            }
        }

        private String hash() {
            try {
                return sha256.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof BadFileException b) throw b;
                throw e;
            }
        }

        private DMatrixRMaj matrix(String name, int rows, int cols) throws IOException {
            double[] v = values(name);
            return DMatrixRMaj.wrap(rows, cols, v);
        }

        /** A bias as a row vector; zeros when the module has none ({@code name} null). */
        private DMatrixRMaj vector(String name, int length) throws IOException {
            return name == null ? new DMatrixRMaj(1, length) : DMatrixRMaj.wrap(1, length, values(name));
        }

        private double[] values(String name) throws IOException {
            try {
                double[] v = checkpoint.values(tensor(name));
                for (int i = 0; i < v.length; i++)
                    if (!Double.isFinite(v[i])) throw new CheckpointException(name + " holds " + v[i] + " at element " + i);
                return v;
            } catch (CheckpointException x) {
                if (x.getMessage().startsWith(name)) throw x;
                boolean phrase = x.getMessage().startsWith("is ") || x.getMessage().startsWith("has ");
                throw new CheckpointException(name + (phrase ? " " : ": ") + x.getMessage());
            }
        }
    }

    /**
     * {@code char} when every token is one character or a bracketed special token ({@code <unk>}, {@code </s>},
     * {@code [PAD]}), else {@code word}.
     */
    static String tokenizerFor(List<String> vocabulary) {
        for (String t : vocabulary)
            if (t.codePointCount(0, t.length()) != 1 && !isSpecial(t)) return "word";
        return "char";
    }

    private static String cellName(CellType cell) {
        return cell == CellType.LSTM ? "LSTM" : cell == CellType.GRU ? "GRU" : "RNN, tanh";
    }

    static boolean isSpecial(String t) {
        return t.length() >= 3 && ((t.startsWith("<") && t.endsWith(">")) || (t.startsWith("[") && t.endsWith("]")));
    }
}
