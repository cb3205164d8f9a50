package org.backstrat.imaging;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.backstrat.core.cohort.CohortSchema;

/**
 * The folder layout of one imaging study, shared by the phantom writer and the imaging stage:
 * a folder named after the person id holding the sagittal T2 image {@code sagittal_t2} and one
 * axial T2 slice per facet level {@code axial_l3l4_t2}, {@code axial_l4l5_t2},
 * {@code axial_l5s1_t2}; each may be a MetaImage ({@code .mha}), a NIfTI-1 file
 * ({@code .nii}, {@code .nii.gz}) or a DICOM series folder (no extension). Phantoms add label
 * images with the suffix {@code _labels} (see {@link org.backstrat.imaging.phantom.PhantomLabels}).
 */
public final class StudyLayout {
  /** Stem of the sagittal T2 image. */
  public static final String SAGITTAL = "sagittal_t2";
  /** Suffix of a phantom's label image, after the image stem. */
  public static final String LABELS_SUFFIX = "_labels";
  /** Extensions tried, in this order, after a stem; "" is a DICOM folder. */
  public static final List<String> EXTENSIONS = List.of(".mha", ".nii.gz", ".nii", ".mhd",
      ".dcm", ".png", "");

  private StudyLayout() {
  }

  /** Stem of the axial T2 slice at a facet level of {@link CohortSchema#FACET_LEVELS}. */
  public static String axial(String level) {
    if (!CohortSchema.FACET_LEVELS.contains(level)) {
      throw new IllegalArgumentException("not a facet level: " + level);
    }
    return "axial_" + level + "_t2";
  }

  /** The first existing file or folder {@code stem + extension} in {@code studyDir}. */
  public static Optional<Path> find(Path studyDir, String stem) {
    for (String ext : EXTENSIONS) {
      Path p = studyDir.resolve(stem + ext);
      if (ext.isEmpty() ? Files.isDirectory(p) : Files.isRegularFile(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /**
   * The image {@code stem} of a study however it was given (folder or manifest); see
   * {@link StudyInput#image(String)}.
   */
  public static Optional<Path> find(StudyInput study, String stem) {
    return study.image(stem);
  }

  /** The extension of {@code name} among {@link #EXTENSIONS} ("" for none). */
  static String extensionOf(String name) {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    for (String ext : EXTENSIONS) {
      if (!ext.isEmpty() && lower.endsWith(ext) && lower.length() > ext.length()) {
        return name.substring(name.length() - ext.length());
      }
    }
    return "";
  }
}
