package org.backstrat.imaging.pipeline;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.backstrat.core.BadInputException;
import org.backstrat.core.cohort.CohortSchema;
import org.backstrat.core.io.AtomicOutput;
import org.backstrat.imaging.StudyInput;
import org.backstrat.imaging.StudyLayout;
import org.backstrat.imaging.facet.FacetAngles;
import org.backstrat.imaging.io.PixelGeometry;
import org.backstrat.imaging.io.SeriesImage;
import org.backstrat.imaging.io.VolumeReader;
import org.backstrat.imaging.model.ModelCard;
import org.backstrat.imaging.model.PfirrmannGrader;
import org.backstrat.imaging.phantom.PhantomLabels;
import org.backstrat.imaging.volume.Plane;
import org.backstrat.imaging.volume.Volume;

/**
 * The {@code backstrat imaging --input DIR --out biomarkers.csv} job (DESIGN.md, "Imaging"):
 * reads every study folder of {@code DIR} (one sub-folder per person id, in the
 * {@link StudyLayout}) or every study a manifest CSV lists ({@link StudyManifest}), refuses
 * images of the wrong plane, sequence or field of view ({@link InputChecks}), measures what it
 * can, and writes one row per
 * study with the cohort schema's {@code pfirrmann_*} and {@code facet_angle_*} columns and two
 * QC columns, {@code imaging_status} ({@code ok}, {@code partial}, {@code failed}) and
 * {@code imaging_messages}. A study that fails gets a row with the reason and empty values; the
 * batch goes on. Studies are processed one at a time and rows streamed, so memory does not grow
 * with the batch.
 *
 * <p><b>Current scope.</b> Disc positions and facet joints come from label images beside the
 * images ({@code sagittal_t2_labels}: discs 11..15 for L1/2..L5/S1; {@code
 * axial_<level>_t2_labels}: 1 left joint, 2 right joint, 3 disc, 4 canal; see
 * {@link PhantomLabels}), as the phantoms provide. Discs are graded by a Pfirrmann model (the
 * bundled phantom-trained reference model when present, or {@link #withPfirrmannModel}); the
 * disc localiser and facet segmenter CNNs are not trained yet, so studies without label images
 * get empty values with a message saying so. QC columns add the confidence of each grade.
 */
public final class ImagingJob {
  /** Largest obliquity, in degrees, accepted before a series is refused. */
  public static final double MAX_OBLIQUITY_DEGREES = 30;
  /** QC column: ok, partial or failed. */
  public static final String STATUS_COLUMN = "imaging_status";
  /** QC column: semicolon-separated errors and warnings. */
  public static final String MESSAGES_COLUMN = "imaging_messages";

  /** Receives progress: studies finished so far, and the total. */
  @FunctionalInterface
  public interface Progress {
    /** {@code done} of {@code total} studies are processed. */
    void update(int done, int total);
  }

  /** What was written: the file and how many studies ended ok, partial and failed. */
  public record Result(Path output, int studies, int ok, int partial, int failed) {
  }

  private final VolumeReader reader;
  private final FacetAngles facetAngles;
  private final Path pfirrmannCard;
  private final InputChecks checks;

  private ImagingJob(VolumeReader reader, FacetAngles facetAngles, Path pfirrmannCard,
                     InputChecks checks) {
    this.reader = reader;
    this.facetAngles = facetAngles;
    this.pfirrmannCard = pfirrmannCard;
    this.checks = checks;
  }

  /** Default readers, checks and facet measurement; the bundled Pfirrmann model when present. */
  public static ImagingJob withDefaults() {
    return new ImagingJob(VolumeReader.withDefaults(), FacetAngles.withDefaults(), null,
        InputChecks.withDefaults());
  }

  /** A copy with another reader (e.g. other size limits). */
  public ImagingJob withReader(VolumeReader volumeReader) {
    return new ImagingJob(volumeReader, facetAngles, pfirrmannCard, checks);
  }

  /** A copy grading discs with the model of this card instead of the bundled one. */
  public ImagingJob withPfirrmannModel(Path card) {
    return new ImagingJob(reader, facetAngles, card, checks);
  }

  /** A copy with other input checks. */
  public ImagingJob withInputChecks(InputChecks inputChecks) {
    return new ImagingJob(reader, facetAngles, pfirrmannCard, inputChecks);
  }

  private PfirrmannGrader openGrader() {
    if (pfirrmannCard != null) {
      return PfirrmannGrader.load(ModelCard.read(pfirrmannCard), 1);
    }
    if (PfirrmannGrader.class.getResource(PfirrmannGrader.BUNDLED
        + "pfirrmann_phantom.card.json") == null) {
      return null;
    }
    return PfirrmannGrader.bundled(1);
  }

  /**
   * Processes every study of {@code input}, a folder of study folders or a manifest CSV file
   * ({@link StudyManifest}), and writes {@code out}, one row per study in folder-name or
   * manifest order.
   *
   * @param force replace an existing {@code out}
   * @param progress receives progress, or null
   * @throws BadInputException when {@code input} is neither a folder of study folders nor a
   *     valid manifest, or {@code out} exists without {@code force}
   */
  public Result run(Path input, Path out, boolean force, Progress progress) {
    List<StudyInput> studies = studies(input);
    AtomicOutput.checkWritable(out, force);
    int[] counts = new int[3];
    AtomicOutput.writeFile(out, force, tmp -> {
      try (PfirrmannGrader grader = openGrader();
           Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
           CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder()
               .setRecordSeparator('\n').get())) {
        csv.printRecord(header());
        int done = 0;
        for (StudyInput study : studies) {
          StudyResult r = measure(study, grader);
          csv.printRecord(row(r));
          counts[r.status().equals("ok") ? 0 : r.status().equals("partial") ? 1 : 2]++;
          done++;
          if (progress != null) {
            progress.update(done, studies.size());
          }
        }
      }
    });
    return new Result(out, studies.size(), counts[0], counts[1], counts[2]);
  }

  /** Measures one study folder; see {@link #measure(StudyInput, PfirrmannGrader)}. */
  StudyResult measure(Path studyDir, PfirrmannGrader grader) {
    return measure(StudyInput.folder(studyDir), grader);
  }

  /**
   * Measures one study with {@code grader} (null: no Pfirrmann model); never throws for
   * bad input, which ends up in the messages. Each image is checked by {@link #read} before it
   * is used. ({@code studyDir} is a {@link StudyInput}: a folder or a manifest row.)
   */
  StudyResult measure(StudyInput studyDir, PfirrmannGrader grader) {
    String id = studyDir.id();
    int nDisc = CohortSchema.DISC_LEVELS.size();
    int nFacet = CohortSchema.FACET_LEVELS.size();
    int[] grades = new int[nDisc];
    double[] confidence = new double[nDisc];
    Arrays.fill(confidence, Double.NaN);
    double[] left = new double[nFacet];
    double[] right = new double[nFacet];
    Arrays.fill(left, Double.NaN);
    Arrays.fill(right, Double.NaN);
    List<String> errors = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    try {
      Volume sagittal = read(studyDir, StudyLayout.SAGITTAL, "sagittal");
      sagittal.requirePlane(Plane.SAGITTAL, MAX_OBLIQUITY_DEGREES);
      Optional<Path> discs = StudyLayout.find(studyDir, StudyLayout.SAGITTAL
          + StudyLayout.LABELS_SUFFIX);
      if (grader == null) {
        warnings.add("sagittal: no Pfirrmann model is installed; grades not measured");
      } else if (discs.isEmpty()) {
        warnings.add("sagittal: no disc localiser model is installed yet and no label image"
            + " was given; grades not measured");
      } else {
        PfirrmannGrader.Grades g = grader.grade(sagittal, reader.read(discs.get()),
            PhantomLabels.DISC_L1L2);
        for (int d = 0; d < nDisc; d++) {
          grades[d] = g.grades()[d];
          confidence[d] = g.confidence()[d];
        }
        for (String w : g.warnings()) {
          warnings.add("sagittal: " + w);
        }
      }
    } catch (BadInputException e) {
      errors.add("sagittal: " + e.getMessage());
    }
    for (int l = 0; l < nFacet; l++) {
      String level = CohortSchema.FACET_LEVELS.get(l);
      String part = "axial " + level + ": ";
      try {
        String stem = StudyLayout.axial(level);
        Volume axial = read(studyDir, stem, "axial " + level);
        axial.requirePlane(Plane.AXIAL, MAX_OBLIQUITY_DEGREES);
        Optional<Path> mask = StudyLayout.find(studyDir, stem + StudyLayout.LABELS_SUFFIX);
        if (mask.isEmpty()) {
          warnings.add(part + "no facet segmentation model is installed yet and no label image"
              + " was given; angles not measured");
          continue;
        }
        Volume labels = reader.read(mask.get());
        if (!labels.geometry().equals(axial.geometry())) {
          errors.add(part + "the label image's grid differs from the image's");
          continue;
        }
        FacetAngles.Result r = facetAngles.measure(labels, PhantomLabels.FACET_LEFT,
            PhantomLabels.FACET_RIGHT, PhantomLabels.AXIAL_DISC, PhantomLabels.AXIAL_CANAL);
        left[l] = r.leftDegrees();
        right[l] = r.rightDegrees();
        for (String w : r.warnings()) {
          warnings.add(part + w);
        }
      } catch (BadInputException | IllegalArgumentException e) {
        errors.add(part + e.getMessage());
      }
    }
    boolean anyValue = false;
    for (int l = 0; l < nFacet; l++) {
      anyValue |= !Double.isNaN(left[l]) || !Double.isNaN(right[l]);
    }
    for (int g : grades) {
      anyValue |= g > 0;
    }
    String status = errors.isEmpty() && warnings.isEmpty() ? "ok" : anyValue ? "partial"
        : "failed";
    List<String> messages = new ArrayList<>(errors);
    messages.addAll(warnings);
    return new StudyResult(id, grades, confidence, left, right, status, messages);
  }

  /**
   * Reads image {@code stem} of a study and checks it before use: present, readable, the
   * sequence its header names (T2), its plane (sagittal for {@link StudyLayout#SAGITTAL},
   * axial otherwise) and its field of view ({@link InputChecks}).
   *
   * @throws BadInputException naming the image and what is wrong with it
   */
  private Volume read(StudyInput study, String stem, String what) {
    Optional<Path> p = study.image(stem);
    if (p.isEmpty()) {
      throw BadInputException.at(study.origin(), 0, "", "", study.missing(stem, what));
    }
    Optional<PixelGeometry> declared = study.pixelGeometry(stem);
    if (declared.isEmpty() && p.get().getFileName().toString().toLowerCase(Locale.ROOT)
        .endsWith(".png")) {
      throw BadInputException.at(p.get().toString(), 0, "", "", "a declared pixel spacing and"
          + " orientation: a PNG records neither; list the study in a manifest with the"
          + " columns sagittal_spacing_mm / axial_spacing_mm and *_orientation");
    }
    SeriesImage image = reader.withPixelGeometry(declared.orElse(null)).readSeries(p.get());
    Plane plane = stem.equals(StudyLayout.SAGITTAL) ? Plane.SAGITTAL : Plane.AXIAL;
    Volume volume = image.volume();
    checks.requireT2(image.acquisition(), volume.source());
    volume.requirePlane(plane, MAX_OBLIQUITY_DEGREES);
    checks.requireLumbarFieldOfView(volume, plane);
    return volume;
  }

  private static List<StudyInput> studies(Path input) {
    if (Files.isRegularFile(input)) {
      return StudyManifest.read(input);
    }
    if (!Files.isDirectory(input)) {
      throw BadInputException.at(input.toString(), 0, "", "", "a folder with one sub-folder"
          + " per person id, or a manifest CSV file");
    }
    try (Stream<Path> s = Files.list(input)) {
      List<Path> dirs = s.filter(Files::isDirectory)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted().toList();
      if (dirs.isEmpty()) {
        throw BadInputException.at(input.toString(), 0, "", "", "at least one study folder"
            + " (one sub-folder per person id)");
      }
      return dirs.stream().map(StudyInput::folder).toList();
    } catch (IOException e) {
      throw BadInputException.at(input.toString(), 0, "", "", "a readable folder (" + e + ")");
    }
  }

  /**
   * Output header: id, pfirrmann_*, facet_angle_*, pfirrmann_confidence_*, imaging_status,
   * imaging_messages.
   */
  public static List<String> header() {
    List<String> h = new ArrayList<>();
    h.add("id");
    for (String level : CohortSchema.DISC_LEVELS) {
      h.add("pfirrmann_" + level);
    }
    for (String level : CohortSchema.FACET_LEVELS) {
      h.add("facet_angle_" + level + "_left");
      h.add("facet_angle_" + level + "_right");
    }
    for (String level : CohortSchema.DISC_LEVELS) {
      h.add("pfirrmann_confidence_" + level);
    }
    h.add(STATUS_COLUMN);
    h.add(MESSAGES_COLUMN);
    return h;
  }

  private static List<String> row(StudyResult r) {
    List<String> row = new ArrayList<>();
    row.add(r.id());
    for (int d = 0; d < CohortSchema.DISC_LEVELS.size(); d++) {
      row.add(r.pfirrmann(d) > 0 ? Integer.toString(r.pfirrmann(d)) : "");
    }
    for (int l = 0; l < CohortSchema.FACET_LEVELS.size(); l++) {
      row.add(angle(r.facetLeftDegrees(l)));
      row.add(angle(r.facetRightDegrees(l)));
    }
    for (int d = 0; d < CohortSchema.DISC_LEVELS.size(); d++) {
      double c = r.pfirrmannConfidence(d);
      row.add(Double.isNaN(c) ? "" : String.format(Locale.ROOT, "%.3f", c));
    }
    row.add(r.status());
    row.add(String.join("; ", r.messages()));
    return row;
  }

  private static String angle(double degrees) {
    return Double.isNaN(degrees) ? "" : String.format(Locale.ROOT, "%.2f", degrees);
  }
}
