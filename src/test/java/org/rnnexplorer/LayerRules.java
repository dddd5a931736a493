package org.rnnexplorer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * DESIGN.md's table of layers as code: which names each package under {@code org.rnnexplorer} may depend on.
 * {@code model} (EJML only) &lt; {@code data} &lt; {@code train}; {@code analysis} (model, data; EJML: analysis
 * that is not drawing); {@code io} (model, data; Jackson);
 * {@code chart} (model; JFreeChart without its JavaFX parts; no JavaFX); {@code cli} (everything but ui and
 * JavaFX); {@code ui} and the root package (the launcher) anything. View models ({@code ui/*ViewModel}) never
 * import {@code javafx.scene.*}. A name is allowed when it starts with an allowed prefix and with no denied one.
 */
final class LayerRules {
    private static final String ROOT = "org.rnnexplorer.";
    private static final List<String> HEADLESS_JDK = List.of("java.lang", "java.util", "java.io", "java.nio",
            "java.math", "java.text", "java.time", "java.security", "java.net");
    private static final List<String> JAVAFX = List.of("javafx", "org.jfree.chart.fx", "org.jfree.fx");

    private record Rule(List<String> allowed, List<String> denied) {
    }

    private static final Map<String, Rule> RULES = Map.of(
            "model", new Rule(concat(HEADLESS_JDK, List.of("org.ejml", ROOT + "model")), List.of()),
            "data", new Rule(concat(HEADLESS_JDK, List.of("org.ejml", ROOT + "model", ROOT + "data")), List.of()),
            "train", new Rule(concat(HEADLESS_JDK,
                    List.of("org.ejml", ROOT + "model", ROOT + "data", ROOT + "train")), List.of()),
            "analysis", new Rule(concat(HEADLESS_JDK,
                    List.of("org.ejml", ROOT + "model", ROOT + "data", ROOT + "analysis")), List.of()),
            "io", new Rule(concat(HEADLESS_JDK,
                    List.of("org.ejml", ROOT + "model", ROOT + "data", ROOT + "io", "com.fasterxml.jackson")),
                    List.of()),
            "chart", new Rule(List.of("java", "javax.imageio", "org.jfree", "org.ejml", ROOT + "model",
                    ROOT + "chart"), JAVAFX),
            "cli", new Rule(List.of(""), concat(JAVAFX, List.of(ROOT + "ui"))),
            "ui", new Rule(List.of(""), List.of()),
            "", new Rule(List.of(""), List.of()));

    private LayerRules() {
    }

    /**
     * The problems with one file's dependencies, each as "layer/File.java:line: text"; empty when it keeps the rules.
     *
     * @param layer first package segment under org.rnnexplorer ("" for the root package)
     */
    static List<String> violations(String layer, String fileName, String source) {
        List<String> problems = new ArrayList<>();
        String where = (layer.isEmpty() ? "" : layer + "/") + fileName;
        Rule rule = RULES.get(layer);
        if (rule == null) {
            problems.add(where + ": package " + ROOT + layer + " is not in DESIGN.md's table of layers");
            return problems;
        }
        boolean viewModel = layer.equals("ui") && fileName.endsWith("ViewModel.java");
        for (SourceDependencies.Dependency dep : SourceDependencies.of(source)) {
            String how = dep.imported() ? "imports " : "names inline ";
            if (!isAllowed(dep.name(), rule)) {
                problems.add(where + ":" + dep.line() + ": " + how + dep.name() + " (layer " + layer + ")");
            } else if (viewModel && startsWith(dep.name(), "javafx.scene")) {
                problems.add(where + ":" + dep.line() + ": view model " + how + dep.name());
            }
        }
        return problems;
    }

    private static boolean isAllowed(String name, Rule rule) {
        return rule.allowed().stream().anyMatch(p -> startsWith(name, p))
                && rule.denied().stream().noneMatch(p -> startsWith(name, p));
    }

    /** True when {@code name} is {@code prefix} or lies inside it ("org.rnnexplorer.data" is not "...database"). */
    private static boolean startsWith(String name, String prefix) {
        return prefix.isEmpty() || name.equals(prefix) || name.startsWith(prefix + ".");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
