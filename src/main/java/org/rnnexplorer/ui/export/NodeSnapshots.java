package org.rnnexplorer.ui.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;
import javax.imageio.ImageIO;
import org.rnnexplorer.io.AtomicFiles;

/**
 * A node (a pane, a whole window's root) as a picture: {@code node.snapshot} with a {@code Transform.scale(s, s)}
 * (s = 2 gives twice the pixels for slides), on a white background, converted with {@code SwingFXUtils} and written as
 * PNG through {@link AtomicFiles}. Snapshots must be taken on the FX thread; encoding and writing may happen anywhere.
 */
public final class NodeSnapshots {
    private NodeSnapshots() {
    }

    /** The node as it is drawn now, {@code scale} pixels per point (FX thread). */
    public static WritableImage snapshot(Node node, double scale) {
        if (!(scale > 0) || scale > 4) throw new IllegalArgumentException("the scale must be above 0 and at most 4, got " + scale);
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(Color.WHITE);
        p.setTransform(Transform.scale(scale, scale));
        return node.snapshot(p, null);
    }

    /** The node as an AWT image, type RGB (FX thread). */
    public static BufferedImage image(Node node, double scale) {
        WritableImage fx = snapshot(node, scale);
        BufferedImage argb = SwingFXUtils.fromFXImage(fx, null);
        BufferedImage rgb = new BufferedImage(argb.getWidth(), argb.getHeight(), BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = rgb.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
        g.drawImage(argb, 0, 0, null);
        g.dispose();
        return rgb;
    }

    /** Writes an image as PNG, atomically (any thread). */
    public static void writePng(BufferedImage image, Path file) {
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) throw new UncheckedIOException(new IOException("no PNG writer"));
        });
    }

    /** Snapshot then write, both on the calling thread (the FX thread); for large panes prefer image + writePng off it. */
    public static void writePng(Node node, double scale, Path file) {
        writePng(image(node, scale), file);
    }
}
