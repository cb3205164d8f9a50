package org.backstrat.imaging.io;

import java.util.Locale;
import org.backstrat.core.BadInputException;
import org.backstrat.imaging.volume.Direction;

/**
 * The geometry of a 2-D picture whose file records none (PNG): pixel spacing and which
 * anatomical direction its columns and rows run to, as a user declares it.
 *
 * <p>{@code orientation} has two letters from {@code L R A P S I} (patient Left, Right,
 * Anterior, Posterior, Superior, Inferior): the first is where the column index grows (across
 * the picture, left to right), the second where the row index grows (down the picture, top to
 * bottom). {@code PI}, the default for sagittal pictures, is DICOM's usual sagittal display:
 * anterior on the left, superior at the top; {@code PS} is the same picture upside down. {@code
 * LP}, the default for axial pictures, is the radiological display: patient right on the
 * picture's left, anterior at the top. The letters must name two different body axes.
 *
 * @param columnSpacingMm distance between neighbouring columns (along a row), millimetres
 * @param rowSpacingMm distance between neighbouring rows, millimetres
 * @param orientation two letters as above, upper case
 */
public record PixelGeometry(double columnSpacingMm, double rowSpacingMm, String orientation) {
  /** The default orientation of a sagittal picture: anterior left, superior top. */
  public static final String SAGITTAL_DEFAULT = "PI";
  /** The default orientation of an axial picture: patient right left, anterior top. */
  public static final String AXIAL_DEFAULT = "LP";

  public PixelGeometry {
    if (!(columnSpacingMm > 0) || !(rowSpacingMm > 0) || !Double.isFinite(columnSpacingMm)
        || !Double.isFinite(rowSpacingMm)) {
      throw new IllegalArgumentException("pixel spacing must be positive and finite: "
          + columnSpacingMm + ", " + rowSpacingMm);
    }
    orientation = orientation.toUpperCase(Locale.ROOT);
    if (orientation.length() != 2 || axis(orientation.charAt(0)) < 0
        || axis(orientation.charAt(1)) < 0
        || axis(orientation.charAt(0)) == axis(orientation.charAt(1))) {
      throw new IllegalArgumentException("orientation must be two letters of L R A P S I on"
          + " two different axes (e.g. PI): " + orientation);
    }
  }

  /**
   * Parses a spacing cell ("0.677": square pixels, or "0.7 0.5": column then row spacing, also
   * separated by 'x' or a comma) and an orientation cell (empty: {@code defaultOrientation}).
   *
   * @throws BadInputException naming {@code file}, {@code row} and the column at fault
   */
  public static PixelGeometry parse(String spacing, String orientation, String defaultOrientation,
                                    String file, long row, String spacingColumn,
                                    String orientationColumn) {
    String[] parts = spacing.strip().split("[\\sx,]+");
    double[] mm = new double[parts.length];
    try {
      if (parts.length < 1 || parts.length > 2) {
        throw new NumberFormatException();
      }
      for (int p = 0; p < parts.length; p++) {
        mm[p] = Double.parseDouble(parts[p]);
        if (!(mm[p] > 0) || !Double.isFinite(mm[p])) {
          throw new NumberFormatException();
        }
      }
    } catch (NumberFormatException e) {
      throw BadInputException.at(file, row, spacingColumn, spacing, "a pixel spacing in mm:"
          + " one positive number, or two (column spacing, row spacing)");
    }
    String o = orientation == null || orientation.isBlank() ? defaultOrientation
        : orientation.strip();
    try {
      return new PixelGeometry(mm[0], mm.length == 2 ? mm[1] : mm[0], o);
    } catch (IllegalArgumentException e) {
      throw BadInputException.at(file, row, orientationColumn, o, "two letters of L R A P S I"
          + " on two different body axes: where the columns run (left to right), then where the"
          + " rows run (top to bottom), e.g. PI for a sagittal picture with anterior on the left"
          + " and superior at the top");
    }
  }

  /** Direction cosines (LPS) of the column axis i, the row axis j and the normal i x j. */
  public Direction direction() {
    double[] i = unit(orientation.charAt(0));
    double[] j = unit(orientation.charAt(1));
    double[] k = {i[1] * j[2] - i[2] * j[1], i[2] * j[0] - i[0] * j[2],
        i[0] * j[1] - i[1] * j[0]};
    return Direction.ofColumns(i, j, k);
  }

  private static int axis(char c) {
    return switch (c) {
      case 'L', 'R' -> 0;
      case 'A', 'P' -> 1;
      case 'S', 'I' -> 2;
      default -> -1;
    };
  }

  private static double[] unit(char c) {
    double[] v = new double[3];
    v[axis(c)] = c == 'L' || c == 'P' || c == 'S' ? 1 : -1;
    return v;
  }
}
