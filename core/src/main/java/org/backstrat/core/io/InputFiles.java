package org.backstrat.core.io;

import java.nio.file.Files;
import java.nio.file.Path;
import org.backstrat.core.BadInputException;

/**
 * The check every input file passes before it is opened: it exists and is a regular file. A
 * device ({@code /dev/zero}), a FIFO or a socket is refused up front, because reading one may
 * never end or never stop growing.
 */
public final class InputFiles {
  private InputFiles() {
  }

  /**
   * Throws {@link BadInputException} (naming the file as given) unless {@code path} is an
   * existing regular file (symbolic links are followed).
   *
   * @param expected what the file should be, for the message (e.g. "a CSV, TSV or .xlsx file")
   */
  public static void requireRegularFile(Path path, String expected) {
    String file = path.toString();
    if (Files.isRegularFile(path)) {
      return;
    }
    if (!Files.exists(path)) {
      throw new BadInputException(file + ": no such file");
    }
    if (Files.isDirectory(path)) {
      throw new BadInputException(file + ": is a folder, expected " + expected);
    }
    throw new BadInputException(file + ": not a regular file (a device, FIFO or socket); "
        + "expected " + expected);
  }
}
