package org.backstrat.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;
import org.backstrat.core.BadInputException;

/**
 * The table a model was trained on, as its provenance records it: the file's name (not its
 * folder, which may name a person or a site), the SHA-256 of its bytes (so anyone can check with
 * {@code sha256sum} which file it was) and how many people it held.
 *
 * @param fileName the file's name without its folder
 * @param sha256 SHA-256 of the file's bytes, 64 lower-case hex digits
 * @param rows people (data rows) in the table
 */
public record InputTable(String fileName, String sha256, long rows) {
  private static final Pattern HEX_64 = Pattern.compile("[0-9a-f]{64}");

  public InputTable {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(sha256, "sha256");
    if (!HEX_64.matcher(sha256).matches()) {
      throw new IllegalArgumentException("sha256: 64 lower-case hex digits, not " + sha256);
    }
    if (rows < 0) {
      throw new IllegalArgumentException("rows: " + rows);
    }
  }

  /** Whether {@code text} has the form of a SHA-256 this record accepts. */
  static boolean isSha256(String text) {
    return HEX_64.matcher(text).matches();
  }

  /**
   * Describes a table file, hashing its bytes as they are on disk (streamed, so memory does not
   * depend on the file's size).
   *
   * @param file the table file
   * @param rows people it held, as read
   * @throws BadInputException when the file cannot be read
   */
  public static InputTable of(Path file, long rows) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int r = in.read(buffer); r >= 0; r = in.read(buffer)) {
        sha.update(buffer, 0, r);
      }
    } catch (NoSuchFileException e) {
      throw new BadInputException(file + ": no such file");
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot read: " + e.getMessage());
    }
    Path name = file.getFileName();
    return new InputTable(name == null ? file.toString() : name.toString(),
        HexFormat.of().formatHex(sha.digest()), rows);
  }
}
