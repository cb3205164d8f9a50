package org.backstrat.imaging.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.backstrat.core.BadInputException;
import org.backstrat.imaging.volume.Plane;

/**
 * What an ONNX model expects and where it came from (JSON, schema {@code
 * backstrat.modelcard/1}), so that the pipeline can feed it correctly and a report can say what
 * it is. Fields:
 * <pre>
 * {
 *   "schema": "backstrat.modelcard/1",
 *   "name": "pfirrmann-classifier", "version": "0.1.0",
 *   "task": "pfirrmann_grade" | "disc_localiser" | "facet_segmentation"
 *           | "lumbosacral_disc",
 *   "model_file": "pfirrmann.onnx",            (relative to the card)
 *   "sha256": "hex digest of the model file",
 *   "input": {"name": "image", "shape": [-1, 1, 64, 64], "plane": "sagittal",
 *             "spacing_mm": [0.5, 0.5],
 *             "normalisation": {"method": "percentile", "low": 1, "high": 99}},
 *   "output": {"name": "probabilities",
 *              "kind": "class_probabilities" | "segmentation" | "heatmaps",
 *              "labels": ["1", "2", "3", "4", "5"]},
 *   "intended_use": "...", "training_data": "...", "metrics": {...}, "provenance": {...}
 * }
 * </pre>
 * A shape entry of -1 is a free (batch) dimension. Unknown fields are kept out of the typed
 * view but do no harm, so cards can carry extra documentation.
 *
 * @param name model name
 * @param version model version
 * @param task what the model does (see above)
 * @param modelFile absolute path of the ONNX file
 * @param sha256 expected SHA-256 of the ONNX file, lower-case hex
 * @param inputName name of the model's input tensor
 * @param inputShape input shape, -1 for free dimensions
 * @param plane acquisition plane the crops come from
 * @param spacingMm in-plane pixel spacing of the crops (row spacing along x, then y), mm
 * @param normalisation intensity normalisation of the crops
 * @param outputName name of the output tensor to read
 * @param outputKind {@code class_probabilities}, {@code segmentation} (per-pixel class
 *     probabilities) or {@code heatmaps} (one map per label, peak = location)
 * @param labels class names, in output order
 * @param intendedUse the card's statement of intended use
 * @param cardFile the card's own file, named in errors about its fields
 */
public record ModelCard(String name, String version, String task, Path modelFile, String sha256,
                        String inputName, List<Long> inputShape, Plane plane,
                        List<Double> spacingMm, Normalisation normalisation, String outputName,
                        String outputKind, List<String> labels, String intendedUse,
                        Path cardFile) {
  /** The schema identifier a card must carry. */
  public static final String SCHEMA = "backstrat.modelcard/1";
  private static final List<String> TASKS = List.of("pfirrmann_grade", "disc_localiser",
      "facet_segmentation", "lumbosacral_disc");
  private static final List<String> OUTPUT_KINDS = List.of("class_probabilities",
      "segmentation", "heatmaps");

  public ModelCard {
    inputShape = List.copyOf(inputShape);
    spacingMm = List.copyOf(spacingMm);
    labels = List.copyOf(labels);
  }

  /**
   * Reads and validates a card; does not check the model file's checksum (see
   * {@link #verifyChecksum()}).
   *
   * @throws BadInputException naming the card and the field at fault
   */
  public static ModelCard read(Path card) {
    String file = card.toString();
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(card.toFile());
    } catch (IOException e) {
      throw BadInputException.at(file, 0, "", "", "a readable JSON model card ("
          + org.backstrat.core.io.JsonProblems.describe(e) + ")");
    }
    if (root == null || !root.isObject()) {
      throw BadInputException.at(file, 0, "", "", "a JSON object");
    }
    String schema = text(root, "schema", file);
    if (!schema.equals(SCHEMA)) {
      throw BadInputException.at(file, 0, "schema", schema, SCHEMA);
    }
    String task = text(root, "task", file);
    if (!TASKS.contains(task)) {
      throw BadInputException.at(file, 0, "task", task, "one of " + TASKS);
    }
    JsonNode input = object(root, "input", file);
    JsonNode output = object(root, "output", file);
    List<Long> shape = new ArrayList<>();
    for (JsonNode d : array(input, "shape", "input.shape", file)) {
      if (!d.canConvertToLong() || d.asLong() == 0 || d.asLong() < -1) {
        throw BadInputException.at(file, 0, "input.shape", d.toString(),
            "positive sizes or -1 for a free dimension");
      }
      shape.add(d.asLong());
    }
    List<Double> spacing = new ArrayList<>();
    for (JsonNode d : array(input, "spacing_mm", "input.spacing_mm", file)) {
      if (!d.isNumber() || !(d.asDouble() > 0)) {
        throw BadInputException.at(file, 0, "input.spacing_mm", d.toString(),
            "positive spacings in mm");
      }
      spacing.add(d.asDouble());
    }
    Plane plane;
    try {
      plane = Plane.valueOf(text(input, "plane", file).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw BadInputException.at(file, 0, "input.plane", input.get("plane").asText(),
          "sagittal, coronal or axial");
    }
    JsonNode norm = object(input, "normalisation", file);
    Normalisation normalisation;
    try {
      normalisation = new Normalisation(text(norm, "method", file),
          norm.path("low").asDouble(0), norm.path("high").asDouble(100));
    } catch (IllegalArgumentException e) {
      throw BadInputException.at(file, 0, "input.normalisation", norm.toString(),
          e.getMessage());
    }
    String kind = text(output, "kind", file);
    if (!OUTPUT_KINDS.contains(kind)) {
      throw BadInputException.at(file, 0, "output.kind", kind, "one of " + OUTPUT_KINDS);
    }
    List<String> labels = new ArrayList<>();
    for (JsonNode l : array(output, "labels", "output.labels", file)) {
      labels.add(l.asText());
    }
    String sha = text(root, "sha256", file).toLowerCase(Locale.ROOT);
    if (!sha.matches("[0-9a-f]{64}")) {
      throw BadInputException.at(file, 0, "sha256", sha, "64 hexadecimal digits");
    }
    Path model = card.toAbsolutePath().getParent().resolve(text(root, "model_file", file))
        .normalize();
    return new ModelCard(text(root, "name", file), root.path("version").asText(""), task, model,
        sha, text(input, "name", file), shape, plane, spacing, normalisation,
        text(output, "name", file), kind, labels, root.path("intended_use").asText(""),
        card.toAbsolutePath().normalize());
  }

  /**
   * Checks that the model file exists and has the card's SHA-256.
   *
   * @throws BadInputException when it is missing or differs (a swapped or damaged model)
   */
  public void verifyChecksum() {
    String actual;
    try (InputStream in = Files.newInputStream(modelFile)) {
      actual = sha256(in);
    } catch (java.nio.file.NoSuchFileException e) {
      throw BadInputException.at(modelFile.toString(), 0, "", "", "the model file the card"
          + " names");
    } catch (IOException e) {
      throw BadInputException.at(modelFile.toString(), 0, "", "", "a readable model file ("
          + e + ")");
    }
    if (!actual.equals(sha256)) {
      throw BadInputException.at(modelFile.toString(), 0, "sha256", actual, "the checksum "
          + sha256 + " its model card records (the file was changed or swapped)");
    }
  }

  /** SHA-256 of a stream, lower-case hex. */
  public static String sha256(InputStream in) throws IOException {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  private static String text(JsonNode node, String field, String file) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw BadInputException.at(file, 0, field, v == null ? "" : v.toString(),
          "a non-empty text field \"" + field + "\"");
    }
    return v.asText();
  }

  private static JsonNode object(JsonNode node, String field, String file) {
    JsonNode v = node.get(field);
    if (v == null || !v.isObject()) {
      throw BadInputException.at(file, 0, field, "", "an object field \"" + field + "\"");
    }
    return v;
  }

  private static JsonNode array(JsonNode node, String field, String path, String file) {
    JsonNode v = node.get(field);
    if (v == null || !v.isArray() || v.isEmpty()) {
      throw BadInputException.at(file, 0, path, "", "a non-empty array");
    }
    return v;
  }
}
