package org.backstrat.imaging.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.backstrat.core.BadInputException;
import org.backstrat.imaging.volume.Direction;
import org.backstrat.imaging.volume.Volume;
import org.backstrat.imaging.volume.VolumeGeometry;

/**
 * Reads single-file NIfTI-1 images ({@code .nii}, {@code .nii.gz}) of up to three spatial
 * dimensions, in either byte order, with voxel types uint8, int8, uint16, int16, uint32, int32,
 * float32 and float64, applying {@code scl_slope}/{@code scl_inter}.
 *
 * <p>Orientation follows the same priority as nibabel's {@code get_best_affine}: the sform when
 * {@code sform_code > 0}, else the qform when {@code qform_code > 0}, else the Analyze default
 * (x flipped, centred), which is marked as "orientation unknown". NIfTI's RAS+ world is
 * converted to LPS by negating the first two rows of the affine. Spatial units of metres or
 * micrometres are converted to millimetres. Header/image pairs ({@code .hdr/.img}), NIfTI-2,
 * 4-D series with more than one volume, and complex or RGB voxels are refused with a message.
 * Header offsets follow the NIfTI-1 specification (nifti1.h).
 */
public final class NiftiReader {
  private static final int HEADER_BYTES = 348;
  private final ReadLimits limits;

  private NiftiReader(ReadLimits limits) {
    this.limits = limits;
  }

  /** A reader with {@link ReadLimits#withDefaults()}. */
  public static NiftiReader withDefaults() {
    return new NiftiReader(ReadLimits.withDefaults());
  }

  /** A copy with other limits. */
  public NiftiReader withLimits(ReadLimits newLimits) {
    return new NiftiReader(newLimits);
  }

  /**
   * Reads one NIfTI-1 file.
   *
   * @throws BadInputException naming the file when it is missing, corrupt, truncated, absurd or
   *     of an unsupported kind
   */
  public Volume read(Path path) {
    String file = path.toString();
    boolean gz = file.toLowerCase(java.util.Locale.ROOT).endsWith(".gz");
    try (InputStream raw = Files.newInputStream(path);
         InputStream in = gz ? new GZIPInputStream(new BufferedInputStream(raw), 1 << 16)
             : new BufferedInputStream(raw, 1 << 16)) {
      return read(in, file, gz ? -1 : Files.size(path), gz ? Files.size(path) : -1);
    } catch (java.util.zip.ZipException e) {
      throw BadInputException.at(file, 0, "", "", "a gzip-compressed NIfTI file ("
          + e.getMessage() + "); the file is corrupt");
    } catch (java.io.EOFException e) {
      throw BadInputException.at(file, 0, "", "", "a complete NIfTI file; it is truncated");
    } catch (java.nio.file.NoSuchFileException e) {
      throw BadInputException.at(file, 0, "", "", "an existing NIfTI file");
    } catch (IOException e) {
      throw BadInputException.at(file, 0, "", "", "a readable NIfTI file (" + e + ")");
    }
  }

  private Volume read(InputStream in, String file, long fileBytes, long gzBytes)
      throws IOException {
    byte[] h = in.readNBytes(HEADER_BYTES);
    if (h.length < HEADER_BYTES) {
      throw BadInputException.at(file, 0, "", h.length + " bytes", "a NIfTI-1 header of 348"
          + " bytes; the file is truncated or not NIfTI");
    }
    ByteBuffer bb = ByteBuffer.wrap(h).order(ByteOrder.LITTLE_ENDIAN);
    int sizeofHdr = bb.getInt(0);
    if (sizeofHdr != HEADER_BYTES) {
      bb.order(ByteOrder.BIG_ENDIAN);
      sizeofHdr = bb.getInt(0);
    }
    if (sizeofHdr == 540 || Integer.reverseBytes(sizeofHdr) == 540) {
      throw BadInputException.at(file, 0, "", "NIfTI-2", "a NIfTI-1 file; NIfTI-2 is not"
          + " supported (convert it, e.g. with nibabel, to NIfTI-1)");
    }
    if (sizeofHdr != HEADER_BYTES) {
      throw BadInputException.at(file, 0, "", "", "a NIfTI-1 file (sizeof_hdr 348); this is"
          + " not NIfTI");
    }
    String magic = new String(h, 344, 3, StandardCharsets.US_ASCII);
    if (magic.equals("ni1")) {
      throw BadInputException.at(file, 0, "", "ni1", "a single-file NIfTI-1 (.nii, magic"
          + " n+1); header/image pairs (.hdr/.img) are not supported");
    }
    if (!magic.equals("n+1")) {
      throw BadInputException.at(file, 0, "", "", "NIfTI-1 magic \"n+1\"; this looks like an"
          + " Analyze 7.5 header, which records no reliable orientation");
    }
    int ndim = bb.getShort(40);
    if (ndim < 1 || ndim > 7) {
      throw BadInputException.at(file, 0, "", "dim[0] = " + ndim, "1 to 7 dimensions");
    }
    long[] dim = new long[8];
    for (int d = 1; d <= 7; d++) {
      dim[d] = d <= ndim ? bb.getShort(40 + 2 * d) : 1;
      if (dim[d] < 1) {
        throw BadInputException.at(file, 0, "", "dim[" + d + "] = " + dim[d],
            "positive image dimensions");
      }
    }
    for (int d = 4; d <= 7; d++) {
      if (dim[d] > 1) {
        throw BadInputException.at(file, 0, "", ndim + "-D, dim[" + d + "] = " + dim[d],
            "a 2-D or 3-D image; 4-D series (time, vectors) are not supported");
      }
    }
    int count = limits.checkVoxels(file, dim[1], dim[2], dim[3]);
    int datatype = bb.getShort(70);
    SampleType type = sampleType(datatype, file);
    int bitpix = bb.getShort(72);
    if (bitpix != 8 * type.bytes()) {
      throw BadInputException.at(file, 0, "", "bitpix = " + bitpix, "bitpix "
          + 8 * type.bytes() + " for datatype " + datatype + "; the header is inconsistent");
    }
    float[] pixdim = new float[8];
    for (int d = 0; d < 8; d++) {
      pixdim[d] = bb.getFloat(76 + 4 * d);
    }
    float voxOffset = bb.getFloat(108);
    long offset = voxOffset == 0f ? 352 : (long) voxOffset;
    if (!(voxOffset >= 0) || offset != voxOffset && voxOffset != 0f || offset < HEADER_BYTES
        || offset > limits.maxHeaderBytes()) {
      throw BadInputException.at(file, 0, "", "vox_offset = " + voxOffset,
          "an integral data offset between 348 and " + limits.maxHeaderBytes());
    }
    long dataBytes = (long) count * type.bytes();
    if (fileBytes >= 0 && fileBytes < offset + dataBytes) {
      throw BadInputException.at(file, 0, "", fileBytes + " bytes", (offset + dataBytes)
          + " bytes for the " + dim[1] + "x" + dim[2] + "x" + dim[3] + " voxels the header"
          + " claims; the file is truncated");
    }
    if (gzBytes >= 0) {
      ReadLimits.checkCompressedClaim(file, offset + dataBytes, gzBytes);
    }
    double slope = bb.getFloat(112);
    double inter = bb.getFloat(116);
    if (slope == 0 || !Double.isFinite(slope)) {
      slope = 1;
      inter = 0;
    } else if (!Double.isFinite(inter)) {
      throw BadInputException.at(file, 0, "", "scl_inter = " + inter,
          "a finite intercept with a valid scl_slope");
    }
    VolumeGeometry geometry = geometry(bb, dim, pixdim, file);
    long skip = offset - HEADER_BYTES;
    in.skipNBytes(skip);
    ByteOrder order = bb.order();
    float[] voxels = new float[count];
    type.read(in, order, voxels, slope, inter, file);
    return Volume.adopt(file, geometry, voxels);
  }

  private static SampleType sampleType(int datatype, String file) {
    return switch (datatype) {
      case 2 -> SampleType.UINT8;
      case 4 -> SampleType.INT16;
      case 8 -> SampleType.INT32;
      case 16 -> SampleType.FLOAT32;
      case 64 -> SampleType.FLOAT64;
      case 256 -> SampleType.INT8;
      case 512 -> SampleType.UINT16;
      case 768 -> SampleType.UINT32;
      default -> throw BadInputException.at(file, 0, "", "datatype " + datatype,
          "a scalar voxel type (uint8, int8, uint16, int16, uint32, int32, float32, float64);"
          + " complex, RGB and 64-bit integer images are not supported");
    };
  }

  private static VolumeGeometry geometry(ByteBuffer bb, long[] dim, float[] pixdim,
                                         String file) {
    double unitMm = switch (bb.get(123) & 0x07) {
      case 1 -> 1000.0;
      case 3 -> 0.001;
      default -> 1.0;
    };
    int qformCode = bb.getShort(252);
    int sformCode = bb.getShort(254);
    double[][] affine = new double[3][4];
    boolean known = true;
    if (sformCode > 0) {
      for (int r = 0; r < 3; r++) {
        for (int c = 0; c < 4; c++) {
          affine[r][c] = bb.getFloat(280 + 16 * r + 4 * c);
        }
      }
    } else if (qformCode > 0) {
      double b = bb.getFloat(256);
      double c = bb.getFloat(260);
      double d = bb.getFloat(264);
      double a = 1.0 - (b * b + c * c + d * d);
      if (a < 1e-7) {
        // a rotation by 180 degrees: (b, c, d) is the axis, renormalised (as nifti1_io.c does)
        double n = 1.0 / Math.sqrt(b * b + c * c + d * d);
        b *= n;
        c *= n;
        d *= n;
        a = 0;
      } else {
        a = Math.sqrt(a);
      }
      double[][] rot = {
          {a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c)},
          {2 * (b * c + a * d), a * a + c * c - b * b - d * d, 2 * (c * d - a * b)},
          {2 * (b * d - a * c), 2 * (c * d + a * b), a * a + d * d - c * c - b * b}};
      double qfac = pixdim[0] < 0 ? -1 : 1;
      double[] zoom = {spacing(pixdim, 1, dim, file), spacing(pixdim, 2, dim, file),
          qfac * spacing(pixdim, 3, dim, file)};
      for (int r = 0; r < 3; r++) {
        for (int col = 0; col < 3; col++) {
          affine[r][col] = rot[r][col] * zoom[col];
        }
        affine[r][3] = bb.getFloat(268 + 4 * r);
      }
    } else {
      known = false;
      double[] zoom = {-spacing(pixdim, 1, dim, file), spacing(pixdim, 2, dim, file),
          spacing(pixdim, 3, dim, file)};
      for (int r = 0; r < 3; r++) {
        affine[r][r] = zoom[r];
        affine[r][3] = -(dim[r + 1] - 1) / 2.0 * zoom[r];
      }
    }
    // RAS -> LPS
    for (int c = 0; c < 4; c++) {
      affine[0][c] = -affine[0][c];
      affine[1][c] = -affine[1][c];
    }
    double[][] cols = new double[3][3];
    double[] spacing = new double[3];
    for (int c = 0; c < 3; c++) {
      double n = 0;
      for (int r = 0; r < 3; r++) {
        cols[c][r] = affine[r][c];
        n += affine[r][c] * affine[r][c];
      }
      spacing[c] = Math.sqrt(n);
      if (!Double.isFinite(spacing[c])) {
        throw BadInputException.at(file, 0, "", "", "a finite orientation matrix in the header");
      }
    }
    if (spacing[0] == 0 || spacing[1] == 0) {
      throw BadInputException.at(file, 0, "", "", "a non-degenerate orientation matrix (an"
          + " in-plane axis has zero length)");
    }
    if (spacing[2] == 0 && dim[3] == 1) {
      // a 2-D image whose third column is zero: the normal is i x j, slice thickness unknown
      double[] a = cols[0];
      double[] b = cols[1];
      cols[2] = new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2],
          a[0] * b[1] - a[1] * b[0]};
      spacing[2] = 1 / unitMm; // becomes 1 mm below
    } else if (spacing[2] == 0) {
      throw BadInputException.at(file, 0, "", "", "a non-degenerate orientation matrix (the"
          + " slice axis has zero length)");
    }
    double[] origin = new double[3];
    for (int r = 0; r < 3; r++) {
      origin[r] = affine[r][3] * unitMm;
      spacing[r] *= unitMm;
    }
    int nx = (int) dim[1];
    int ny = (int) dim[2];
    int nz = (int) dim[3];
    try {
      if (!known) {
        return VolumeGeometry.withoutOrientation(nx, ny, nz, spacing, origin);
      }
      return VolumeGeometry.of(nx, ny, nz, spacing, origin,
          Direction.ofColumns(cols[0], cols[1], cols[2]));
    } catch (IllegalArgumentException e) {
      throw BadInputException.at(file, 0, "", "", "a valid orientation (" + e.getMessage() + ")");
    }
  }

  private static double spacing(float[] pixdim, int d, long[] dim, String file) {
    double s = Math.abs(pixdim[d]);
    if (s > 0 && Double.isFinite(s)) {
      return s;
    }
    if (dim[d] == 1) {
      return 1.0;
    }
    throw BadInputException.at(file, 0, "", "pixdim[" + d + "] = " + pixdim[d],
        "a positive voxel size");
  }
}
