package org.rnnexplorer.ui.export;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.IntFunction;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.rnnexplorer.io.AtomicFiles;

/**
 * An animated GIF of a step-through, for slides and web pages: one frame per step, each shown {@code delayMillis}
 * (GIF counts in hundredths of a second), looping forever (the NETSCAPE2.0 application extension, loop count 0).
 * Every frame takes the size of the first (a larger one is cropped, a smaller one padded with white).
 */
public final class AnimatedGif {
    /** Most frames one GIF takes (a 5,000-step input would make a file nobody can open). */
    public static final int MAX_FRAMES = 1000;

    private AnimatedGif() {
    }

    /** Pictures made without JavaFX (e.g. charts drawn to images): {@code frameAt.apply(step)} for each step. */
    public static List<BufferedImage> imagesOf(int from, int to, IntFunction<BufferedImage> frameAt) {
        List<BufferedImage> frames = new ArrayList<>();
        for (int step = from; step <= to; step++) frames.add(frameAt.apply(step));
        return frames;
    }

    /** Writes the frames to {@code file} atomically (any thread). */
    public static void write(Path file, List<BufferedImage> frames, int delayMillis) {
        AtomicFiles.write(file, out -> encode(frames, delayMillis, out));
    }

    /** Encodes the frames as one looping GIF. */
    public static void encode(List<BufferedImage> frames, int delayMillis, OutputStream out) throws IOException {
        if (frames.isEmpty()) throw new IllegalArgumentException("a GIF needs at least one frame");
        if (frames.size() > MAX_FRAMES)
            throw new IllegalArgumentException("a GIF takes at most " + MAX_FRAMES + " frames, got " + frames.size());
        if (delayMillis < 10 || delayMillis > 60_000)
            throw new IllegalArgumentException("the frame delay must be 10 ms to 60 s, got " + delayMillis + " ms");
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
        if (!writers.hasNext()) throw new IOException("this Java has no GIF writer");
        ImageWriter writer = writers.next();
        int w = frames.get(0).getWidth();
        int h = frames.get(0).getHeight();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(new NonClosing(out))) {
            writer.setOutput(ios);
            writer.prepareWriteSequence(null);
            for (int i = 0; i < frames.size(); i++) {
                BufferedImage frame = fit(frames.get(i), w, h);
                ImageWriteParam param = writer.getDefaultWriteParam();
                IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame), param);
                frameMetadata(meta, delayMillis, i == 0);
                writer.writeToSequence(new IIOImage(frame, null, meta), param);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
    }

    private static void frameMetadata(IIOMetadata meta, int delayMillis, boolean first) throws IOException {
        String format = meta.getNativeMetadataFormatName(); // javax_imageio_gif_image_1.0
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
        IIOMetadataNode gce = child(root, "GraphicControlExtension");
        gce.setAttribute("disposalMethod", "none");
        gce.setAttribute("userInputFlag", "FALSE");
        gce.setAttribute("transparentColorFlag", "FALSE");
        gce.setAttribute("delayTime", Integer.toString(Math.max(1, Math.round(delayMillis / 10f))));
        gce.setAttribute("transparentColorIndex", "0");
        if (first) {
            IIOMetadataNode apps = child(root, "ApplicationExtensions");
            IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
            loop.setAttribute("applicationID", "NETSCAPE");
            loop.setAttribute("authenticationCode", "2.0");
            loop.setUserObject(new byte[] {1, 0, 0}); // sub-block 1, loop count 0 = forever
            apps.appendChild(loop);
        }
        meta.setFromTree(format, root);
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++)
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) return (IIOMetadataNode) root.item(i);
        IIOMetadataNode n = new IIOMetadataNode(name);
        root.appendChild(n);
        return n;
    }

    /** The frame as RGB at exactly w × h (white where it is smaller). */
    private static BufferedImage fit(BufferedImage img, int w, int h) {
        if (img.getWidth() == w && img.getHeight() == h && img.getType() == BufferedImage.TYPE_INT_RGB) return img;
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.drawImage(img, 0, 0, null);
        g.dispose();
        return out;
    }

    /** ImageIO closes what it wraps; AtomicFiles closes the file itself. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
