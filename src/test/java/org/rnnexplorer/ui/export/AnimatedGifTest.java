package org.rnnexplorer.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnexplorer.analysis.Quantity;
import org.rnnexplorer.chart.GateChart;
import org.rnnexplorer.dev.LabSamples;
import org.rnnexplorer.io.BadFileException;
import org.rnnexplorer.model.ForwardPass;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.model.Trace;

/** A step-through as an animated GIF: one frame per step, the size of the first, looping, the delay asked for. */
class AnimatedGifTest {

    /** Frames, size, delay and loop as a GIF reader sees them. */
    record Gif(int frames, int width, int height, int delayHundredths, boolean loops) {
    }

    static Gif read(Path file) throws Exception {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader r = ImageIO.getImageReadersByFormatName("gif").next();
            r.setInput(in);
            int n = r.getNumImages(true);
            BufferedImage first = r.read(0);
            IIOMetadataNode root = (IIOMetadataNode) r.getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0");
            IIOMetadataNode gce = (IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension").item(0);
            boolean loops = false;
            var apps = root.getElementsByTagName("ApplicationExtension");
            for (int i = 0; i < apps.getLength(); i++) {
                IIOMetadataNode a = (IIOMetadataNode) apps.item(i);
                byte[] data = (byte[]) a.getUserObject();
                loops |= "NETSCAPE".equals(a.getAttribute("applicationID")) && data[0] == 1 && data[1] == 0
                        && data[2] == 0;
            }
            return new Gif(n, first.getWidth(), first.getHeight(), Integer.parseInt(gce.getAttribute("delayTime")),
                    loops);
        }
    }

    @Test
    void theGateChartStepByStepAsTheGradientLabDrawsIt(@TempDir Path dir) throws Exception {
        RnnModel lstm = LabSamples.bundledModel("brackets-lstm.json");
        LabSamples.EncodedText text = LabSamples.encode(lstm, LabSamples.bundledText("brackets.txt"), 24);
        Trace trace = ForwardPass.run(lstm, text.input());
        List<BufferedImage> frames = AnimatedGif.imagesOf(0, trace.steps() - 1, step -> ChartImages.draw(
                GateChart.of(trace, 0, Quantity.FORGET_GATE, new int[] {29, 8}, text.tokens(), step), 640, 400));
        Path gif = dir.resolve("forget-gate.gif");
        AnimatedGif.write(gif, frames, 250);
        assertEquals(new Gif(24, 640, 400, 25, true), read(gif));
        BufferedImage first = frames.get(0);
        BufferedImage last = frames.get(23);
        boolean differ = false;
        for (int y = 0; y < first.getHeight() && !differ; y += 2)
            for (int x = 0; x < first.getWidth() && !differ; x += 2) differ = first.getRGB(x, y) != last.getRGB(x, y);
        assertTrue(differ, "the cursor moves from frame to frame");
        Files.createDirectories(Path.of("target/lab-shots"));
        Files.copy(gif, Path.of("target/lab-shots/forget-gate-steps.gif"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void framesOfAnotherSizeTakeTheFirstFramesSize(@TempDir Path dir) throws Exception {
        List<BufferedImage> images = new ArrayList<>();
        for (int i = 0; i < 5; i++) images.add(new BufferedImage(100 + 10 * i, 80 - 5 * i, BufferedImage.TYPE_INT_ARGB));
        Path gif = dir.resolve("steps.gif");
        AnimatedGif.write(gif, images, 1000);
        assertEquals(new Gif(5, 100, 80, 100, true), read(gif));
    }

    @Test
    void aGifThatCannotBeWrittenLeavesNothing(@TempDir Path dir) throws Exception {
        List<BufferedImage> none = List.of();
        assertThrows(IllegalArgumentException.class, () -> AnimatedGif.write(dir.resolve("empty.gif"), none, 100));
        BadFileException e = assertThrows(BadFileException.class, () -> AnimatedGif.write(dir.resolve("no/steps.gif"),
                List.of(new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB)), 100));
        assertTrue(e.getMessage().endsWith("steps.gif: cannot write: the folder does not exist"), e.getMessage());
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "no file and no temporary file");
        }
        // the failures leave the encoder as it was: the same frame to a folder that exists is a one-frame GIF
        AnimatedGif.write(dir.resolve("steps.gif"), List.of(new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB)), 100);
        assertEquals(new Gif(1, 10, 10, 10, true), read(dir.resolve("steps.gif")));
    }
}
