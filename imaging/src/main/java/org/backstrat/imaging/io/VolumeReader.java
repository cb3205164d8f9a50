package org.backstrat.imaging.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.backstrat.core.BadInputException;
import org.backstrat.imaging.volume.Volume;

/**
 * Reads an image from a path by its kind: a folder is a DICOM series; {@code .nii} and
 * {@code .nii.gz} are NIfTI-1; {@code .mha} and {@code .mhd} are MetaImage; {@code .dcm} or a
 * name without extension is a single DICOM file; {@code .png} is a 2-D picture placed by the
 * {@link PixelGeometry} given with {@link #withPixelGeometry} (without one its orientation is
 * unknown). Anything else is refused with the list of supported formats.
 */
public final class VolumeReader {
  private final ReadLimits limits;
  private final PixelGeometry pixelGeometry;

  private VolumeReader(ReadLimits limits, PixelGeometry pixelGeometry) {
    this.limits = limits;
    this.pixelGeometry = pixelGeometry;
  }

  /** A reader with {@link ReadLimits#withDefaults()}. */
  public static VolumeReader withDefaults() {
    return new VolumeReader(ReadLimits.withDefaults(), null);
  }

  /** A copy with other limits. */
  public VolumeReader withLimits(ReadLimits newLimits) {
    return new VolumeReader(newLimits, pixelGeometry);
  }

  /** A copy placing PNG pictures by {@code geometry} (null: orientation unknown). */
  public VolumeReader withPixelGeometry(PixelGeometry geometry) {
    return new VolumeReader(limits, geometry);
  }

  /** The limits this reader checks headers against. */
  public ReadLimits limits() {
    return limits;
  }

  /**
   * Reads the image at {@code path} with what its header says about the acquisition (DICOM
   * only; other formats give {@link Acquisition#unknown()}).
   *
   * @throws BadInputException naming the file when it is missing, unsupported or unreadable
   */
  public SeriesImage readSeries(Path path) {
    if (Files.isDirectory(path) || isDicomName(path)) {
      return DicomSeriesReader.withDefaults().withLimits(limits).readSeries(path);
    }
    return new SeriesImage(read(path), Acquisition.unknown());
  }

  private static boolean isDicomName(Path path) {
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    return Files.exists(path) && (name.endsWith(".dcm") || name.endsWith(".ima")
        || !name.contains("."));
  }

  /**
   * Reads the image at {@code path}.
   *
   * @throws BadInputException naming the file when it is missing, unsupported or unreadable
   */
  public Volume read(Path path) {
    if (Files.isDirectory(path)) {
      return DicomSeriesReader.withDefaults().withLimits(limits).read(path);
    }
    if (!Files.exists(path)) {
      throw BadInputException.at(path.toString(), 0, "", "", "an existing image file or DICOM"
          + " folder");
    }
    if (!Files.isRegularFile(path)) {
      throw BadInputException.at(path.toString(), 0, "", "", "a regular image file or DICOM"
          + " folder; this is a device, pipe or socket, which could be endless");
    }
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".nii") || name.endsWith(".nii.gz")) {
      return NiftiReader.withDefaults().withLimits(limits).read(path);
    }
    if (name.endsWith(".mha") || name.endsWith(".mhd")) {
      return MetaImageReader.withDefaults().withLimits(limits).read(path);
    }
    if (name.endsWith(".png")) {
      return PngReader.withDefaults().withLimits(limits).withPixelGeometry(pixelGeometry)
          .read(path);
    }
    if (name.endsWith(".dcm") || name.endsWith(".ima") || !name.contains(".")) {
      return DicomSeriesReader.withDefaults().withLimits(limits).read(path);
    }
    throw BadInputException.at(path.toString(), 0, "", "", "a supported image: a DICOM folder"
        + " or .dcm file, NIfTI-1 (.nii, .nii.gz), MetaImage (.mha, .mhd) or a PNG picture"
        + " (.png)");
  }
}
