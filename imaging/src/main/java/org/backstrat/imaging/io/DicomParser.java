package org.backstrat.imaging.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.backstrat.core.BadInputException;

/**
 * A DICOM Part 10 file parser written for this project (PS3.5 data encoding, PS3.10 file
 * format): file meta group, then the data set in implicit VR little endian, explicit VR little
 * endian, deflated explicit VR little endian or explicit VR big endian, including nested
 * sequences of defined or undefined length. Files without the 128-byte preamble are accepted
 * when their first element is recognisably DICOM. Every length is checked against the bytes
 * left, so a truncated or corrupt file fails with a message naming the element, never with an
 * out-of-memory error or a hang. Compressed transfer syntaxes are refused naming their UID.
 */
final class DicomParser {
  static final String IMPLICIT_LE = "1.2.840.10008.1.2";
  static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
  static final String DEFLATED_LE = "1.2.840.10008.1.2.1.99";
  static final String EXPLICIT_BE = "1.2.840.10008.1.2.2";
  static final int TRANSFER_SYNTAX = DicomObject.tag(0x0002, 0x0010);
  static final int PIXEL_DATA = DicomObject.tag(0x7FE0, 0x0010);
  private static final int ITEM = DicomObject.tag(0xFFFE, 0xE000);
  private static final int ITEM_END = DicomObject.tag(0xFFFE, 0xE00D);
  private static final int SEQUENCE_END = DicomObject.tag(0xFFFE, 0xE0DD);
  private static final long UNDEFINED = 0xFFFFFFFFL;
  private static final int MAX_DEPTH = 16;
  private static final Set<String> LONG_VRS = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ",
      "SV", "UC", "UN", "UR", "UT", "UV");
  /** Sequences the reader descends into; in implicit-VR files the parser must know them. */
  private static final Set<Integer> KNOWN_SEQUENCES = Set.of(
      DicomObject.tag(0x5200, 0x9229), DicomObject.tag(0x5200, 0x9230),
      DicomObject.tag(0x0020, 0x9113), DicomObject.tag(0x0020, 0x9116),
      DicomObject.tag(0x0028, 0x9110), DicomObject.tag(0x0028, 0x9145));

  /** A parsed file: its transfer syntax and data set. */
  record Parsed(String transferSyntaxUid, DicomObject dataSet) {
  }

  private final String file;
  private final ReadLimits limits;

  DicomParser(String file, ReadLimits limits) {
    this.file = file;
    this.limits = limits;
  }

  /** Reads and parses {@code path}. */
  static Parsed parse(Path path, ReadLimits limits) {
    String file = path.toString();
    byte[] bytes;
    try {
      long size = Files.size(path);
      long max = limits.maxHeaderBytes() + 8 * limits.maxVoxels();
      if (size > max || size > Integer.MAX_VALUE - 8) {
        throw BadInputException.at(file, 0, "", size + " bytes", "a DICOM file of at most "
            + Math.min(max, Integer.MAX_VALUE - 8) + " bytes");
      }
      bytes = Files.readAllBytes(path);
    } catch (java.nio.file.NoSuchFileException e) {
      throw BadInputException.at(file, 0, "", "", "an existing DICOM file");
    } catch (IOException e) {
      throw BadInputException.at(file, 0, "", "", "a readable DICOM file (" + e + ")");
    }
    return new DicomParser(file, limits).parse(bytes);
  }

  Parsed parse(byte[] bytes) {
    ByteBuffer bb = ByteBuffer.wrap(bytes);
    int start;
    String ts;
    if (bytes.length >= 132 && bytes[128] == 'D' && bytes[129] == 'I' && bytes[130] == 'C'
        && bytes[131] == 'M') {
      bb.order(ByteOrder.LITTLE_ENDIAN);
      Map<Integer, DicomObject.Element> meta = new HashMap<>();
      int pos = 132;
      while (pos + 8 <= bytes.length && (bb.getShort(pos) & 0xFFFF) == 0x0002) {
        pos = element(bb, pos, bytes.length, true, meta, 0);
      }
      DicomObject metaObject = new DicomObject(meta, ByteOrder.LITTLE_ENDIAN);
      ts = metaObject.string(TRANSFER_SYNTAX);
      if (ts == null || ts.isEmpty()) {
        throw BadInputException.at(file, 0, "(0002,0010)", "", "a Transfer Syntax UID in the"
            + " file meta information");
      }
      start = pos;
    } else {
      ts = guessRawSyntax(bb);
      start = 0;
    }
    boolean explicit;
    ByteOrder order;
    switch (ts) {
      case IMPLICIT_LE -> {
        explicit = false;
        order = ByteOrder.LITTLE_ENDIAN;
      }
      case EXPLICIT_LE -> {
        explicit = true;
        order = ByteOrder.LITTLE_ENDIAN;
      }
      case EXPLICIT_BE -> {
        explicit = true;
        order = ByteOrder.BIG_ENDIAN;
      }
      case DEFLATED_LE -> {
        byte[] inflated = inflate(bytes, start);
        bb = ByteBuffer.wrap(inflated);
        start = 0;
        explicit = true;
        order = ByteOrder.LITTLE_ENDIAN;
      }
      default -> throw BadInputException.at(file, 0, "(0002,0010)", ts,
          "an uncompressed transfer syntax (implicit VR little endian " + IMPLICIT_LE
          + ", explicit VR little endian " + EXPLICIT_LE + ", deflated " + DEFLATED_LE
          + " or explicit VR big endian " + EXPLICIT_BE + "); transfer syntax " + ts + " ("
          + transferSyntaxName(ts) + ") is not decoded, decompress the series first (e.g."
          + " gdcmconv --raw or dcmdjpeg)");
    }
    bb.order(order);
    Map<Integer, DicomObject.Element> elements = new HashMap<>();
    int pos = start;
    int end = bb.capacity();
    while (pos < end) {
      if (end - pos < 8) {
        throw truncated(pos, "an element header");
      }
      pos = element(bb, pos, end, explicit, elements, 0);
    }
    return new Parsed(ts, new DicomObject(elements, order));
  }

  /** Parses one element at {@code pos}, stores it, returns the position after it. */
  private int element(ByteBuffer bb, int pos, int end, boolean explicit,
                      Map<Integer, DicomObject.Element> into, int depth) {
    if (end - pos < 8) {
      throw truncated(pos, "an element header");
    }
    int tag = (bb.getShort(pos) & 0xFFFF) << 16 | (bb.getShort(pos + 2) & 0xFFFF);
    String vr = null;
    long length;
    int valuePos;
    if (explicit) {
      byte c0 = bb.get(pos + 4);
      byte c1 = bb.get(pos + 5);
      if (c0 < 'A' || c0 > 'Z' || c1 < 'A' || c1 > 'Z') {
        throw BadInputException.at(file, 0, DicomObject.tagText(tag), "byte offset " + pos,
            "a two-letter value representation; the file is corrupt or not DICOM");
      }
      vr = new String(new byte[] {c0, c1}, StandardCharsets.US_ASCII);
      if (LONG_VRS.contains(vr)) {
        if (end - pos < 12) {
          throw truncated(pos, "an element header");
        }
        length = bb.getInt(pos + 8) & 0xFFFFFFFFL;
        valuePos = pos + 12;
      } else {
        length = bb.getShort(pos + 6) & 0xFFFF;
        valuePos = pos + 8;
      }
    } else {
      length = bb.getInt(pos + 4) & 0xFFFFFFFFL;
      valuePos = pos + 8;
    }
    boolean sequence = "SQ".equals(vr) || (vr == null && KNOWN_SEQUENCES.contains(tag));
    if (length == UNDEFINED) {
      if (tag == PIXEL_DATA) {
        throw BadInputException.at(file, 0, "(7FE0,0010)", "encapsulated pixel data",
            "native (uncompressed) pixel data as the transfer syntax promises; the file is"
            + " inconsistent");
      }
      // an undefined length means a sequence; UN content is implicit VR little endian
      boolean itemExplicit = explicit && !"UN".equals(vr);
      List<DicomObject> items = new ArrayList<>();
      int after = sequence(bb, valuePos, end, itemExplicit, items, depth, true);
      into.put(tag, new DicomObject.Element(tag, new byte[0], items));
      return after;
    }
    if (length > end - valuePos) {
      throw BadInputException.at(file, 0, DicomObject.tagText(tag), length + " bytes claimed",
          "at most the " + (end - valuePos) + " bytes left; the file is truncated");
    }
    int valueEnd = valuePos + (int) length;
    if (sequence) {
      List<DicomObject> items = new ArrayList<>();
      sequence(bb, valuePos, valueEnd, explicit, items, depth, false);
      into.put(tag, new DicomObject.Element(tag, new byte[0], items));
    } else {
      byte[] value = new byte[(int) length];
      bb.get(valuePos, value);
      into.put(tag, new DicomObject.Element(tag, value, List.of()));
    }
    return valueEnd;
  }

  /** Parses sequence items from {@code pos}; returns the position after the sequence. */
  private int sequence(ByteBuffer bb, int pos, int end, boolean explicit,
                       List<DicomObject> items, int depth, boolean undefinedLength) {
    if (depth >= MAX_DEPTH) {
      throw BadInputException.at(file, 0, "", "", "sequences nested at most " + MAX_DEPTH
          + " deep; the file is corrupt");
    }
    while (pos < end) {
      if (end - pos < 8) {
        throw truncated(pos, "a sequence item header");
      }
      int tag = (bb.getShort(pos) & 0xFFFF) << 16 | (bb.getShort(pos + 2) & 0xFFFF);
      long length = bb.getInt(pos + 4) & 0xFFFFFFFFL;
      pos += 8;
      if (tag == SEQUENCE_END) {
        return pos;
      }
      if (tag != ITEM) {
        throw BadInputException.at(file, 0, DicomObject.tagText(tag), "byte offset " + (pos - 8),
            "a sequence item (FFFE,E000); the file is corrupt");
      }
      Map<Integer, DicomObject.Element> elements = new HashMap<>();
      if (length == UNDEFINED) {
        while (true) {
          if (end - pos < 8) {
            throw truncated(pos, "an item delimiter");
          }
          int next = (bb.getShort(pos) & 0xFFFF) << 16 | (bb.getShort(pos + 2) & 0xFFFF);
          if (next == ITEM_END) {
            pos += 8;
            break;
          }
          pos = element(bb, pos, end, explicit, elements, depth + 1);
        }
      } else {
        if (length > end - pos) {
          throw truncated(pos, "a sequence item of " + length + " bytes");
        }
        int itemEnd = pos + (int) length;
        while (pos < itemEnd) {
          pos = element(bb, pos, itemEnd, explicit, elements, depth + 1);
        }
      }
      items.add(new DicomObject(elements, bb.order()));
    }
    if (undefinedLength) {
      throw truncated(pos, "a sequence delimiter");
    }
    return pos;
  }

  /** For files without the preamble: which encoding the first element uses. */
  private String guessRawSyntax(ByteBuffer bb) {
    if (bb.capacity() < 8) {
      throw BadInputException.at(file, 0, "", "", "a DICOM file; it is too short");
    }
    int groupLe = (bb.get(0) & 0xFF) | (bb.get(1) & 0xFF) << 8;
    int groupBe = (bb.get(1) & 0xFF) | (bb.get(0) & 0xFF) << 8;
    byte c0 = bb.get(4);
    byte c1 = bb.get(5);
    boolean explicit = c0 >= 'A' && c0 <= 'Z' && c1 >= 'A' && c1 <= 'Z';
    boolean plausibleLe = groupLe >= 0x0002 && groupLe <= 0x0028;
    boolean plausibleBe = groupBe >= 0x0002 && groupBe <= 0x0028;
    if (plausibleLe) {
      return explicit ? EXPLICIT_LE : IMPLICIT_LE;
    }
    if (plausibleBe && explicit) {
      return EXPLICIT_BE;
    }
    throw BadInputException.at(file, 0, "", "", "a DICOM file (\"DICM\" at byte 128, or a data"
        + " set starting with a group 0002-0028 element); this is not DICOM");
  }

  private byte[] inflate(byte[] bytes, int start) {
    Inflater inflater = new Inflater(true);
    try {
      inflater.setInput(bytes, start, bytes.length - start);
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      byte[] buf = new byte[1 << 16];
      long max = limits.maxHeaderBytes() + 8 * limits.maxVoxels();
      while (!inflater.finished()) {
        int n = inflater.inflate(buf);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          break;
        }
        out.write(buf, 0, n);
        if (out.size() > max) {
          throw BadInputException.at(file, 0, "", "", "a deflated data set of at most " + max
              + " bytes");
        }
      }
      return out.toByteArray();
    } catch (DataFormatException e) {
      throw BadInputException.at(file, 0, "", "", "a valid deflated data set ("
          + e.getMessage() + "); the file is corrupt");
    } finally {
      inflater.end();
    }
  }

  private BadInputException truncated(int pos, String what) {
    return BadInputException.at(file, 0, "", "byte offset " + pos, what + "; the file is"
        + " truncated or corrupt");
  }

  /** A readable name for common transfer syntaxes, for messages. */
  static String transferSyntaxName(String uid) {
    return switch (uid) {
      case "1.2.840.10008.1.2.4.50" -> "JPEG Baseline";
      case "1.2.840.10008.1.2.4.51" -> "JPEG Extended";
      case "1.2.840.10008.1.2.4.57" -> "JPEG Lossless";
      case "1.2.840.10008.1.2.4.70" -> "JPEG Lossless SV1";
      case "1.2.840.10008.1.2.4.80" -> "JPEG-LS Lossless";
      case "1.2.840.10008.1.2.4.81" -> "JPEG-LS Near-Lossless";
      case "1.2.840.10008.1.2.4.90" -> "JPEG 2000 Lossless";
      case "1.2.840.10008.1.2.4.91" -> "JPEG 2000";
      case "1.2.840.10008.1.2.4.201", "1.2.840.10008.1.2.4.202", "1.2.840.10008.1.2.4.203" ->
          "High-Throughput JPEG 2000";
      case "1.2.840.10008.1.2.5" -> "RLE Lossless";
      case "1.2.840.10008.1.2.4.100", "1.2.840.10008.1.2.4.101" -> "MPEG-2";
      case "1.2.840.10008.1.2.4.102", "1.2.840.10008.1.2.4.103" -> "MPEG-4";
      default -> "compressed or unknown";
    };
  }
}
