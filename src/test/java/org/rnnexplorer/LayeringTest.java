package org.rnnexplorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every main source file keeps DESIGN.md's layering (see {@link LayerRules}); the first tests show the checker
 * catches what it should, so its silence on the real tree means something.
 */
class LayeringTest {
    private static final Path SOURCES = Path.of("src/main/java/org/rnnexplorer");

    @Test
    void everyMainSourceFileKeepsTheLayering() throws IOException {
        List<String> problems = new ArrayList<>();
        Set<String> layersSeen = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path relative = SOURCES.relativize(file);
                String layer = relative.getNameCount() == 1 ? "" : relative.getName(0).toString();
                layersSeen.add(layer);
                String source = Files.readString(file, StandardCharsets.UTF_8);
                problems.addAll(LayerRules.violations(layer, file.getFileName().toString(), source));
            }
        }
        assertTrue(layersSeen.containsAll(Set.of("model", "data", "train", "analysis", "io", "chart", "cli")),
                "scanned layers " + layersSeen);
        assertEquals(List.of(), problems, "layering violations:\n" + String.join("\n", problems));
    }

    @Test
    void modelMayNotReachUpToData() {
        String source = """
                package org.rnnexplorer.model;

                import java.util.List;
                import org.ejml.data.DMatrixRMaj;
                import org.rnnexplorer.data.Vocabulary;
                class X {}
                """;
        assertEquals(List.of("model/X.java:5: imports org.rnnexplorer.data.Vocabulary (layer model)"),
                LayerRules.violations("model", "X.java", source));
    }

    @Test
    void aPrefixMatchesWholeSegmentsOnly() {
        String source = "package org.rnnexplorer.model;\nimport org.ejmlx.Fake;\nclass X {}\n";
        assertEquals(1, LayerRules.violations("model", "X.java", source).size());
    }

    @Test
    void inlineQualifiedNamesCountButCommentsAndStringsDoNot() {
        String source = """
                package org.rnnexplorer.cli;
                /** Not {@link org.rnnexplorer.ui.ExplorerApp}; see io.AtomicFiles. */
                class X {
                    // org.rnnexplorer.ui.Old
                    String s = "org.rnnexplorer.ui.InAString";
                    char c = '"';
                    void run() { org.rnnexplorer.ui.ExplorerApp.launchWindow(new String[0]); }
                }
                """;
        assertEquals(List.of("cli/X.java:7: names inline org.rnnexplorer.ui.ExplorerApp.launchWindow (layer cli)"),
                LayerRules.violations("cli", "X.java", source));
    }

    @Test
    void chartStaysFreeOfJavaFxEvenThroughJFreeChart() {
        String awt = "package org.rnnexplorer.chart;\nimport java.awt.Color;\nimport org.jfree.chart.JFreeChart;\n";
        assertEquals(List.of(), LayerRules.violations("chart", "X.java", awt));
        String fx = "package org.rnnexplorer.chart;\nimport org.jfree.chart.fx.ChartViewer;\n";
        assertEquals(1, LayerRules.violations("chart", "X.java", fx).size());
        String io = "package org.rnnexplorer.chart;\nimport org.rnnexplorer.io.AtomicFiles;\n";
        assertEquals(1, LayerRules.violations("chart", "X.java", io).size());
    }

    @Test
    void viewModelsHoldPropertiesButNoSceneGraph() {
        String source = """
                package org.rnnexplorer.ui;
                import javafx.beans.property.IntegerProperty;
                import javafx.scene.paint.Color;
                class ExplorerViewModel {}
                """;
        List<String> problems = LayerRules.violations("ui", "ExplorerViewModel.java", source);
        assertEquals(List.of("ui/ExplorerViewModel.java:3: view model imports javafx.scene.paint.Color"), problems);
        assertEquals(List.of(), LayerRules.violations("ui", "ExplorerWindow.java", source));
    }

    @Test
    void aPackageOutsideTheTableIsReported() {
        assertFalse(LayerRules.violations("util", "X.java", "package org.rnnexplorer.util;\n").isEmpty());
    }
}
