package org.backstrat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code backstrat imaging} with a manifest CSV: exit codes and what a user sees. */
class ImagingCommandTest {
  @TempDir
  static Path shared;
  static Path phantom;

  @BeforeAll
  static void phantoms() {
    Path dir = shared.resolve("phantoms");
    assertThat(CommandLineTest.run("phantoms", "--n", "1", "--seed", "3", "--out",
        dir.toString(), "-q").exitCode()).isZero();
    phantom = dir.resolve("phantom-0001");
  }

  @TempDir
  Path tmp;

  @Test
  void manifestWithAnAxialFolderIsMeasuredLikeTheStudyFolder() throws IOException {
    Path manifest = Files.writeString(tmp.resolve("m.csv"), "id,sagittal,axial\n"
        + "p1," + phantom.resolve("sagittal_t2.mha") + "," + phantom + "\n");
    Path out = tmp.resolve("b.csv");
    CommandLineTest.Run r = CommandLineTest.run("imaging", "--models", "PHANTOM",
        "--input", manifest.toString(),
        "--out", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1)).startsWith("p1,").contains(",ok,");
  }

  @Test
  void badManifestExitsWithTwoNamingRowAndColumn() throws IOException {
    Path manifest = Files.writeString(tmp.resolve("m.csv"), "id,sagittal,axial\n"
        + "p1,a.mha,\np1,b.mha,\n");
    CommandLineTest.Run r = CommandLineTest.run("imaging", "--models", "PHANTOM",
        "--input", manifest.toString(),
        "--out", tmp.resolve("b.csv").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("m.csv").contains("row 3").contains("column id")
        .contains("unique ids");
    assertThat(tmp.resolve("b.csv")).doesNotExist();
  }

  @Test
  void missingImageFailsThatStudyOnlyAndExitsZero() throws IOException {
    Path manifest = Files.writeString(tmp.resolve("m.csv"), "id,sagittal,axial\n"
        + "gone,nowhere.mha,\nfine," + phantom.resolve("sagittal_t2.mha") + "," + phantom
        + "\n");
    Path out = tmp.resolve("b.csv");
    CommandLineTest.Run r = CommandLineTest.run("imaging", "--models", "PHANTOM",
        "--input", manifest.toString(),
        "--out", out.toString(), "-q");
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines.get(1)).startsWith("gone,").contains("failed").contains("nowhere.mha");
    assertThat(lines.get(2)).startsWith("fine,").contains(",ok,");
  }

  @Test
  void ignoreLabelImagesRunsTheDiscLocaliserInsteadOfTheLabelImage() throws IOException {
    Path input = phantom.getParent();
    Path withLabels = tmp.resolve("labels.csv");
    Path withModels = tmp.resolve("models.csv");
    assertThat(CommandLineTest.run("imaging", "--models", "PHANTOM",
        "--input", input.toString(), "--out",
        withLabels.toString(), "-q").exitCode()).isZero();
    CommandLineTest.Run r = CommandLineTest.run("imaging", "--models", "PHANTOM",
        "--input", input.toString(),
        "--out", withModels.toString(), "--ignore-label-images", "-q");
    assertThat(r.exitCode()).as(r.err()).isZero();
    int column = List.of(Files.readAllLines(withModels).get(0).split(","))
        .indexOf("disc_confidence_l4l5");
    assertThat(column).isPositive();
    assertThat(Files.readAllLines(withLabels).get(1).split(",", -1)[column]).isEmpty();
    assertThat(Double.parseDouble(Files.readAllLines(withModels).get(1).split(",", -1)[column]))
        .isBetween(0.3, 1.0);
  }

  @Test
  void aModelCardForAnotherTaskIsRefusedWithExitTwo() throws IOException {
    Path card = tmp.resolve("pfirrmann.card.json");
    try (var in = ImagingCommandTest.class.getResourceAsStream(
        "/org/backstrat/imaging/models/pfirrmann_phantom.card.json")) {
      Files.copy(in, card);
    }
    Path out = tmp.resolve("b.csv");
    CommandLineTest.Run r = CommandLineTest.run("imaging", "--models", "PHANTOM", "--input",
        phantom.getParent().toString(), "--out", out.toString(), "--disc-model",
        card.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("pfirrmann.card.json").contains("disc_localiser");
    assertThat(out).doesNotExist();
  }
}
