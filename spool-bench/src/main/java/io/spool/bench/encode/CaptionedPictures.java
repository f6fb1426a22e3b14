package io.spool.bench.encode;

import io.spool.memes.model.CaptionRequest;
import io.spool.memes.model.ImageFormat;
import io.spool.memes.render.Frame;
import io.spool.memes.render.ImageDecoder;
import io.spool.memes.render.Picture;
import io.spool.memes.render.RenderLimits;
import io.spool.memes.render.Renderer;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The captioned pictures the service encodes, drawn once by spool-memes' renderer: the JPEG one is the same request
 * rendered as PNG (the renderer draws both on the same opaque 3-byte raster, and PNG keeps every pixel), the PNG one
 * decoded from the service's PNG, the GIF's frames read back as the palette images its writer was handed.
 */
record CaptionedPictures(Frame jpeg, Frame png, List<Frame> gif, int gifLoops) {
    static CaptionedPictures draw(Renderer renderer, CaptionRequest jpeg, CaptionRequest png, CaptionRequest gif)
            throws IOException, InterruptedException {
        CaptionRequest jpegAsPng = new CaptionRequest(jpeg.template(), jpeg.captions(), jpeg.width(), jpeg.height(),
                ImageFormat.PNG);
        BufferedImage jpegPixels = ImageIO.read(new ByteArrayInputStream(renderer.render(jpegAsPng).bytes()));
        BufferedImage pngPixels = ImageIO.read(new ByteArrayInputStream(renderer.render(png).bytes()));
        byte[] gifBytes = renderer.render(gif).bytes();
        Picture animation = ImageDecoder.decode(gifBytes, RenderLimits.DEFAULT);
        List<Frame> frames = new ArrayList<>();
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(gifBytes))) {
            reader.setInput(in);
            for (int i = 0; i < animation.frames().size(); i++) {
                Frame f = animation.frames().get(i);
                frames.add(new Frame(reader.read(i), f.delayCentis(), f.disposal()));
            }
        } finally {
            reader.dispose();
        }
        return new CaptionedPictures(new Frame(jpegPixels, 0, ""), new Frame(pngPixels, 0, ""), List.copyOf(frames),
                animation.loops());
    }
}
