package org.backstrat.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import org.backstrat.core.BadInputException;
import org.backstrat.core.SoftwareVersion;
import org.backstrat.model.FrozenModel;
import org.backstrat.model.ModelJson;
import org.backstrat.server.registry.ModelIdentity;

/**
 * The frozen model a server answers with, and its identity for the registry (the SHA-256 of the
 * very bytes the model was parsed from, so the record names the file even if it is later
 * replaced).
 *
 * @param model the frozen model
 * @param identity hash, schema, creation time and serving software version
 */
public record ServedModel(FrozenModel model, ModelIdentity identity) {
  public ServedModel {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(identity, "identity");
  }

  /**
   * Reads and checks a model.json.
   *
   * @throws BadInputException when the file is absent, unreadable or not a valid model
   */
  public static ServedModel load(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new BadInputException(file + ": no such model file");
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot read the model: " + e.getMessage());
    }
    FrozenModel model = ModelJson.read(bytes, file.toString());
    String sha;
    try {
      sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
    return new ServedModel(model, new ModelIdentity(sha, FrozenModel.SCHEMA,
        model.provenance().createdAt(), SoftwareVersion.get()));
  }
}
