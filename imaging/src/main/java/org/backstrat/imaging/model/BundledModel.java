package org.backstrat.imaging.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The reference models shipped inside the jar (classpath folder {@link #FOLDER}, each an ONNX
 * file with its model card): ONNX Runtime loads from a file, so a model is unpacked to a
 * temporary folder, loaded through its card (checksum and shape checks included) and the
 * temporary files are removed at once.
 */
final class BundledModel {
  /** Classpath folder of the bundled reference models and their cards. */
  static final String FOLDER = "/org/backstrat/imaging/models/";

  private BundledModel() {
  }

  /** True when the card {@code cardName} is on the classpath. */
  static boolean present(String cardName) {
    return BundledModel.class.getResource(FOLDER + cardName) != null;
  }

  /**
   * Loads the bundled model whose card is {@code cardName} and file {@code modelName}.
   *
   * @throws IllegalStateException when a resource is missing (a broken build)
   */
  static OnnxModel load(String cardName, String modelName, int threads) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("backstrat-model");
      for (String name : new String[] {cardName, modelName}) {
        try (InputStream in = BundledModel.class.getResourceAsStream(FOLDER + name)) {
          if (in == null) {
            throw new IllegalStateException("bundled model resource missing: " + name);
          }
          Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
      }
      return OnnxModel.load(ModelCard.read(dir.resolve(cardName)), threads);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack the bundled model " + modelName, e);
    } finally {
      if (dir != null) {
        try {
          Files.deleteIfExists(dir.resolve(cardName));
          Files.deleteIfExists(dir.resolve(modelName));
          Files.deleteIfExists(dir);
        } catch (IOException ignored) {
          // a leftover temporary file is harmless
        }
      }
    }
  }
}
