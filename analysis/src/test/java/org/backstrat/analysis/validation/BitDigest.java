package org.backstrat.analysis.validation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * SHA-256 over the raw bits of doubles (big-endian), and the reading of the committed fixtures
 * that hold such digests: lets a test pin a computation's results bit for bit (the fits the
 * demo's outputs were made with) without keeping a copy of the code that made them.
 */
final class BitDigest {
  private final MessageDigest md;

  BitDigest() {
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  BitDigest add(double v) {
    long b = Double.doubleToRawLongBits(v);
    for (int s = 56; s >= 0; s -= 8) {
      md.update((byte) (b >>> s));
    }
    return this;
  }

  BitDigest add(double[][] a) {
    for (double[] r : a) {
      for (double v : r) {
        add(v);
      }
    }
    return this;
  }

  String hex() {
    return HexFormat.of().formatHex(md.digest());
  }

  /** The non-comment lines of the test resource {@code path}. */
  static List<String> fixtureLines(String path) throws IOException {
    try (InputStream in = BitDigest.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IOException("missing test resource " + path);
      }
      List<String> lines = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          lines.add(line.strip());
        }
      }
      return lines;
    }
  }
}
