package org.backstrat.imaging.io;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locations of test images: Debian's pydicom/nibabel test files, shared data, fixtures. */
final class TestFiles {
  static final Path PYDICOM = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");
  static final Path NIBABEL = Path.of("/usr/lib/python3/dist-packages/nibabel/tests/data");

  private TestFiles() {
  }

  /** Resolves "pydicom:", "nibabel:", "shared:" or a path relative to the reference folder. */
  static Path resolve(String name) {
    if (name.startsWith("pydicom:")) {
      assumeTrue(Files.isDirectory(PYDICOM), "pydicom test files absent ("
          + PYDICOM + "); install them with: apt-get install -y python3-pydicom");
      return PYDICOM.resolve(name.substring(8));
    }
    if (name.startsWith("nibabel:")) {
      assumeTrue(Files.isDirectory(NIBABEL), "nibabel test files absent ("
          + NIBABEL + "); install them with: apt-get install -y python3-nibabel");
      return NIBABEL.resolve(name.substring(8));
    }
    if (name.startsWith("shared:")) {
      return shared().resolve(name.substring(7));
    }
    return reference().resolve(name);
  }

  static Path pydicom(String file) {
    return resolve("pydicom:" + file);
  }

  static Path nibabel(String file) {
    return resolve("nibabel:" + file);
  }

  static Path shared() {
    String dir = System.getProperty("backstrat.sharedData");
    assumeTrue(dir != null && Files.isDirectory(Path.of(dir)),
        "shared data folder absent (system property backstrat.sharedData = " + dir + ")");
    return Path.of(dir);
  }

  static Path reference() {
    try {
      return Path.of(TestFiles.class.getResource("/reference/readers.json").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
