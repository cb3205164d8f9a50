package org.backstrat.imaging.io;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.InflaterInputStream;
import org.backstrat.core.BadInputException;
import org.backstrat.imaging.volume.Direction;
import org.backstrat.imaging.volume.Volume;
import org.backstrat.imaging.volume.VolumeGeometry;

/**
 * Reads MetaImage files (ITK's format, used by the SPIDER lumbar MRI data set): {@code .mha}
 * with the voxels after the text header ({@code ElementDataFile = LOCAL}) and {@code .mhd}
 * headers naming a {@code .raw} or zlib-compressed {@code .zraw} file beside them.
 *
 * <p>Understood keys: {@code NDims} (2 or 3), {@code DimSize}, {@code ElementType}
 * ({@code MET_UCHAR, MET_CHAR, MET_USHORT, MET_SHORT, MET_UINT, MET_INT, MET_FLOAT,
 * MET_DOUBLE}), {@code ElementSpacing}, {@code Offset} (or {@code Position}/{@code Origin}),
 * {@code TransformMatrix} (or {@code Rotation}/{@code Orientation}; as ITK reads it, the first
 * NDims values are the direction of the first index axis, and so on), {@code
 * BinaryDataByteOrderMSB} (or {@code ElementByteOrderMSB}), {@code CompressedData}, {@code
 * HeaderSize} and {@code ElementNumberOfChannels} (must be 1). Coordinates are LPS, as in ITK.
 * A header without a transform matrix gives an image whose orientation is unknown.
 */
public final class MetaImageReader {
  private final ReadLimits limits;

  private MetaImageReader(ReadLimits limits) {
    this.limits = limits;
  }

  /** A reader with {@link ReadLimits#withDefaults()}. */
  public static MetaImageReader withDefaults() {
    return new MetaImageReader(ReadLimits.withDefaults());
  }

  /** A copy with other limits. */
  public MetaImageReader withLimits(ReadLimits newLimits) {
    return new MetaImageReader(newLimits);
  }

  /**
   * Reads one {@code .mha} or {@code .mhd} file.
   *
   * @throws BadInputException naming the file when it is missing, corrupt, truncated, absurd or
   *     of an unsupported kind
   */
  public Volume read(Path path) {
    String file = path.toString();
    try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
      long[] headerBytes = new long[1];
      Map<String, String> keys = header(in, file, headerBytes);
      return body(path, in, headerBytes[0], keys);
    } catch (java.nio.file.NoSuchFileException e) {
      throw BadInputException.at(e.getFile(), 0, "", "", "an existing MetaImage file");
    } catch (java.util.zip.ZipException e) {
      throw BadInputException.at(file, 0, "", "", "valid zlib-compressed voxel data ("
          + e.getMessage() + "); the file is corrupt");
    } catch (java.io.EOFException e) {
      throw BadInputException.at(file, 0, "", "", "complete voxel data; the file is truncated");
    } catch (IOException e) {
      throw BadInputException.at(file, 0, "", "", "a readable MetaImage file (" + e + ")");
    }
  }

  /**
   * The separate data file an {@code .mhd} header names in its {@code ElementDataFile} line
   * (resolved beside the header), so that an output may be refused that would replace it;
   * empty for other files, voxels stored in the header file ({@code LOCAL}), lists and
   * patterns, and headers that cannot be read (reading the image reports those).
   */
  public static Optional<Path> dataFileOf(Path header) {
    String name = header.getFileName() == null ? "" : header.getFileName().toString();
    if (!name.toLowerCase(Locale.ROOT).endsWith(".mhd")
        || !Files.isRegularFile(header)) {
      return Optional.empty();
    }
    byte[] head;
    try (InputStream in = Files.newInputStream(header)) {
      head = in.readNBytes(1 << 16);
    } catch (IOException e) {
      return Optional.empty();
    }
    for (String line : new String(head, StandardCharsets.ISO_8859_1).split("\\R")) {
      int eq = line.indexOf('=');
      if (eq > 0 && line.substring(0, eq).trim().equalsIgnoreCase("ElementDataFile")) {
        String data = line.substring(eq + 1).trim();
        if (data.isEmpty() || data.equalsIgnoreCase("LOCAL") || data.equalsIgnoreCase("LIST")
            || data.contains("%")) {
          return Optional.empty();
        }
        try {
          return Optional.of(header.toAbsolutePath().getParent().resolve(data).normalize());
        } catch (java.nio.file.InvalidPathException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  private Map<String, String> header(InputStream in, String file, long[] consumed)
      throws IOException {
    Map<String, String> keys = new LinkedHashMap<>();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    long count = 0;
    int lineNo = 1;
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw BadInputException.at(file, lineNo, "", "", "a MetaImage header ending with an"
            + " ElementDataFile line; the file ended first (truncated or not MetaImage)");
      }
      count++;
      if (count > limits.maxHeaderBytes()) {
        throw BadInputException.at(file, lineNo, "", "", "a MetaImage header of at most "
            + limits.maxHeaderBytes() + " bytes");
      }
      if (b == 0) {
        throw BadInputException.at(file, lineNo, "", "", "a text MetaImage header; found a"
            + " zero byte (this is not MetaImage)");
      }
      if (b != '\n') {
        if (line.size() > 1 << 16) {
          throw BadInputException.at(file, lineNo, "", "", "header lines shorter than 64 KB");
        }
        line.write(b);
        continue;
      }
      String text = line.toString(StandardCharsets.ISO_8859_1).strip();
      line.reset();
      if (!text.isEmpty()) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
          throw BadInputException.at(file, lineNo, "", text, "a \"Key = Value\" header line");
        }
        String key = text.substring(0, eq).strip().toLowerCase(Locale.ROOT);
        keys.put(key, text.substring(eq + 1).strip());
        if (key.equals("elementdatafile")) {
          consumed[0] = count;
          return keys;
        }
      }
      lineNo++;
    }
  }

  private Volume body(Path path, InputStream headerStream, long headerBytes,
                      Map<String, String> keys) throws IOException {
    String file = path.toString();
    String objectType = keys.getOrDefault("objecttype", "Image");
    if (!objectType.equalsIgnoreCase("Image")) {
      throw BadInputException.at(file, 0, "ObjectType", objectType, "ObjectType = Image");
    }
    int ndims = (int) number(keys, "ndims", file, null)[0];
    if (ndims < 2 || ndims > 3) {
      throw BadInputException.at(file, 0, "NDims", String.valueOf(ndims), "2 or 3 dimensions");
    }
    double[] size = number(keys, "dimsize", file, null);
    checkLength(size, ndims, "DimSize", file);
    for (double s : size) {
      if (s != Math.rint(s) || s < 1 || s > Integer.MAX_VALUE) {
        throw BadInputException.at(file, 0, "DimSize", keys.get("dimsize"),
            "positive whole image dimensions");
      }
    }
    long nz = ndims == 3 ? (long) size[2] : 1;
    int count = limits.checkVoxels(file, (long) size[0], (long) size[1], nz);
    String channels = keys.getOrDefault("elementnumberofchannels", "1");
    if (!channels.equals("1")) {
      throw BadInputException.at(file, 0, "ElementNumberOfChannels", channels,
          "one channel (scalar images only)");
    }
    SampleType type = elementType(keys.get("elementtype"), file);
    double[] spacing = keys.containsKey("elementspacing")
        ? number(keys, "elementspacing", file, null)
        : number(keys, "elementsize", file, ones(ndims));
    checkLength(spacing, ndims, "ElementSpacing", file);
    double[] offset = number(keys, firstKey(keys, "offset", "position", "origin"), file,
        new double[ndims]);
    checkLength(offset, ndims, "Offset", file);
    String matrixKey = firstKey(keys, "transformmatrix", "rotation", "orientation");
    double[] matrix = number(keys, matrixKey, file, null);
    if (matrix != null) {
      checkLength(matrix, ndims * ndims, "TransformMatrix", file);
    }
    ByteOrder order = bool(keys, firstKey(keys, "binarydatabyteordermsb", "elementbyteordermsb"),
        file) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    boolean compressed = bool(keys, "compresseddata", file);
    if (keys.containsKey("binarydata") && !bool(keys, "binarydata", file)) {
      throw BadInputException.at(file, 0, "BinaryData", keys.get("binarydata"),
          "BinaryData = True (ASCII voxel data is not supported)");
    }
    VolumeGeometry geometry = geometry(ndims, size, spacing, offset, matrix, file);

    String dataFile = keys.get("elementdatafile");
    long dataBytes = (long) count * type.bytes();
    if (dataFile.equalsIgnoreCase("LOCAL")) {
      long remaining = Files.size(path) - headerBytes;
      if (compressed) {
        ReadLimits.checkCompressedClaim(file, dataBytes, remaining);
      } else {
        requireBytes(remaining, dataBytes, file, size);
      }
      float[] voxels = new float[count];
      readVoxels(headerStream, compressed, type, order, voxels, file);
      return Volume.adopt(file, geometry, voxels);
    }
    if (dataFile.equalsIgnoreCase("LIST") || dataFile.contains("%")) {
      throw BadInputException.at(file, 0, "ElementDataFile", dataFile,
          "LOCAL or one data file; file lists and patterns are not supported");
    }
    Path parent = path.toAbsolutePath().getParent();
    Path data = parent.resolve(dataFile).normalize();
    String dataName = data.toString();
    long fileSize;
    try {
      fileSize = Files.size(data);
    } catch (java.nio.file.NoSuchFileException e) {
      throw BadInputException.at(file, 0, "ElementDataFile", dataFile,
          "an existing data file beside the header");
    }
    long headerSize = keys.containsKey("headersize")
        ? (long) number(keys, "headersize", file, null)[0] : 0;
    if (headerSize == -1 && !compressed) {
      headerSize = fileSize - dataBytes;
    }
    if (headerSize < 0) {
      throw BadInputException.at(file, 0, "HeaderSize", keys.get("headersize"),
          "a non-negative header size, or -1 with uncompressed data");
    }
    if (compressed) {
      ReadLimits.checkCompressedClaim(dataName, dataBytes, fileSize - headerSize);
    } else {
      requireBytes(fileSize - headerSize, dataBytes, dataName, size);
    }
    float[] voxels = new float[count];
    try (InputStream in = new BufferedInputStream(Files.newInputStream(data), 1 << 16)) {
      in.skipNBytes(headerSize);
      readVoxels(in, compressed, type, order, voxels, dataName);
    }
    return Volume.adopt(file, geometry, voxels);
  }

  private static void readVoxels(InputStream in, boolean compressed, SampleType type,
                                 ByteOrder order, float[] voxels, String file) {
    InputStream source = compressed ? new InflaterInputStream(in) : in;
    type.read(source, order, voxels, 1.0, 0.0, file);
  }

  private static void requireBytes(long available, long needed, String file, double[] size) {
    if (available < needed) {
      throw BadInputException.at(file, 0, "", available + " bytes of voxel data", needed
          + " bytes for the " + java.util.Arrays.toString(size) + " voxels the header claims;"
          + " the file is truncated");
    }
  }

  private static VolumeGeometry geometry(int ndims, double[] size, double[] spacing,
                                         double[] offset, double[] matrix, String file) {
    double[] sp = {spacing[0], spacing[1], ndims == 3 ? spacing[2] : 1.0};
    double[] origin = {offset[0], offset[1], ndims == 3 ? offset[2] : 0.0};
    int nx = (int) size[0];
    int ny = (int) size[1];
    int nz = ndims == 3 ? (int) size[2] : 1;
    try {
      if (matrix == null) {
        return VolumeGeometry.withoutOrientation(nx, ny, nz, sp, origin);
      }
      double[][] cols = new double[3][3];
      for (int a = 0; a < ndims; a++) {
        for (int r = 0; r < ndims; r++) {
          cols[a][r] = matrix[a * ndims + r];
        }
      }
      if (ndims == 2) {
        cols[2][2] = Math.signum(cols[0][0] * cols[1][1] - cols[0][1] * cols[1][0]);
        if (cols[2][2] == 0) {
          cols[2][2] = 1;
        }
      }
      return VolumeGeometry.of(nx, ny, nz, sp, origin,
          Direction.ofColumns(cols[0], cols[1], cols[2]));
    } catch (IllegalArgumentException e) {
      throw BadInputException.at(file, 0, "", "", "a valid geometry (" + e.getMessage() + ")");
    }
  }

  private static SampleType elementType(String value, String file) {
    if (value == null) {
      throw BadInputException.at(file, 0, "ElementType", "", "an ElementType line");
    }
    return switch (value.toUpperCase(Locale.ROOT)) {
      case "MET_UCHAR" -> SampleType.UINT8;
      case "MET_CHAR" -> SampleType.INT8;
      case "MET_USHORT" -> SampleType.UINT16;
      case "MET_SHORT" -> SampleType.INT16;
      case "MET_UINT" -> SampleType.UINT32;
      case "MET_INT" -> SampleType.INT32;
      case "MET_FLOAT" -> SampleType.FLOAT32;
      case "MET_DOUBLE" -> SampleType.FLOAT64;
      default -> throw BadInputException.at(file, 0, "ElementType", value, "one of MET_UCHAR,"
          + " MET_CHAR, MET_USHORT, MET_SHORT, MET_UINT, MET_INT, MET_FLOAT, MET_DOUBLE");
    };
  }

  private static String firstKey(Map<String, String> keys, String... names) {
    for (String n : names) {
      if (keys.containsKey(n)) {
        return n;
      }
    }
    return names[0];
  }

  private static double[] number(Map<String, String> keys, String key, String file,
                                 double[] fallback) {
    String value = keys.get(key);
    if (value == null) {
      if (fallback == null && !key.equals("transformmatrix")) {
        throw BadInputException.at(file, 0, key, "", "a " + key + " line in the header");
      }
      return fallback;
    }
    String[] parts = value.trim().split("\\s+");
    double[] out = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        out[i] = Double.parseDouble(parts[i]);
      } catch (NumberFormatException e) {
        throw BadInputException.at(file, 0, key, value, "numbers separated by spaces");
      }
      if (!Double.isFinite(out[i])) {
        throw BadInputException.at(file, 0, key, value, "finite numbers");
      }
    }
    return out;
  }

  private static boolean bool(Map<String, String> keys, String key, String file) {
    String value = keys.getOrDefault(key, "False");
    if (value.equalsIgnoreCase("True") || value.equals("1")) {
      return true;
    }
    if (value.equalsIgnoreCase("False") || value.equals("0")) {
      return false;
    }
    throw BadInputException.at(file, 0, key, value, "True or False");
  }

  private static void checkLength(double[] values, int expected, String key, String file) {
    if (values.length < expected) {
      throw BadInputException.at(file, 0, key, java.util.Arrays.toString(values), expected
          + " values");
    }
  }

  private static double[] ones(int n) {
    double[] d = new double[n];
    java.util.Arrays.fill(d, 1.0);
    return d;
  }
}
