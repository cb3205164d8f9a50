package org.backstrat.imaging.pipeline;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.backstrat.core.BadInputException;
import org.backstrat.core.InputProblem;
import org.backstrat.core.cohort.CohortSchema;
import org.backstrat.core.io.RawTable;
import org.backstrat.core.io.RowSink;
import org.backstrat.core.io.TableFormat;
import org.backstrat.core.io.TableReader;
import org.backstrat.imaging.StudyInput;
import org.backstrat.imaging.StudyLayout;
import org.backstrat.imaging.io.PixelGeometry;
import org.backstrat.imaging.volume.Plane;

/**
 * A manifest CSV listing the studies for {@code backstrat imaging --input manifest.csv}: one
 * row per study, UTF-8, comma-separated, header row first; read by the one table reader
 * ({@link TableReader}), so the encoding, quoting and line-end rules are every input's.
 *
 * <ul>
 *   <li>{@code id} (required): the person id, non-empty and unique.
 *   <li>{@code sagittal} (required): the sagittal T2 image.
 *   <li>{@code axial}, {@code axial_l3l4}, {@code axial_l4l5}, {@code axial_l5s1} (optional:
 *       a row without any axial image is a sagittal-only study, graded with its facet columns
 *       left empty and a note): {@code axial_<level>} is the axial T2
 *       image at that facet level; {@code axial} is a folder holding the three as
 *       {@code axial_l3l4_t2}, {@code axial_l4l5_t2}, {@code axial_l5s1_t2} (any format of the
 *       {@link StudyLayout}), used for each level whose own column is absent or empty.
 *   <li>{@code sagittal_spacing_mm}, {@code sagittal_orientation}, {@code axial_spacing_mm},
 *       {@code axial_orientation} (optional): the geometry of PNG pictures, which record none;
 *       spacing is one number (square pixels) or two (column, row spacing); orientation two
 *       letters as {@link PixelGeometry} explains (default {@code PI} sagittal, {@code LP}
 *       axial). Ignored for formats with geometry in their headers.
 * </ul>
 *
 * <p>An image cell is a path relative to the manifest's folder, or absolute, to an image file
 * ({@code .mha}, {@code .mhd}, {@code .nii}, {@code .nii.gz}, {@code .dcm}, {@code .png}) or
 * a DICOM series folder. Checked when reading the manifest, for the whole file (each a
 * {@link BadInputException} naming file, row and column, all problems at once): the required
 * columns, unknown columns (a misspelt one would be silently unused), empty or duplicate ids,
 * unreadable paths and spacing/orientation cells. Not checked then: whether the images exist
 * or are usable; an empty image cell or a missing file fails that study's part only.
 */
public final class StudyManifest {
  /** Column of the person id. */
  public static final String ID = "id";
  /** Column of the sagittal image. */
  public static final String SAGITTAL = "sagittal";
  /** Column of the folder of axial images. */
  public static final String AXIAL = "axial";
  private static final String SPACING = "_spacing_mm";
  private static final String ORIENTATION = "_orientation";

  private StudyManifest() {
  }

  /** The axial column of a facet level, e.g. {@code axial_l4l5}. */
  public static String axialColumn(String level) {
    return AXIAL + "_" + level;
  }

  /** Every column a manifest may have, in documentation order. */
  public static List<String> columns() {
    List<String> c = new ArrayList<>(List.of(ID, SAGITTAL, AXIAL));
    CohortSchema.FACET_LEVELS.forEach(l -> c.add(axialColumn(l)));
    c.addAll(List.of(SAGITTAL + SPACING, SAGITTAL + ORIENTATION, AXIAL + SPACING,
        AXIAL + ORIENTATION));
    return c;
  }

  /**
   * Reads the manifest at {@code file}.
   *
   * @return its studies in row order
   * @throws BadInputException listing every problem of the manifest (rules above)
   */
  public static List<StudyInput> read(Path file) {
    return read(file.toString(), file.toAbsolutePath().getParent(),
        sink -> TableReader.scan(file, sink));
  }

  /**
   * Reads manifest rows already split into cells (for example a slice of a manifest on a Spark
   * executor), with the same rules as {@link #read(Path)}: relative image paths are resolved
   * against {@code base}, messages name the table's file and its row numbers.
   *
   * @throws BadInputException listing every problem of these rows
   */
  public static List<StudyInput> read(RawTable table, Path base) {
    return read(table.file(), base, sink -> TableReader.replay(table, sink));
  }

  private static List<StudyInput> read(String name, Path base,
                                       java.util.function.Consumer<RowSink> source) {
    List<InputProblem> problems = new ArrayList<>();
    List<StudyInput> studies = new ArrayList<>();
    Map<String, Integer> index = new HashMap<>();
    Map<String, Long> seen = new HashMap<>();
    // the one table reader: the same encoding, quoting and line-end rules as every other input
    source.accept(new RowSink() {
      @Override
      public void header(List<String> cells, TableFormat format) {
        StudyManifest.header(cells.stream().map(String::strip).toArray(String[]::new), name,
            index, problems);
        if (!problems.isEmpty()) {
          throw new BadInputException(problems);
        }
      }

      @Override
      public void row(long row, String[] cells) {
        String[] rec = new String[cells.length];
        for (int c = 0; c < cells.length; c++) {
          rec[c] = cells[c].strip();
        }
        if (rec.length > index.size()) {
          problems.add(InputProblem.error(name, row, "", rec.length + " cells", "at most "
              + index.size() + " cells, one per header column"));
          return;
        }
        StudyInput s = study(rec, row, index, base, name, seen, problems);
        if (s != null) {
          studies.add(s);
        }
      }
    });
    if (problems.isEmpty() && studies.isEmpty()) {
      problems.add(InputProblem.error(name, 0, "", "", "a manifest with a header row and at"
          + " least one study row"));
    }
    if (!problems.isEmpty()) {
      throw new BadInputException(problems);
    }
    return studies;
  }

  private static void header(String[] rec, String name, Map<String, Integer> index,
                             List<InputProblem> problems) {
    Set<String> known = new LinkedHashSet<>(columns());
    for (int c = 0; c < rec.length; c++) {
      String col = rec[c];
      if (!known.contains(col)) {
        problems.add(InputProblem.error(name, 1, col, col, "one of the manifest columns "
            + String.join(", ", known)));
      } else if (index.putIfAbsent(col, c) != null) {
        problems.add(InputProblem.error(name, 1, col, col, "each column once"));
      }
    }
    for (String required : List.of(ID, SAGITTAL)) {
      if (!index.containsKey(required)) {
        problems.add(InputProblem.error(name, 0, required, "", "a column " + required));
      }
    }
  }

  private static StudyInput study(String[] rec, long row, Map<String, Integer> index,
                                  Path base, String name, Map<String, Long> seen,
                                  List<InputProblem> problems) {
    int before = problems.size();
    String id = cell(rec, index, ID);
    if (id.isEmpty()) {
      problems.add(InputProblem.error(name, row, ID, "", "a non-empty person id"));
    } else {
      Long first = seen.putIfAbsent(id, row);
      if (first != null) {
        problems.add(InputProblem.error(name, row, ID, id, "unique ids; " + id
            + " is already on row " + first));
      }
    }
    StudyInput s = StudyInput.listed(id, name + " row " + row);
    Path sag = path(rec, index, SAGITTAL, base, name, row, problems);
    if (sag != null) {
      s = s.withImage(StudyLayout.SAGITTAL, sag);
    }
    Path axialDir = path(rec, index, AXIAL, base, name, row, problems);
    if (axialDir != null) {
      s = s.withAxialFolder(axialDir);
    }
    for (String level : CohortSchema.FACET_LEVELS) {
      Path p = path(rec, index, axialColumn(level), base, name, row, problems);
      if (p != null) {
        s = s.withImage(StudyLayout.axial(level), p);
      }
    }
    for (Plane plane : List.of(Plane.SAGITTAL, Plane.AXIAL)) {
      String prefix = plane == Plane.SAGITTAL ? SAGITTAL : AXIAL;
      String spacing = cell(rec, index, prefix + SPACING);
      String orientation = cell(rec, index, prefix + ORIENTATION);
      if (spacing.isEmpty() && !orientation.isEmpty()) {
        problems.add(InputProblem.error(name, row, prefix + SPACING, "", "a pixel spacing"
            + " with the orientation " + orientation));
      } else if (!spacing.isEmpty()) {
        try {
          s = s.withPixelGeometry(plane, PixelGeometry.parse(spacing, orientation,
              plane == Plane.SAGITTAL ? PixelGeometry.SAGITTAL_DEFAULT
                  : PixelGeometry.AXIAL_DEFAULT, name, row, prefix + SPACING,
              prefix + ORIENTATION));
        } catch (BadInputException e) {
          problems.addAll(e.problems());
        }
      }
    }
    return problems.size() == before ? s : null;
  }

  private static String cell(String[] rec, Map<String, Integer> index, String column) {
    Integer c = index.get(column);
    return c == null || c >= rec.length ? "" : rec[c].strip();
  }

  private static Path path(String[] rec, Map<String, Integer> index, String column, Path base,
                           String name, long row, List<InputProblem> problems) {
    String text = cell(rec, index, column);
    if (text.isEmpty()) {
      return null;
    }
    try {
      Path p = Path.of(text);
      return p.isAbsolute() ? p : base.resolve(p).normalize();
    } catch (InvalidPathException e) {
      problems.add(InputProblem.error(name, row, column, text, "a file or folder path"));
      return null;
    }
  }
}
