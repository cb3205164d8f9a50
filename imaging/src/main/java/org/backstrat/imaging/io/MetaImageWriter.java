package org.backstrat.imaging.io;

import org.backstrat.core.io.PlainNumber;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.backstrat.imaging.volume.Direction;
import org.backstrat.imaging.volume.Volume;
import org.backstrat.imaging.volume.VolumeGeometry;

/**
 * Writes a volume as one MetaImage {@code .mha} stream (text header, then the voxels, optionally
 * zlib-compressed), the format {@link MetaImageReader} reads. Output bytes depend only on the
 * volume and the options, so phantom files are reproducible byte for byte.
 */
public final class MetaImageWriter {
  private final SampleType type;
  private final boolean compressed;

  private MetaImageWriter(SampleType type, boolean compressed) {
    this.type = type;
    this.compressed = compressed;
  }

  /**
   * A writer storing {@code type} samples (values are rounded to the nearest integer for integer
   * types), compressed or not.
   */
  public static MetaImageWriter of(SampleType type, boolean compressed) {
    return new MetaImageWriter(type, compressed);
  }

  /**
   * Writes {@code volume} to {@code out}.
   *
   * @throws IllegalArgumentException when a voxel does not fit the sample type
   */
  public void write(Volume volume, OutputStream out) throws IOException {
    VolumeGeometry g = volume.geometry();
    // always 3-D: a 2-D image keeps its full 3-D direction (a sagittal slice's normal is L-R)
    int ndims = 3;
    StringBuilder h = new StringBuilder();
    h.append("ObjectType = Image\n");
    h.append("NDims = ").append(ndims).append('\n');
    h.append("BinaryData = True\n");
    h.append("BinaryDataByteOrderMSB = False\n");
    h.append("CompressedData = ").append(compressed ? "True" : "False").append('\n');
    Direction d = g.direction();
    h.append("TransformMatrix =");
    for (int a = 0; a < 3; a++) {
      for (int r = 0; r < 3; r++) {
        h.append(' ').append(number(d.get(r, a)));
      }
    }
    h.append('\n');
    h.append("Offset =");
    for (double v : g.originMm()) {
      h.append(' ').append(number(v));
    }
    h.append('\n');
    h.append("ElementSpacing =");
    for (double v : g.spacingMm()) {
      h.append(' ').append(number(v));
    }
    h.append('\n');
    h.append("DimSize = ").append(g.sizeX()).append(' ').append(g.sizeY()).append(' ')
        .append(g.sizeZ()).append('\n');
    h.append("ElementType = ").append(metType()).append('\n');
    h.append("ElementDataFile = LOCAL\n");
    out.write(h.toString().getBytes(StandardCharsets.US_ASCII));
    byte[] data = encode(volume);
    if (compressed) {
      Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
      try {
        ByteArrayOutputStream z = new ByteArrayOutputStream(data.length / 4 + 64);
        try (DeflaterOutputStream dos = new DeflaterOutputStream(z, deflater, 1 << 16)) {
          dos.write(data);
        }
        z.writeTo(out);
      } finally {
        deflater.end();
      }
    } else {
      out.write(data);
    }
  }

  private byte[] encode(Volume volume) {
    java.nio.FloatBuffer voxels = volume.voxels();
    int n = voxels.remaining();
    ByteBuffer bb = ByteBuffer.allocate(n * type.bytes()).order(ByteOrder.LITTLE_ENDIAN);
    for (int s = 0; s < n; s++) {
      float v = voxels.get(s);
      switch (type) {
        case UINT8 -> bb.put((byte) checked(v, 0, 255));
        case INT8 -> bb.put((byte) checked(v, -128, 127));
        case UINT16 -> bb.putShort((short) checked(v, 0, 65535));
        case INT16 -> bb.putShort((short) checked(v, -32768, 32767));
        case INT32 -> bb.putInt((int) checked(v, Integer.MIN_VALUE, Integer.MAX_VALUE));
        case UINT32 -> bb.putInt((int) checked(v, 0, 4294967295L));
        case FLOAT32 -> bb.putFloat(v);
        case FLOAT64 -> bb.putDouble(v);
        default -> throw new AssertionError(type);
      }
    }
    return bb.array();
  }

  private static long checked(float v, long min, long max) {
    long r = Math.round((double) v);
    if (!(v == v) || r < min || r > max) {
      throw new IllegalArgumentException("voxel value " + v + " outside " + min + ".." + max);
    }
    return r;
  }

  private String metType() {
    return switch (type) {
      case UINT8 -> "MET_UCHAR";
      case INT8 -> "MET_CHAR";
      case UINT16 -> "MET_USHORT";
      case INT16 -> "MET_SHORT";
      case UINT32 -> "MET_UINT";
      case INT32 -> "MET_INT";
      case FLOAT32 -> "MET_FLOAT";
      case FLOAT64 -> "MET_DOUBLE";
    };
  }

  private static String number(double v) {
    return PlainNumber.of(v);
  }
}
