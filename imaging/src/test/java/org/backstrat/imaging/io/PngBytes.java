package org.backstrat.imaging.io;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** A PNG signature and IHDR chunk (8-bit grayscale) with any claimed size, and nothing else. */
public final class PngBytes {
  private PngBytes() {
  }

  /** The bytes of a PNG that claims {@code width x height} pixels and holds none. */
  public static byte[] header(int width, int height) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
    ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8)
        .put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
    byte[] type = "IHDR".getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(type);
    crc.update(ihdr.array());
    out.writeBytes(ByteBuffer.allocate(4).putInt(13).array());
    out.writeBytes(type);
    out.writeBytes(ihdr.array());
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    return out.toByteArray();
  }
}
