package org.backstrat.imaging.io;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Builds small DICOM files for tests, element by element: an implicit VR little endian data set
 * without preamble (which the parser accepts), or a Part 10 file with a preamble and a file
 * meta group naming any transfer syntax. Elements are written in the order added.
 */
public final class DicomBytes {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  /** Adds a text element (DS, IS, CS, LO, UI ...), padded to even length. */
  public DicomBytes text(int group, int element, String value) {
    String v = value.length() % 2 == 0 ? value : value + " ";
    return raw(group, element, v.getBytes(StandardCharsets.US_ASCII));
  }

  /** Adds an unsigned short (US) element. */
  public DicomBytes ushort(int group, int element, int value) {
    return raw(group, element, ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN)
        .putShort((short) value).array());
  }

  /** Adds an element with raw value bytes. */
  public DicomBytes raw(int group, int element, byte[] value) {
    ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    b.putShort((short) group).putShort((short) element).putInt(value.length);
    out.writeBytes(b.array());
    out.writeBytes(value);
    return this;
  }

  /** The implicit VR little endian data set, without preamble. */
  public byte[] dataSet() {
    return out.toByteArray();
  }

  /** A Part 10 file: preamble, "DICM", meta group with {@code transferSyntax}, data set. */
  public byte[] part10(String transferSyntax) {
    String ts = transferSyntax.length() % 2 == 0 ? transferSyntax : transferSyntax + "\0";
    ByteArrayOutputStream f = new ByteArrayOutputStream();
    f.writeBytes(new byte[128]);
    f.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
    ByteBuffer h = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    h.putShort((short) 2).putShort((short) 0x10).put((byte) 'U').put((byte) 'I')
        .putShort((short) ts.length());
    f.writeBytes(h.array());
    f.writeBytes(ts.getBytes(StandardCharsets.US_ASCII));
    f.writeBytes(dataSet());
    return f.toByteArray();
  }

  /**
   * A one-slice sagittal MR image of {@code rows x columns} 16-bit pixels (all zero) at
   * {@code spacingMm}, with the given acquisition texts and times (null: element left out).
   */
  public static DicomBytes sagittalMr(int rows, int columns, double spacingMm, String modality,
                                      String description, Double repetitionMs, Double echoMs,
                                      Double inversionMs) {
    DicomBytes d = new DicomBytes();
    if (modality != null) {
      d.text(0x0008, 0x0060, modality);
    }
    if (description != null) {
      d.text(0x0008, 0x103E, description);
    }
    if (repetitionMs != null) {
      d.text(0x0018, 0x0080, repetitionMs.toString());
    }
    if (echoMs != null) {
      d.text(0x0018, 0x0081, echoMs.toString());
    }
    if (inversionMs != null) {
      d.text(0x0018, 0x0082, inversionMs.toString());
    }
    d.text(0x0020, 0x0032, "0\\-100\\100");
    d.text(0x0020, 0x0037, "0\\1\\0\\0\\0\\-1");
    d.ushort(0x0028, 0x0002, 1);
    d.text(0x0028, 0x0004, "MONOCHROME2");
    d.ushort(0x0028, 0x0010, rows);
    d.ushort(0x0028, 0x0011, columns);
    d.text(0x0028, 0x0030, spacingMm + "\\" + spacingMm);
    d.ushort(0x0028, 0x0100, 16);
    d.ushort(0x0028, 0x0101, 16);
    d.ushort(0x0028, 0x0103, 0);
    d.raw(0x7FE0, 0x0010, new byte[2 * rows * columns]);
    return d;
  }
}
