package org.backstrat.imaging.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.backstrat.core.BadInputException;
import org.backstrat.imaging.volume.Direction;
import org.backstrat.imaging.volume.Volume;
import org.backstrat.imaging.volume.VolumeGeometry;

/**
 * Reads one DICOM series, from a folder of files (one series per folder) or a single file,
 * into a volume: single-frame or multi-frame files, uncompressed transfer syntaxes (see
 * {@link DicomParser}), 1, 8, 16 or 32 bits per pixel, signed or unsigned, monochrome only;
 * Rescale Slope/Intercept applied per frame (also from the Pixel Value Transformation functional
 * group).
 *
 * <p>Geometry comes from Image Orientation (Patient) and Image Position (Patient), from the
 * top-level attributes or the shared/per-frame functional groups of enhanced multi-frame
 * objects, or, for multi-frame objects without per-frame positions, the Grid Frame Offset
 * Vector (RT dose) or Spacing Between Slices. Slices are sorted by their position along the
 * normal (row direction x column direction); the i axis runs along a row (DICOM's row
 * direction cosine), the j axis down the columns, and Pixel Spacing's first value is the
 * spacing between rows (along j). Slices that differ in size or orientation, stand at the same
 * position or are unevenly spaced are refused. DICOM patient coordinates are already LPS.
 *
 * <p>Files in the folder that are not images (no Pixel Data, e.g. DICOMDIR) are skipped;
 * hidden files are ignored; any other file must be DICOM.
 */
public final class DicomSeriesReader {
  private static final int SERIES_UID = DicomObject.tag(0x0020, 0x000E);
  private static final int MODALITY = DicomObject.tag(0x0008, 0x0060);
  private static final int SERIES_DESCRIPTION = DicomObject.tag(0x0008, 0x103E);
  private static final int PROTOCOL_NAME = DicomObject.tag(0x0018, 0x1030);
  private static final int REPETITION_TIME = DicomObject.tag(0x0018, 0x0080);
  private static final int ECHO_TIME = DicomObject.tag(0x0018, 0x0081);
  private static final int INVERSION_TIME = DicomObject.tag(0x0018, 0x0082);
  private static final int IMAGE_POSITION = DicomObject.tag(0x0020, 0x0032);
  private static final int IMAGE_ORIENTATION = DicomObject.tag(0x0020, 0x0037);
  private static final int PIXEL_SPACING = DicomObject.tag(0x0028, 0x0030);
  private static final int SLICE_THICKNESS = DicomObject.tag(0x0018, 0x0050);
  private static final int SPACING_BETWEEN_SLICES = DicomObject.tag(0x0018, 0x0088);
  private static final int SAMPLES_PER_PIXEL = DicomObject.tag(0x0028, 0x0002);
  private static final int PHOTOMETRIC = DicomObject.tag(0x0028, 0x0004);
  private static final int NUMBER_OF_FRAMES = DicomObject.tag(0x0028, 0x0008);
  private static final int ROWS = DicomObject.tag(0x0028, 0x0010);
  private static final int COLUMNS = DicomObject.tag(0x0028, 0x0011);
  private static final int BITS_ALLOCATED = DicomObject.tag(0x0028, 0x0100);
  private static final int BITS_STORED = DicomObject.tag(0x0028, 0x0101);
  private static final int PIXEL_REPRESENTATION = DicomObject.tag(0x0028, 0x0103);
  private static final int RESCALE_INTERCEPT = DicomObject.tag(0x0028, 0x1052);
  private static final int RESCALE_SLOPE = DicomObject.tag(0x0028, 0x1053);
  private static final int GRID_FRAME_OFFSETS = DicomObject.tag(0x3004, 0x000C);
  private static final int SHARED_GROUPS = DicomObject.tag(0x5200, 0x9229);
  private static final int PER_FRAME_GROUPS = DicomObject.tag(0x5200, 0x9230);
  private static final int PLANE_POSITION = DicomObject.tag(0x0020, 0x9113);
  private static final int PLANE_ORIENTATION = DicomObject.tag(0x0020, 0x9116);
  private static final int PIXEL_MEASURES = DicomObject.tag(0x0028, 0x9110);
  private static final int PIXEL_TRANSFORM = DicomObject.tag(0x0028, 0x9145);
  /** Positions closer than this along the normal count as the same slice. */
  private static final double SAME_POSITION_MM = 1e-3;

  private final ReadLimits limits;

  private DicomSeriesReader(ReadLimits limits) {
    this.limits = limits;
  }

  /** A reader with {@link ReadLimits#withDefaults()}. */
  public static DicomSeriesReader withDefaults() {
    return new DicomSeriesReader(ReadLimits.withDefaults());
  }

  /** A copy with other limits. */
  public DicomSeriesReader withLimits(ReadLimits newLimits) {
    return new DicomSeriesReader(newLimits);
  }

  /** One frame of one file, with its geometry and rescale. */
  private record Frame(String file, DicomObject data, int index, double[] position,
                       double[] orientation, double[] pixelSpacing, double slope,
                       double intercept) {
  }

  /**
   * Reads the series in folder {@code path}, or the single file {@code path}.
   *
   * @throws BadInputException naming the file at fault
   */
  public Volume read(Path path) {
    return readSeries(path).volume();
  }

  /**
   * Reads the series like {@link #read} with its acquisition parameters (Modality, Series
   * Description, Protocol Name, Repetition, Echo and Inversion Time) from its first image.
   *
   * @throws BadInputException naming the file at fault
   */
  public SeriesImage readSeries(Path path) {
    List<Path> files = files(path);
    List<Frame> frames = new ArrayList<>();
    String seriesUid = null;
    String seriesFile = null;
    for (Path p : files) {
      DicomParser.Parsed parsed = DicomParser.parse(p, limits);
      DicomObject ds = parsed.dataSet();
      if (!ds.has(DicomParser.PIXEL_DATA)) {
        continue;
      }
      String uid = ds.string(SERIES_UID);
      if (uid != null && !uid.isEmpty()) {
        if (seriesUid == null) {
          seriesUid = uid;
          seriesFile = p.toString();
        } else if (!seriesUid.equals(uid)) {
          throw BadInputException.at(p.toString(), 0, "(0020,000E)", uid, "one series per"
              + " folder; " + seriesFile + " belongs to series " + seriesUid);
        }
      }
      frames.addAll(frames(p.toString(), ds));
      if (frames.size() > limits.maxVoxels()) {
        throw BadInputException.at(path.toString(), 0, "", "", "a series of at most "
            + limits.maxVoxels() + " frames");
      }
    }
    if (frames.isEmpty()) {
      throw BadInputException.at(path.toString(), 0, "", "", "at least one DICOM image (a"
          + " file with Pixel Data)");
    }
    return new SeriesImage(assemble(path.toString(), frames), acquisition(frames.get(0)));
  }

  private static Acquisition acquisition(Frame f) {
    DicomObject ds = f.data();
    return new Acquisition(ds.string(MODALITY), ds.string(SERIES_DESCRIPTION),
        ds.string(PROTOCOL_NAME), time(ds, REPETITION_TIME), time(ds, ECHO_TIME),
        time(ds, INVERSION_TIME));
  }

  /** A DS time in ms, NaN when absent or unreadable (these only inform a check). */
  private static double time(DicomObject ds, int tag) {
    try {
      double[] v = ds.numbers(tag);
      return v == null || v.length == 0 || !Double.isFinite(v[0]) ? Double.NaN : v[0];
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private List<Path> files(Path path) {
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    if (!Files.isDirectory(path)) {
      throw BadInputException.at(path.toString(), 0, "", "", "an existing DICOM file or folder");
    }
    try (Stream<Path> s = Files.list(path)) {
      List<Path> files = s.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted(Comparator.comparing(Path::toString)).toList();
      if (files.size() > limits.maxFiles()) {
        throw BadInputException.at(path.toString(), 0, "", files.size() + " files",
            "a series of at most " + limits.maxFiles() + " files");
      }
      if (files.isEmpty()) {
        throw BadInputException.at(path.toString(), 0, "", "", "a folder holding DICOM files;"
            + " it is empty");
      }
      return files;
    } catch (IOException e) {
      throw BadInputException.at(path.toString(), 0, "", "", "a readable folder (" + e + ")");
    }
  }

  private List<Frame> frames(String file, DicomObject ds) {
    int samples = ds.uint16(SAMPLES_PER_PIXEL);
    if (samples > 1) {
      throw BadInputException.at(file, 0, "(0028,0002)", String.valueOf(samples),
          "one sample per pixel (monochrome); colour images (" + ds.string(PHOTOMETRIC)
          + ") are not supported");
    }
    int nFrames = 1;
    double[] nf = numbers(ds, NUMBER_OF_FRAMES, file);
    if (nf != null) {
      if (nf[0] < 1 || nf[0] != Math.rint(nf[0]) || nf[0] > limits.maxVoxels()) {
        throw BadInputException.at(file, 0, "(0028,0008)", ds.string(NUMBER_OF_FRAMES),
            "a positive whole number of frames");
      }
      nFrames = (int) nf[0];
    }
    limits.checkVoxels(file, ds.uint16(COLUMNS), ds.uint16(ROWS), nFrames);
    requirePixelBytes(file, ds, nFrames);
    DicomObject ori = ds.holderOf(IMAGE_ORIENTATION, SHARED_GROUPS, PLANE_ORIENTATION);
    DicomObject spacingHolder = ds.holderOf(PIXEL_SPACING, SHARED_GROUPS, PIXEL_MEASURES);
    DicomObject rescale = ds.holderOf(RESCALE_SLOPE, SHARED_GROUPS, PIXEL_TRANSFORM);
    DicomObject intercept = ds.holderOf(RESCALE_INTERCEPT, SHARED_GROUPS, PIXEL_TRANSFORM);
    double[] orientation = ori == null ? null : numbers(ori, IMAGE_ORIENTATION, file);
    if (orientation != null && orientation.length != 6) {
      throw BadInputException.at(file, 0, "(0020,0037)", ori.string(IMAGE_ORIENTATION),
          "six direction cosines");
    }
    double[] pixelSpacing = spacingHolder == null ? null
        : numbers(spacingHolder, PIXEL_SPACING, file);
    double slope = rescale == null ? 1.0 : first(numbers(rescale, RESCALE_SLOPE, file), 1.0);
    double inter = intercept == null ? 0.0
        : first(numbers(intercept, RESCALE_INTERCEPT, file), 0.0);
    double[] position = numbers(ds, IMAGE_POSITION, file);
    List<DicomObject> perFrame = ds.items(PER_FRAME_GROUPS);
    double[] offsets = numbers(ds, GRID_FRAME_OFFSETS, file);
    double[] step = numbers(ds, SPACING_BETWEEN_SLICES, file);
    List<Frame> out = new ArrayList<>(nFrames);
    for (int f = 0; f < nFrames; f++) {
      double[] pos = position;
      double[] frameOrientation = orientation;
      double frameSlope = slope;
      double frameInter = inter;
      if (f < perFrame.size()) {
        DicomObject groups = perFrame.get(f);
        for (DicomObject pp : groups.items(PLANE_POSITION)) {
          pos = numbers(pp, IMAGE_POSITION, file);
        }
        for (DicomObject po : groups.items(PLANE_ORIENTATION)) {
          frameOrientation = numbers(po, IMAGE_ORIENTATION, file);
        }
        for (DicomObject pt : groups.items(PIXEL_TRANSFORM)) {
          frameSlope = first(numbers(pt, RESCALE_SLOPE, file), frameSlope);
          frameInter = first(numbers(pt, RESCALE_INTERCEPT, file), frameInter);
        }
      } else if (nFrames > 1 && position != null && frameOrientation != null) {
        double along;
        if (offsets != null && offsets.length == nFrames) {
          along = offsets[f];
        } else if (step != null) {
          along = f * step[0];
        } else {
          throw BadInputException.at(file, 0, "(0020,0032)", "", "a position for each of the "
              + nFrames + " frames (per-frame functional groups, Grid Frame Offset Vector or"
              + " Spacing Between Slices)");
        }
        double[] n = normal(frameOrientation);
        pos = new double[] {position[0] + along * n[0], position[1] + along * n[1],
            position[2] + along * n[2]};
      }
      if (pos != null && pos.length != 3) {
        throw BadInputException.at(file, 0, "(0020,0032)", java.util.Arrays.toString(pos),
            "three coordinates");
      }
      out.add(new Frame(file, ds, f, pos, frameOrientation, pixelSpacing, frameSlope,
          frameInter));
    }
    return out;
  }

  /**
   * Checks, before any voxel array is allocated, that the Pixel Data element holds the bytes
   * that Rows x Columns x frames x Bits Allocated claim (the element itself was already checked
   * against the file size by the parser).
   */
  private static void requirePixelBytes(String file, DicomObject ds, int nFrames) {
    int bits = ds.uint16(BITS_ALLOCATED);
    byte[] data = ds.bytes(DicomParser.PIXEL_DATA);
    if (bits < 1 || data == null) {
      return;
    }
    long need = ((long) ds.uint16(ROWS) * ds.uint16(COLUMNS) * nFrames * bits + 7) / 8;
    if (data.length < need) {
      throw BadInputException.at(file, 0, "(7FE0,0010)", data.length + " bytes", need
          + " bytes of pixel data for the " + ds.uint16(COLUMNS) + "x" + ds.uint16(ROWS) + "x"
          + nFrames + " pixels of " + bits + " bits the header claims; the file is truncated"
          + " or its header wrong");
    }
  }

  private Volume assemble(String source, List<Frame> frames) {
    Frame first = frames.get(0);
    int rows = first.data().uint16(ROWS);
    int cols = first.data().uint16(COLUMNS);
    if (rows < 1 || cols < 1) {
      throw BadInputException.at(first.file(), 0, "(0028,0010)", rows + "x" + cols,
          "positive Rows and Columns");
    }
    boolean oriented = first.orientation() != null && first.position() != null;
    for (Frame f : frames) {
      if (f.data().uint16(ROWS) != rows || f.data().uint16(COLUMNS) != cols) {
        throw BadInputException.at(f.file(), 0, "(0028,0010)", f.data().uint16(ROWS) + "x"
            + f.data().uint16(COLUMNS), rows + "x" + cols + " pixels like " + first.file());
      }
      if (oriented && (f.orientation() == null || f.position() == null
          || !close(f.orientation(), first.orientation(), 1e-4))) {
        throw BadInputException.at(f.file(), 0, "(0020,0037)", "", "the same Image"
            + " Orientation (Patient) as " + first.file() + " (one series, one orientation)");
      }
    }
    int count = limits.checkVoxels(source, cols, rows, frames.size());
    double[] spacingRc = first.pixelSpacing();
    if (spacingRc == null || spacingRc.length < 2 || !(spacingRc[0] > 0) || !(spacingRc[1] > 0)) {
      throw BadInputException.at(first.file(), 0, "(0028,0030)", "", "a Pixel Spacing of two"
          + " positive values");
    }
    List<Frame> sorted = new ArrayList<>(frames);
    VolumeGeometry geometry;
    if (!oriented) {
      if (frames.size() > 1) {
        throw BadInputException.at(first.file(), 0, "(0020,0037)", "", "Image Orientation and"
            + " Position (Patient) to order the " + frames.size() + " slices");
      }
      double[] origin = first.position() == null ? new double[3] : first.position();
      geometry = VolumeGeometry.withoutOrientation(cols, rows, 1,
          new double[] {spacingRc[1], spacingRc[0], thickness(first)}, origin);
    } else {
      double[] iop = first.orientation();
      double[] n = normal(iop);
      sorted.sort(Comparator.comparingDouble(f -> dot(f.position(), n)));
      double sliceSpacing = thickness(first);
      if (sorted.size() > 1) {
        double lo = Double.MAX_VALUE;
        double hi = 0;
        for (int s = 1; s < sorted.size(); s++) {
          double d = dot(sorted.get(s).position(), n) - dot(sorted.get(s - 1).position(), n);
          if (d < SAME_POSITION_MM) {
            throw BadInputException.at(sorted.get(s).file(), 0, "(0020,0032)", "", "slices at"
                + " distinct positions; frame " + sorted.get(s).index() + " lies where "
                + sorted.get(s - 1).file() + " frame " + sorted.get(s - 1).index()
                + " does (duplicate or mixed series)");
          }
          lo = Math.min(lo, d);
          hi = Math.max(hi, d);
        }
        if (hi - lo > Math.max(0.01, 0.01 * lo)) {
          throw BadInputException.at(source, 0, "(0020,0032)", String.format(Locale.ROOT,
              "slice gaps %.3f to %.3f mm", lo, hi), "evenly spaced slices (a slice is missing"
              + " or the series mixes stacks)");
        }
        sliceSpacing = (dot(sorted.get(sorted.size() - 1).position(), n)
            - dot(sorted.get(0).position(), n)) / (sorted.size() - 1);
      }
      try {
        Direction d = Direction.ofColumns(new double[] {iop[0], iop[1], iop[2]},
            new double[] {iop[3], iop[4], iop[5]}, n);
        geometry = VolumeGeometry.of(cols, rows, sorted.size(),
            new double[] {spacingRc[1], spacingRc[0], sliceSpacing}, sorted.get(0).position(),
            d);
      } catch (IllegalArgumentException e) {
        throw BadInputException.at(first.file(), 0, "(0020,0037)", "", "valid orientation and"
            + " spacing (" + e.getMessage() + ")");
      }
    }
    float[] voxels = new float[count];
    int perSlice = rows * cols;
    for (int s = 0; s < sorted.size(); s++) {
      decode(sorted.get(s), perSlice, voxels, s * perSlice);
    }
    return Volume.adopt(source, geometry, voxels);
  }

  private static void decode(Frame frame, int pixels, float[] dst, int offset) {
    DicomObject ds = frame.data();
    String file = frame.file();
    int bitsAllocated = ds.uint16(BITS_ALLOCATED);
    int bitsStored = ds.uint16(BITS_STORED);
    if (bitsStored < 1) {
      bitsStored = bitsAllocated;
    }
    boolean signed = ds.uint16(PIXEL_REPRESENTATION) == 1;
    byte[] data = ds.bytes(DicomParser.PIXEL_DATA);
    if (bitsAllocated != 1 && bitsAllocated != 8 && bitsAllocated != 16 && bitsAllocated != 32) {
      throw BadInputException.at(file, 0, "(0028,0100)", String.valueOf(bitsAllocated),
          "1, 8, 16 or 32 bits allocated");
    }
    if (bitsStored > bitsAllocated) {
      throw BadInputException.at(file, 0, "(0028,0101)", String.valueOf(bitsStored),
          "at most Bits Allocated (" + bitsAllocated + ") bits stored");
    }
    long frameBits = (long) pixels * bitsAllocated;
    long needBytes = (frameBits * (frame.index() + 1) + 7) / 8;
    if (data.length < needBytes) {
      throw BadInputException.at(file, 0, "(7FE0,0010)", data.length + " bytes", needBytes
          + " bytes of pixel data for frame " + (frame.index() + 1) + "; the file is"
          + " truncated");
    }
    ByteBuffer bb = ByteBuffer.wrap(data).order(ds.order());
    int shift = 32 - bitsStored;
    double slope = frame.slope();
    double inter = frame.intercept();
    long bitBase = frameBits * frame.index();
    int byteBase = (int) (bitBase / 8);
    for (int p = 0; p < pixels; p++) {
      int raw;
      switch (bitsAllocated) {
        case 1 -> {
          long bit = bitBase + p;
          raw = (data[(int) (bit >>> 3)] >>> (int) (bit & 7)) & 1;
        }
        case 8 -> raw = data[byteBase + p] & 0xFF;
        case 16 -> raw = bb.getShort(byteBase + 2 * p) & 0xFFFF;
        default -> raw = bb.getInt(byteBase + 4 * p);
      }
      double value;
      if (signed && bitsAllocated > 1) {
        value = (raw << shift) >> shift;
      } else if (bitsAllocated == 32) {
        value = raw & 0xFFFFFFFFL;
      } else {
        value = raw;
      }
      dst[offset + p] = (float) (value * slope + inter);
    }
  }

  private static double thickness(Frame f) {
    double[] t = numbers(f.data(), SPACING_BETWEEN_SLICES, f.file());
    if (t == null || !(t[0] > 0)) {
      DicomObject holder = f.data().holderOf(SLICE_THICKNESS, SHARED_GROUPS, PIXEL_MEASURES);
      t = holder == null ? null : numbers(holder, SLICE_THICKNESS, f.file());
    }
    return t != null && t[0] > 0 && Double.isFinite(t[0]) ? t[0] : 1.0;
  }

  private static double[] numbers(DicomObject ds, int tag, String file) {
    try {
      double[] v = ds.numbers(tag);
      if (v != null) {
        for (double x : v) {
          if (!Double.isFinite(x)) {
            throw new NumberFormatException("not finite");
          }
        }
      }
      return v;
    } catch (NumberFormatException e) {
      throw BadInputException.at(file, 0, DicomObject.tagText(tag), ds.string(tag),
          "decimal numbers separated by backslashes");
    }
  }

  private static double first(double[] v, double fallback) {
    return v == null || v.length == 0 ? fallback : v[0];
  }

  private static double[] normal(double[] iop) {
    return new double[] {iop[1] * iop[5] - iop[2] * iop[4], iop[2] * iop[3] - iop[0] * iop[5],
        iop[0] * iop[4] - iop[1] * iop[3]};
  }

  private static double dot(double[] a, double[] b) {
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
  }

  private static boolean close(double[] a, double[] b, double tol) {
    if (a.length != b.length) {
      return false;
    }
    for (int i = 0; i < a.length; i++) {
      if (Math.abs(a[i] - b[i]) > tol) {
        return false;
      }
    }
    return true;
  }
}
