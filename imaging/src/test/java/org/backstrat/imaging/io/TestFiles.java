package org.backstrat.imaging.io;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.backstrat.testkit.Prerequisites;

/**
 * Locations of test images: Debian's pydicom/nibabel test files, shared data, fixtures. Missing
 * ones skip the test, or fail it under {@code BACKSTRAT_REQUIRE_DATA=1} ({@link Prerequisites}).
 */
final class TestFiles {
  static final Path PYDICOM = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");
  static final Path NIBABEL = Path.of("/usr/lib/python3/dist-packages/nibabel/tests/data");

  private TestFiles() {
  }

  /** Resolves "pydicom:", "nibabel:", "shared:" or a path relative to the reference folder. */
  static Path resolve(String name) {
    if (name.startsWith("pydicom:")) {
      return Prerequisites.packagedTestFiles(PYDICOM, "python3-pydicom")
          .resolve(name.substring(8));
    }
    if (name.startsWith("nibabel:")) {
      return Prerequisites.packagedTestFiles(NIBABEL, "python3-nibabel")
          .resolve(name.substring(8));
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
    return Prerequisites.sharedData();
  }

  static Path reference() {
    try {
      return Path.of(TestFiles.class.getResource("/reference/readers.json").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
