package org.rnnexplorer.ui.text;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import javafx.beans.Observable;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import org.rnnexplorer.chart.TextHeatmapPainter;
import org.rnnexplorer.chart.TextWrap;
import java.util.List;

/**
 * The text, virtualised: only the lines that meet the view are drawn, by {@link TextHeatmapPainter} into an image
 * the size of the view (so the screen and the exports draw alike), then copied into the JavaFX image. A scroll bar
 * and the wheel move through the lines; the mouse over a character shows its step and values (a tooltip), a click
 * moves the window's step there (a label beside the mouse, like a tooltip), a drag marks a range for the finder. When the step moves out of view (playback,
 * the strip), the view scrolls to it.
 */
public final class TextCanvasView extends Region {
    private final TextViewModel vm;
    private final TextHeatmapPainter painter = TextHeatmapPainter.standard();
    private final ImageView view = new ImageView();
    private final ScrollBar bar = new ScrollBar();
    private final Label tip = new Label();
    private BufferedImage buffer;
    private WritableImage image;
    private int[] pixels;
    private double top;
    private int pressed = -1;
    private boolean dragged;
    private boolean scrolling;

    public TextCanvasView(TextViewModel vm) {
        this.vm = vm;
        getStyleClass().add("text-view");
        bar.setOrientation(Orientation.VERTICAL);
        getChildren().addAll(view, bar);
        setMinSize(200, 120);
        bar.valueProperty().addListener((o, a, b) -> {
            if (scrolling) return;
            top = b.doubleValue();
            redraw();
        });
        setOnScroll(e -> scrollTo(top - e.getDeltaY()));
        setOnMouseMoved(e -> vm.hoverStepProperty().set(tokenAt(e.getX(), e.getY())));
        setOnMouseExited(e -> vm.hoverStepProperty().set(-1));
        setOnMousePressed(this::press);
        setOnMouseDragged(this::drag);
        setOnMouseReleased(e -> {
            if (!dragged && pressed >= 0 && pressed == tokenAt(e.getX(), e.getY())) vm.click(pressed);
            pressed = -1;
        });
        // a tooltip that follows the mouse and never takes its events (a Tooltip window would cover the text)
        tip.getStyleClass().add("text-tip");
        tip.setMouseTransparent(true);
        tip.setManaged(false);
        tip.setStyle("-fx-background-color: rgba(255,255,240,0.96); -fx-border-color: #777; -fx-padding: 2 5 2 5;");
        tip.textProperty().bind(vm.hoverTextProperty());
        tip.visibleProperty().bind(vm.hoverTextProperty().isNotEmpty());
        getChildren().add(tip);
        addEventFilter(MouseEvent.MOUSE_MOVED, e -> placeTip(e.getX(), e.getY()));
        for (Observable o : List.<Observable>of(vm.contentProperty(), vm.hoverStepProperty(), vm.markFromProperty(),
                vm.markToProperty()))
            o.addListener(x -> redraw());
        vm.trace().stepProperty().addListener((o, a, b) -> follow(b.intValue()));
    }

    private void placeTip(double x, double y) {
        tip.autosize();
        double w = tip.getWidth(), h = tip.getHeight();
        double tx = x + 14 + w > textWidth() ? Math.max(0, x - 14 - w) : x + 14;
        double ty = y + 20 + h > getHeight() ? Math.max(0, y - 8 - h) : y + 20;
        tip.relocate(tx, ty);
    }

    private void press(MouseEvent e) {
        pressed = tokenAt(e.getX(), e.getY());
        dragged = false;
    }

    private void drag(MouseEvent e) {
        int t = tokenAt(e.getX(), e.getY());
        if (pressed >= 0 && t >= 0 && t != pressed) {
            dragged = true;
            vm.mark(pressed, t);
        }
    }

    /** The step under a point of this view, or −1. */
    public int tokenAt(double x, double y) {
        TextViewModel.Content c = vm.contentProperty().get();
        if (c == null || x >= textWidth()) return -1;
        return painter.tokenAt(c.wrap(), c.rows().size(), top, x, y);
    }

    /** The centre of step t's character in this view's coordinates, scrolling it into view first; null with no text. */
    public Point2D pointOf(int t) {
        TextViewModel.Content c = vm.contentProperty().get();
        if (c == null || t < 0 || t >= c.wrap().tokens().size()) return null;
        follow(t);
        TextWrap w = c.wrap();
        double x = TextHeatmapPainter.LEFT + (w.column(t) + w.width(t) / 2.0) * painter.cellWidth();
        double y = w.line(t) * painter.blockHeight(c.rows().size()) - top + painter.textHeight() / 2;
        return new Point2D(x, y);
    }

    /** Scrolls so that step t's line is in view (centred when it was not). */
    public void follow(int t) {
        TextViewModel.Content c = vm.contentProperty().get();
        if (c == null || t < 0 || t >= c.wrap().tokens().size()) {
            redraw();
            return;
        }
        double block = painter.blockHeight(c.rows().size()), y = c.wrap().line(t) * block;
        if (y < top || y + block > top + getHeight()) scrollTo(painter.topCentring(c.wrap(), c.rows().size(), t, getHeight()));
        else redraw();
    }

    /** Scrolls to {@code pixels} from the first line (kept inside the text). */
    public void scrollTo(double pixels) {
        top = Math.max(0, Math.min(pixels, maxTop()));
        scrolling = true;
        try {
            bar.setValue(top);
        } finally {
            scrolling = false;
        }
        redraw();
    }

    /** Pixels scrolled from the first line. */
    public double top() { return top; }

    /** The first line in view and how many lines the view shows: what the picture exports hold. */
    public int firstVisibleLine() {
        TextViewModel.Content c = vm.contentProperty().get();
        return c == null ? 0 : (int) Math.floor(top / painter.blockHeight(c.rows().size()));
    }

    public int visibleLines() {
        TextViewModel.Content c = vm.contentProperty().get();
        return c == null ? 0 : (int) Math.ceil(getHeight() / painter.blockHeight(c.rows().size()));
    }

    public TextHeatmapPainter painter() { return painter; }

    private double maxTop() {
        TextViewModel.Content c = vm.contentProperty().get();
        if (c == null) return 0;
        return Math.max(0, c.wrap().lines() * painter.blockHeight(c.rows().size()) - getHeight());
    }

    private double textWidth() {
        return Math.max(1, getWidth() - bar.prefWidth(-1));
    }

    @Override
    protected void layoutChildren() {
        double bw = bar.prefWidth(-1);
        bar.resizeRelocate(getWidth() - bw, 0, bw, getHeight());
        view.relocate(0, 0);
        vm.columnsProperty().set(painter.columnsFor(textWidth()));
        redraw();
    }

    /** Draws the lines in view into the image. */
    private void redraw() {
        int w = (int) Math.floor(textWidth()), h = (int) Math.floor(getHeight());
        if (w < 1 || h < 1) return;
        if (buffer == null || buffer.getWidth() != w || buffer.getHeight() != h) {
            buffer = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB_PRE);
            pixels = ((DataBufferInt) buffer.getRaster().getDataBuffer()).getData();
            image = new WritableImage(w, h);
            view.setImage(image);
        }
        TextViewModel.Content c = vm.contentProperty().get();
        double max = maxTop();
        bar.setMax(max);
        bar.setVisibleAmount(max > 0 ? Math.max(1, max * getHeight() / (max + getHeight())) : 1);
        bar.setUnitIncrement(painter.blockHeight(c == null ? 1 : c.rows().size()));
        bar.setBlockIncrement(Math.max(1, getHeight() - 40));
        top = Math.min(top, max);
        Graphics2D g = buffer.createGraphics();
        try {
            if (c == null) {
                g.setColor(java.awt.Color.WHITE);
                g.fillRect(0, 0, w, h);
            } else {
                painter.paint(g, c.wrap(), c.rows(), top, w, h, marks());
            }
        } finally {
            g.dispose();
        }
        image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbPreInstance(), pixels, 0, w);
    }

    /** The current step, the step under the mouse and the marked range. */
    TextHeatmapPainter.Marks marks() {
        return new TextHeatmapPainter.Marks(vm.trace().stepProperty().get(), vm.hoverStepProperty().get(),
                vm.markFromProperty().get(), vm.markToProperty().get());
    }
}
