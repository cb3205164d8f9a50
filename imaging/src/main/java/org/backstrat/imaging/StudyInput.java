package org.backstrat.imaging;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.backstrat.core.cohort.CohortSchema;
import org.backstrat.imaging.io.PixelGeometry;
import org.backstrat.imaging.volume.Plane;

/**
 * Where the images of one study are: a study folder in the {@link StudyLayout}, or the paths a
 * manifest row lists (see {@code org.backstrat.imaging.pipeline.StudyManifest}). Images are
 * named by their {@link StudyLayout} stem ({@link StudyLayout#SAGITTAL},
 * {@link StudyLayout#axial(String)}); nothing is read or checked until {@link #image} is asked,
 * so a missing file fails that study only. Immutable.
 *
 * <p>Label images ({@code stem + }{@link StudyLayout#LABELS_SUFFIX}) are looked up beside the
 * image: {@code x.mha} has labels {@code x_labels.mha}, a DICOM folder {@code x} has {@code
 * x_labels}.
 */
public final class StudyInput {
  private final String id;
  private final String origin;
  private final Path folder;
  private final Map<String, Path> listed;
  private final Path axialFolder;
  private final PixelGeometry sagittalGeometry;
  private final PixelGeometry axialGeometry;

  private StudyInput(String id, String origin, Path folder, Map<String, Path> listed,
                     Path axialFolder, PixelGeometry sagittalGeometry,
                     PixelGeometry axialGeometry) {
    this.id = id;
    this.origin = origin;
    this.folder = folder;
    this.listed = listed;
    this.axialFolder = axialFolder;
    this.sagittalGeometry = sagittalGeometry;
    this.axialGeometry = axialGeometry;
  }

  /** A study folder in the {@link StudyLayout}; the id is the folder's name. */
  public static StudyInput folder(Path dir) {
    return new StudyInput(dir.getFileName().toString(), dir.toString(), dir, Map.of(), null,
        null, null);
  }

  /**
   * A study whose images are listed one by one (a manifest row), with none yet.
   *
   * @param origin where the study was listed, for messages (e.g. {@code m.csv row 3})
   */
  public static StudyInput listed(String id, String origin) {
    return new StudyInput(id, origin, null, Map.of(), null, null, null);
  }

  /** A copy listing {@code path} as the image {@code stem}; only for listed studies. */
  public StudyInput withImage(String stem, Path path) {
    requireListed();
    Map<String, Path> m = new LinkedHashMap<>(listed);
    m.put(stem, path);
    return new StudyInput(id, origin, null, Map.copyOf(m), axialFolder, sagittalGeometry,
        axialGeometry);
  }

  /**
   * A copy taking the axial images not listed one by one from {@code dir}, a folder holding
   * {@code axial_<level>_t2} images of the {@link StudyLayout}.
   */
  public StudyInput withAxialFolder(Path dir) {
    requireListed();
    return new StudyInput(id, origin, null, listed, dir, sagittalGeometry, axialGeometry);
  }

  /** A copy placing PNG pictures of {@code plane} (sagittal or axial) by {@code geometry}. */
  public StudyInput withPixelGeometry(Plane plane, PixelGeometry geometry) {
    return switch (plane) {
      case SAGITTAL -> new StudyInput(id, origin, folder, listed, axialFolder, geometry,
          axialGeometry);
      case AXIAL -> new StudyInput(id, origin, folder, listed, axialFolder, sagittalGeometry,
          geometry);
      case CORONAL -> throw new IllegalArgumentException("studies have no coronal images");
    };
  }

  private void requireListed() {
    if (folder != null) {
      throw new IllegalStateException("a folder study's images come from its folder");
    }
  }

  /** The person id. */
  public String id() {
    return id;
  }

  /**
   * Every path this study reads from as given (its folder, or the listed images, the label
   * images beside them and the axial folder), so that an output can be refused that would
   * replace one of them. A label image is listed whether or not it exists yet: an output
   * written under its name would be read as labels by the next run.
   */
  public List<Path> inputPaths() {
    List<Path> paths = new ArrayList<>();
    if (folder != null) {
      paths.add(folder);
    }
    for (Path image : listed.values()) {
      paths.add(image);
      paths.add(labelsBeside(image));
    }
    if (axialFolder != null) {
      paths.add(axialFolder);
    }
    return paths;
  }

  /** Where the study was found (its folder, or the manifest and row), for messages. */
  public String origin() {
    return origin;
  }

  /**
   * The path of image {@code stem} (or its labels, {@code stem + _labels}): for a folder study
   * the first match of {@link StudyLayout#find(Path, String)}; for a listed study the listed
   * path (which may not exist: reading it then says so) or, for axial levels not listed, the
   * match in the axial folder. Empty when the study has no such image.
   */
  public Optional<Path> image(String stem) {
    if (folder != null) {
      return StudyLayout.find(folder, stem);
    }
    if (stem.endsWith(StudyLayout.LABELS_SUFFIX)) {
      Optional<Path> base = image(stem.substring(0, stem.length()
          - StudyLayout.LABELS_SUFFIX.length()));
      return base.map(StudyInput::labelsBeside).filter(Files::exists);
    }
    Path p = listed.get(stem);
    if (p != null) {
      return Optional.of(p);
    }
    if (axialFolder != null && isAxial(stem)) {
      return StudyLayout.find(axialFolder, stem);
    }
    return Optional.empty();
  }

  /**
   * True when the study has at least one axial image: for a folder study an {@code
   * axial_<level>_t2} image of any level; for a listed study an axial column or folder. A study
   * without any is sagittal-only (its facet angles are not measured, with a note).
   */
  public boolean hasAxialImages() {
    if (folder == null && axialFolder != null) {
      return true;
    }
    for (String level : CohortSchema.FACET_LEVELS) {
      if (image(StudyLayout.axial(level)).isPresent()) {
        return true;
      }
    }
    return false;
  }

  /** What is expected where {@link #image} is empty, for the message. */
  public String missing(String stem, String what) {
    if (folder == null && axialFolder != null && isAxial(stem)
        && Files.isRegularFile(axialFolder)) {
      return "the " + what + " image; the manifest's axial column names the file "
          + axialFolder + ", but it must be a folder holding axial_l3l4_t2, axial_l4l5_t2 and"
          + " axial_l5s1_t2 (for one file per level use the columns axial_l3l4, axial_l4l5,"
          + " axial_l5s1)";
    }
    if (folder == null && axialFolder != null && isAxial(stem)) {
      return "the " + what + " image " + stem + ".* in the axial folder " + axialFolder
          + "; it is missing";
    }
    if (folder == null) {
      return "the " + what + " image; the manifest gives none for this study";
    }
    return "the " + what + " image " + stem + ".mha, .nii.gz, .nii, .mhd, .dcm, .png or a"
        + " DICOM folder " + stem + "/; it is missing";
  }

  /** The declared geometry for PNG pictures of image {@code stem}, if any. */
  public Optional<PixelGeometry> pixelGeometry(String stem) {
    String base = stem.endsWith(StudyLayout.LABELS_SUFFIX)
        ? stem.substring(0, stem.length() - StudyLayout.LABELS_SUFFIX.length()) : stem;
    return Optional.ofNullable(base.equals(StudyLayout.SAGITTAL) ? sagittalGeometry
        : isAxial(base) ? axialGeometry : null);
  }

  private static boolean isAxial(String stem) {
    for (String level : CohortSchema.FACET_LEVELS) {
      if (StudyLayout.axial(level).equals(stem)) {
        return true;
      }
    }
    return false;
  }

  private static Path labelsBeside(Path image) {
    String name = image.getFileName().toString();
    String ext = StudyLayout.extensionOf(name);
    String stem = name.substring(0, name.length() - ext.length());
    return image.resolveSibling(stem + StudyLayout.LABELS_SUFFIX + ext);
  }

  @Override
  public String toString() {
    return id + " (" + origin + ")";
  }
}
