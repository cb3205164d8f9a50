package org.backstrat.imaging.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.backstrat.core.BadInputException;

/**
 * Binary voxel types that image files store, with decoding to float. Decoding reads in chunks,
 * so memory is the float array plus a small buffer, whatever the file's type.
 */
public enum SampleType {
  /** Unsigned 8-bit. */
  UINT8(1),
  /** Signed 8-bit. */
  INT8(1),
  /** Unsigned 16-bit. */
  UINT16(2),
  /** Signed 16-bit. */
  INT16(2),
  /** Unsigned 32-bit. */
  UINT32(4),
  /** Signed 32-bit. */
  INT32(4),
  /** IEEE 32-bit float. */
  FLOAT32(4),
  /** IEEE 64-bit float. */
  FLOAT64(8);

  private static final int CHUNK_BYTES = 1 << 16;
  private final int bytes;

  SampleType(int bytes) {
    this.bytes = bytes;
  }

  /** Bytes per sample. */
  public int bytes() {
    return bytes;
  }

  /**
   * Reads {@code dst.length} samples from {@code in} and stores {@code raw * slope + intercept}.
   *
   * @throws BadInputException naming {@code file} when the stream ends early or is corrupt
   */
  void read(InputStream in, ByteOrder order, float[] dst, double slope, double intercept,
            String file) {
    byte[] buf = new byte[CHUNK_BYTES];
    ByteBuffer bb = ByteBuffer.wrap(buf).order(order);
    int samplesPerChunk = CHUNK_BYTES / bytes;
    int done = 0;
    boolean identity = slope == 1.0 && intercept == 0.0;
    try {
      while (done < dst.length) {
        int n = Math.min(samplesPerChunk, dst.length - done);
        int want = n * bytes;
        int got = in.readNBytes(buf, 0, want);
        if (got < want) {
          throw BadInputException.at(file, 0, "", (done + got / bytes) + " of " + dst.length
              + " voxels", "the full voxel data; the file is truncated");
        }
        decode(bb, n, dst, done);
        if (!identity) {
          for (int s = done; s < done + n; s++) {
            dst[s] = (float) (dst[s] * slope + intercept);
          }
        }
        done += n;
      }
    } catch (IOException e) {
      throw BadInputException.at(file, 0, "", "", "readable voxel data (" + e.getMessage()
          + "); the file is corrupt or truncated");
    }
  }

  /** Decodes {@code n} samples from the start of {@code bb} into {@code dst[offset..]}. */
  void decode(ByteBuffer bb, int n, float[] dst, int offset) {
    switch (this) {
      case UINT8 -> {
        for (int s = 0; s < n; s++) {
          dst[offset + s] = bb.get(s) & 0xFF;
        }
      }
      case INT8 -> {
        for (int s = 0; s < n; s++) {
          dst[offset + s] = bb.get(s);
        }
      }
      case UINT16 -> {
        for (int s = 0; s < n; s++) {
          dst[offset + s] = bb.getShort(2 * s) & 0xFFFF;
        }
      }
      case INT16 -> {
        for (int s = 0; s < n; s++) {
          dst[offset + s] = bb.getShort(2 * s);
        }
      }
      case UINT32 -> {
        for (int s = 0; s < n; s++) {
          dst[offset + s] = bb.getInt(4 * s) & 0xFFFFFFFFL;
        }
      }
      case INT32 -> {
        for (int s = 0; s < n; s++) {
          dst[offset + s] = bb.getInt(4 * s);
        }
      }
      case FLOAT32 -> {
        for (int s = 0; s < n; s++) {
          dst[offset + s] = bb.getFloat(4 * s);
        }
      }
      case FLOAT64 -> {
        for (int s = 0; s < n; s++) {
          dst[offset + s] = (float) bb.getDouble(8 * s);
        }
      }
      default -> throw new AssertionError(this);
    }
  }
}
