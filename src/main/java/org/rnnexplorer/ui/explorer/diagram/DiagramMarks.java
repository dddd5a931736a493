package org.rnnexplorer.ui.explorer.diagram;

import java.util.List;
import java.util.Set;
import javafx.scene.canvas.GraphicsContext;
import org.rnnexplorer.ui.common.Palette;

/** A lesson's marks over the cell diagram: a thick outline around the strips it names, an arrow over one unit. */
final class DiagramMarks {
    private DiagramMarks() {
    }

    static void draw(GraphicsContext g, List<DiagramPainter.Strip> strips, Set<String> names, int unit) {
        g.setStroke(Palette.LESSON_MARK);
        g.setFill(Palette.LESSON_MARK);
        for (DiagramPainter.Strip s : strips) {
            boolean named = names.contains(s.name());
            if (named) {
                g.setLineWidth(5);
                g.strokeRoundRect(s.x() - 14, s.y() - 36, s.w() + 28, s.h() + 64, 16, 16);
            }
            if (unit >= 0 && unit < s.n() && !s.input() && (named || names.isEmpty())) {
                double cx = s.x() + (unit + 0.5) * s.w() / s.n(), top = s.y() - 4;
                g.fillPolygon(new double[] {cx - 7, cx + 7, cx}, new double[] {top - 12, top - 12, top}, 3);
            }
        }
    }
}
