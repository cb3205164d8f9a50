package org.backstrat.imaging.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.backstrat.core.BadInputException;
import org.backstrat.imaging.volume.Volume;

/**
 * Reads an image from a path by its kind: a folder is a DICOM series; {@code .nii} and
 * {@code .nii.gz} are NIfTI-1; {@code .mha} and {@code .mhd} are MetaImage; {@code .dcm} or a
 * name without extension is a single DICOM file. Anything else is refused with the list of
 * supported formats.
 */
public final class VolumeReader {
  private final ReadLimits limits;

  private VolumeReader(ReadLimits limits) {
    this.limits = limits;
  }

  /** A reader with {@link ReadLimits#withDefaults()}. */
  public static VolumeReader withDefaults() {
    return new VolumeReader(ReadLimits.withDefaults());
  }

  /** A copy with other limits. */
  public VolumeReader withLimits(ReadLimits newLimits) {
    return new VolumeReader(newLimits);
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
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".nii") || name.endsWith(".nii.gz")) {
      return NiftiReader.withDefaults().withLimits(limits).read(path);
    }
    if (name.endsWith(".mha") || name.endsWith(".mhd")) {
      return MetaImageReader.withDefaults().withLimits(limits).read(path);
    }
    if (name.endsWith(".dcm") || name.endsWith(".ima") || !name.contains(".")) {
      return DicomSeriesReader.withDefaults().withLimits(limits).read(path);
    }
    throw BadInputException.at(path.toString(), 0, "", "", "a supported image: a DICOM folder"
        + " or .dcm file, NIfTI-1 (.nii, .nii.gz) or MetaImage (.mha, .mhd)");
  }
}
