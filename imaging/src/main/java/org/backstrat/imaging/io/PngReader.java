package org.backstrat.imaging.io;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.backstrat.core.BadInputException;
import org.backstrat.imaging.volume.Volume;
import org.backstrat.imaging.volume.VolumeGeometry;

/**
 * Reads a PNG picture (through {@code javax.imageio}, no extra dependency) as a one-slice
 * volume: 8- or 16-bit grayscale as stored; RGB or palette pictures as luminance
 * {@code 0.299 R + 0.587 G + 0.114 B} (exactly R when R = G = B, as in rendered grayscale
 * slices); alpha is ignored.
 *
 * <p>A PNG records neither pixel spacing nor orientation. With a {@link PixelGeometry} declared
 * ({@link #withPixelGeometry}) the picture gets that spacing and orientation, origin at the
 * top-left pixel; without one it gets 1 mm pixels and an unknown orientation, which the imaging
 * stage refuses rather than guess. The picture's size is checked against {@link ReadLimits}
 * from the header before its pixels are decoded.
 */
public final class PngReader {
  private final ReadLimits limits;
  private final PixelGeometry declared;

  private PngReader(ReadLimits limits, PixelGeometry declared) {
    this.limits = limits;
    this.declared = declared;
  }

  /** Default limits, no declared geometry. */
  public static PngReader withDefaults() {
    return new PngReader(ReadLimits.withDefaults(), null);
  }

  /** A copy with other limits. */
  public PngReader withLimits(ReadLimits newLimits) {
    return new PngReader(newLimits, declared);
  }

  /** A copy placing pictures by {@code geometry} (null: orientation unknown). */
  public PngReader withPixelGeometry(PixelGeometry geometry) {
    return new PngReader(limits, geometry);
  }

  /**
   * Reads one PNG file.
   *
   * @throws BadInputException naming the file when it is missing, corrupt, truncated or too
   *     large
   */
  public Volume read(Path path) {
    String file = path.toString();
    if (!Files.isRegularFile(path)) {
      throw BadInputException.at(file, 0, "", "", "an existing PNG file");
    }
    BufferedImage image;
    try (ImageInputStream in = ImageIO.createImageInputStream(path.toFile())) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        throw BadInputException.at(file, 0, "", "", "a PNG picture; this is not an image"
            + " javax.imageio recognises");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        if (!"png".equalsIgnoreCase(reader.getFormatName())) {
          throw BadInputException.at(file, 0, "", reader.getFormatName(), "a PNG picture");
        }
        limits.checkVoxels(file, reader.getWidth(0), reader.getHeight(0), 1);
        image = reader.read(0);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof BadInputException b) {
        throw b;
      }
      throw BadInputException.at(file, 0, "", "", "a readable PNG picture (" + e.getMessage()
          + "); the file is corrupt or truncated");
    }
    int w = image.getWidth();
    int h = image.getHeight();
    float[] voxels = new float[limits.checkVoxels(file, w, h, 1)];
    Raster raster = image.getRaster();
    int bands = raster.getNumBands();
    boolean palette = image.getColorModel() instanceof IndexColorModel;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        float v;
        if (palette) {
          int rgb = image.getRGB(x, y);
          v = luminance(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF);
        } else if (bands >= 3) {
          v = luminance(raster.getSample(x, y, 0), raster.getSample(x, y, 1),
              raster.getSample(x, y, 2));
        } else {
          v = raster.getSample(x, y, 0);
        }
        voxels[x + w * y] = v;
      }
    }
    VolumeGeometry g = declared == null
        ? VolumeGeometry.withoutOrientation(w, h, 1, new double[] {1, 1, 1}, new double[3])
        : VolumeGeometry.of(w, h, 1, new double[] {declared.columnSpacingMm(),
            declared.rowSpacingMm(), 1}, new double[3], declared.direction());
    return Volume.adopt(file, g, voxels);
  }

  private static float luminance(int r, int g, int b) {
    if (r == g && g == b) {
      return r;
    }
    return (float) (0.299 * r + 0.587 * g + 0.114 * b);
  }
}
