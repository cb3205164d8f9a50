package org.backstrat.imaging.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One parsed DICOM data set (or sequence item): its elements by tag, each holding the raw
 * value bytes or, for sequences, the nested items. Values are decoded on request, by the
 * caller's knowledge of the attribute (the parser also reads implicit-VR files, which carry no
 * VR). Package-private: only the DICOM reader needs it.
 */
final class DicomObject {
  /** One element: raw value bytes (empty for sequences) and nested items (empty otherwise). */
  record Element(int tag, byte[] value, List<DicomObject> items) {
  }

  private final Map<Integer, Element> elements;
  private final ByteOrder order;

  DicomObject(Map<Integer, Element> elements, ByteOrder order) {
    this.elements = Collections.unmodifiableMap(elements);
    this.order = order;
  }

  static int tag(int group, int element) {
    return group << 16 | element;
  }

  static String tagText(int tag) {
    return String.format("(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
  }

  ByteOrder order() {
    return order;
  }

  boolean has(int tag) {
    return elements.containsKey(tag);
  }

  byte[] bytes(int tag) {
    Element e = elements.get(tag);
    return e == null ? null : e.value();
  }

  /** Text value with padding (spaces, NULs) removed, or null when absent. */
  String string(int tag) {
    byte[] v = bytes(tag);
    if (v == null) {
      return null;
    }
    String s = new String(v, StandardCharsets.ISO_8859_1);
    int end = s.length();
    while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\0')) {
      end--;
    }
    return s.substring(0, end).strip();
  }

  /**
   * Decimal or integer strings (DS, IS) split at backslashes, or null when absent or empty.
   *
   * @throws NumberFormatException when a value is not a number
   */
  double[] numbers(int tag) {
    String s = string(tag);
    if (s == null || s.isEmpty()) {
      return null;
    }
    String[] parts = s.split("\\\\");
    double[] out = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = Double.parseDouble(parts[i].strip());
    }
    return out;
  }

  /** First value of an unsigned short (US) attribute, or -1 when absent. */
  int uint16(int tag) {
    byte[] v = bytes(tag);
    if (v == null || v.length < 2) {
      return -1;
    }
    return ByteBuffer.wrap(v).order(order).getShort(0) & 0xFFFF;
  }

  /** Items of a sequence attribute (empty when absent). */
  List<DicomObject> items(int tag) {
    Element e = elements.get(tag);
    return e == null ? List.of() : e.items();
  }

  /**
   * The attribute {@code tag} from this data set, or else from the first item of
   * {@code sequence} inside the first item of {@code group} (the functional-group layout of
   * enhanced multi-frame images); null when neither has it.
   */
  DicomObject holderOf(int tag, int group, int sequence) {
    if (has(tag)) {
      return this;
    }
    for (DicomObject g : items(group)) {
      for (DicomObject s : g.items(sequence)) {
        if (s.has(tag)) {
          return s;
        }
      }
      break;
    }
    return null;
  }
}
