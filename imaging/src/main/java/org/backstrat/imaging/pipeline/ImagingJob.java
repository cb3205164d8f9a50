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
import org.backstrat.core.io.OutputTarget;
import org.backstrat.imaging.StudyInput;
import org.backstrat.imaging.StudyLayout;
import org.backstrat.imaging.facet.FacetAngles;
import org.backstrat.imaging.io.MetaImageReader;
import org.backstrat.imaging.io.PixelGeometry;
import org.backstrat.imaging.io.SeriesImage;
import org.backstrat.imaging.io.VolumeReader;
import org.backstrat.imaging.model.DiscLocaliser;
import org.backstrat.imaging.model.FacetSegmenter;
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
 * <p><b>Models.</b> Discs are found on the sagittal slice by a disc localiser CNN
 * ({@link DiscLocaliser}) and graded by a Pfirrmann classifier ({@link PfirrmannGrader}); facet
 * joints, disc and canal are segmented on each axial slice by a segmenter CNN
 * ({@link FacetSegmenter}) and measured by {@link FacetAngles}. The bundled reference models
 * are used unless a card is given ({@link Builder#pfirrmannModel},
 * {@link Builder#discLocaliserModel}, {@link Builder#facetSegmenterModel}): by default the disc
 * localiser and grader trained on real slices, or the phantom-trained ones
 * ({@link ReferenceModels}); the facet segmenter is phantom-trained. A disc the localiser does
 * not find gets a warning and an empty grade; a sagittal image in which it finds fewer than
 * {@link DiscLocaliser#MIN_LUMBAR_DISCS} lumbar discs is reported as not lumbar. For a stack of
 * slices the models see the middle one, which the messages note without changing the status
 * (errors and warnings make a study {@code partial} or {@code failed}; notes do not).
 *
 * <p><b>Sagittal-only studies.</b> A study with a sagittal image and no axial image at all (many
 * cohorts and public sets have no axial series) is graded and its facet columns left empty,
 * with a note that no axial series was given: its status is {@code ok} when the grading is.
 * A study with some axial levels but not all gets an error for each missing one.
 *
 * <p><b>Label images.</b> When a study has label images beside its images ({@code
 * sagittal_t2_labels}: discs 11..15 for L1/2..L5/S1; {@code axial_<level>_t2_labels}: 1 left
 * joint, 2 right joint, 3 disc, 4 canal; see {@link PhantomLabels}), as the phantoms provide or
 * as a manual segmentation would, they take precedence over the localiser and segmenter, unless
 * {@link Builder#labelImages labelImages(false)}. QC columns add the confidence of each
 * grade and of each located disc.
 */
public final class ImagingJob {
  /** Largest obliquity, in degrees, accepted before a series is refused. */
  public static final double MAX_OBLIQUITY_DEGREES = 30;
  /** QC column: ok, partial or failed. */
  public static final String STATUS_COLUMN = "imaging_status";
  /** QC column: semicolon-separated errors and warnings. */
  public static final String MESSAGES_COLUMN = "imaging_messages";

  /** The message of a study part that ran out of memory (the batch goes on). */
  private static final String OUT_OF_MEMORY = "the image did not fit in the Java heap; give"
      + " Java more memory with BACKSTRAT_JAVA_OPTS=-Xmx4g (or more), or resample the image";

  /** Receives progress: studies finished so far, and the total. */
  @FunctionalInterface
  public interface Progress {
    /** {@code done} of {@code total} studies are processed. */
    void update(int done, int total);
  }

  /** What was written: the file and how many studies ended ok, partial and failed. */
  public record Result(Path output, int studies, int ok, int partial, int failed) {
  }

  /**
   * Which bundled reference models grade the sagittal slice when no card is given: models
   * trained on real mid-sagittal T2 slices (the default; see imaging/training/MODELS.md) or
   * the phantom-trained ones (for phantoms and the pipeline's own tests). The facet segmenter
   * is phantom-trained in both (no real axial training data exists here).
   */
  public enum ReferenceModels {
    /** Disc localiser and Pfirrmann grader trained on real slices (the default). */
    REAL,
    /** Disc localiser and Pfirrmann grader trained on synthetic phantoms. */
    PHANTOM
  }

  private final VolumeReader reader;
  private final FacetAngles facetAngles;
  private final Path pfirrmannCard;
  private final Path discCard;
  private final Path facetCard;
  private final boolean useLabelImages;
  private final InputChecks checks;
  private final ReferenceModels referenceModels;

  private ImagingJob(Builder b) {
    this.reader = b.reader;
    this.facetAngles = b.facetAngles;
    this.pfirrmannCard = b.pfirrmannCard;
    this.discCard = b.discCard;
    this.facetCard = b.facetCard;
    this.useLabelImages = b.labelImages;
    this.checks = b.inputChecks;
    this.referenceModels = b.referenceModels;
  }

  /**
   * Default readers, input checks and facet measurement; the bundled real-data models for the
   * sagittal slice and the phantom-trained facet segmenter, when present; label images, when a
   * study has them, take precedence over the localiser and segmenter. The same as
   * {@code builder().build()}.
   */
  public static ImagingJob withDefaults() {
    return builder().build();
  }

  /** A builder starting from the defaults of {@link #withDefaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Options of an {@link ImagingJob}; every setter returns this builder, and {@link #build()}
   * validates them together (a model card is read and its task checked there, so a wrong card
   * fails before any study is read). Not thread-safe; the job it builds is immutable.
   */
  public static final class Builder {
    private VolumeReader reader = VolumeReader.withDefaults();
    private FacetAngles facetAngles = FacetAngles.withDefaults();
    private Path pfirrmannCard;
    private Path discCard;
    private Path facetCard;
    private boolean labelImages = true;
    private InputChecks inputChecks = InputChecks.withDefaults();
    private ReferenceModels referenceModels = ReferenceModels.REAL;

    private Builder() {
    }

    /** The image reader (e.g. other size limits). */
    public Builder reader(VolumeReader volumeReader) {
      this.reader = volumeReader;
      return this;
    }

    /** The input checks (sequence, plane, field of view). */
    public Builder inputChecks(InputChecks checks) {
      this.inputChecks = checks;
      return this;
    }

    /** Grade discs with the {@code pfirrmann_grade} model of this card (null: bundled). */
    public Builder pfirrmannModel(Path card) {
      this.pfirrmannCard = card;
      return this;
    }

    /** Locate discs with the {@code disc_localiser} model of this card (null: bundled). */
    public Builder discLocaliserModel(Path card) {
      this.discCard = card;
      return this;
    }

    /** Segment facet joints with the {@code facet_segmentation} model of this card. */
    public Builder facetSegmenterModel(Path card) {
      this.facetCard = card;
      return this;
    }

    /**
     * Use label images beside the images when present ({@code true}, the default: e.g. manual
     * segmentations) or ignore them and always run the localiser and segmenter ({@code
     * false}: what a study without label images gets, e.g. to evaluate the models).
     */
    public Builder labelImages(boolean use) {
      this.labelImages = use;
      return this;
    }

    /** Which bundled sagittal models run where no card is given (default REAL). */
    public Builder referenceModels(ReferenceModels models) {
      this.referenceModels = models;
      return this;
    }

    /**
     * The job.
     *
     * @throws BadInputException when a model card is unreadable or describes another task
     * @throws NullPointerException when the reader, input checks or reference models are null
     */
    public ImagingJob build() {
      java.util.Objects.requireNonNull(reader, "reader");
      java.util.Objects.requireNonNull(inputChecks, "inputChecks");
      java.util.Objects.requireNonNull(referenceModels, "referenceModels");
      checkTask(pfirrmannCard, "pfirrmann_grade");
      checkTask(discCard, "disc_localiser");
      checkTask(facetCard, "facet_segmentation");
      return new ImagingJob(this);
    }

    private static void checkTask(Path card, String task) {
      if (card == null) {
        return;
      }
      ModelCard c = ModelCard.read(card);
      if (!c.task().equals(task)) {
        throw BadInputException.at(card.toString(), 0, "task", c.task(), "a " + task
            + " model card for this option");
      }
    }
  }

  /** The models a run uses; any may be null when none is installed. */
  private record Models(PfirrmannGrader grader, DiscLocaliser localiser,
                        FacetSegmenter segmenter) implements AutoCloseable {
    @Override
    public void close() {
      // closes whichever were opened, each even when closing another failed
      try {
        if (segmenter != null) {
          segmenter.close();
        }
      } finally {
        try {
          if (localiser != null) {
            localiser.close();
          }
        } finally {
          if (grader != null) {
            grader.close();
          }
        }
      }
    }
  }

  private Models openModels() {
    PfirrmannGrader grader = null;
    DiscLocaliser localiser = null;
    try {
      boolean real = referenceModels == ReferenceModels.REAL;
      grader = pfirrmannCard != null ? PfirrmannGrader.load(ModelCard.read(pfirrmannCard), 1)
          : real ? (PfirrmannGrader.realPresent() ? PfirrmannGrader.real(1) : null)
          : PfirrmannGrader.phantomPresent() ? PfirrmannGrader.phantom(1) : null;
      localiser = discCard != null ? DiscLocaliser.load(ModelCard.read(discCard), 1)
          : real ? (DiscLocaliser.realPresent() ? DiscLocaliser.real(1) : null)
          : DiscLocaliser.phantomPresent() ? DiscLocaliser.phantom(1) : null;
      FacetSegmenter segmenter = facetCard != null
          ? FacetSegmenter.load(ModelCard.read(facetCard), 1)
          : FacetSegmenter.bundledPresent() ? FacetSegmenter.bundled(1) : null;
      return new Models(grader, localiser, segmenter);
    } catch (RuntimeException e) {
      new Models(grader, localiser, null).close();
      throw e;
    }
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
    List<Path> inputs = new ArrayList<>();
    if (!Files.isDirectory(input)) {
      inputs.add(input); // a manifest; a folder's inputs are its study folders (below), so a
      // previous output beside them, e.g. studies/biomarkers.csv, may be replaced with --force
    }
    for (Path card : new Path[] {pfirrmannCard, discCard, facetCard}) {
      if (card != null) {
        inputs.add(card);
        inputs.add(ModelCard.read(card).modelFile()); // the ONNX file the card names
      }
    }
    for (StudyInput s : studies) {
      for (Path p : s.inputPaths()) {
        inputs.add(p);
        MetaImageReader.dataFileOf(p).ifPresent(inputs::add); // an .mhd header's voxels
      }
    }
    OutputTarget target = OutputTarget.file(out, force).withInputs(inputs);
    AtomicOutput.check(target);
    int[] counts = new int[3];
    AtomicOutput.write(target, tmp -> {
      try (Models models = openModels();
           Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
           CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder()
               .setRecordSeparator('\n').get())) {
        csv.printRecord(header());
        int done = 0;
        for (StudyInput study : studies) {
          StudyResult r = measure(study, models);
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

  /**
   * The models of this job opened once, measuring one study after another: what a distributed
   * job keeps per executor instead of opening ONNX Runtime sessions per study. Not for use by
   * two threads at once; close it to free the sessions.
   */
  public final class Session implements AutoCloseable {
    private final Models models;

    private Session(Models models) {
      this.models = models;
    }

    /**
     * One study's output row, cell for cell as {@link #run} writes it (columns of
     * {@link #header()}); bad input ends up in the status and messages, never thrown.
     */
    public List<String> measureRow(StudyInput study) {
      return row(measure(study, models));
    }

    @Override
    public void close() {
      models.close();
    }
  }

  /** Opens this job's models (the bundled ones, or those of its cards) for {@link Session}. */
  public Session openSession() {
    return new Session(openModels());
  }

  /**
   * Measures one study (a folder or a manifest row) with {@code models} (any may be null: not
   * installed); never throws for bad input, which ends up in the messages. Each image is
   * checked by {@link #read} before it is used.
   */
  private StudyResult measure(StudyInput studyDir, Models models) {
    String id = studyDir.id();
    int nDisc = CohortSchema.DISC_LEVELS.size();
    int nFacet = CohortSchema.FACET_LEVELS.size();
    int[] grades = new int[nDisc];
    double[] confidence = new double[nDisc];
    Arrays.fill(confidence, Double.NaN);
    double[] discConfidence = new double[nDisc];
    Arrays.fill(discConfidence, Double.NaN);
    double[] left = new double[nFacet];
    double[] right = new double[nFacet];
    Arrays.fill(left, Double.NaN);
    Arrays.fill(right, Double.NaN);
    List<String> errors = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    try {
      Volume sagittal = read(studyDir, StudyLayout.SAGITTAL, "sagittal");
      Optional<Path> discs = labelImage(studyDir, StudyLayout.SAGITTAL);
      PfirrmannGrader.Grades g = null;
      if (models.grader() == null) {
        warnings.add("sagittal: no Pfirrmann model is installed; grades not measured");
      } else if (discs.isPresent()) {
        g = models.grader().grade(sagittal, reader.read(discs.get()), PhantomLabels.DISC_L1L2);
      } else if (models.localiser() == null) {
        warnings.add("sagittal: no disc localiser model is installed and no label image was"
            + " given; grades not measured");
      } else {
        g = gradeLocated(middleSlice(sagittal, "sagittal", notes), models, discConfidence,
            errors, warnings);
      }
      if (g != null) {
        for (int d = 0; d < nDisc; d++) {
          grades[d] = g.grades()[d];
          confidence[d] = g.confidence()[d];
        }
        for (String w : g.warnings()) {
          warnings.add("sagittal: " + w);
        }
      }
    } catch (BadInputException | IllegalStateException e) {
      errors.add("sagittal: " + e.getMessage());
    } catch (OutOfMemoryError e) {
      errors.add("sagittal: " + OUT_OF_MEMORY);
    }
    boolean axialGiven = studyDir.hasAxialImages();
    if (!axialGiven) {
      notes.add("no axial series was given; facet angles not measured");
    }
    for (int l = 0; l < nFacet && axialGiven; l++) {
      String level = CohortSchema.FACET_LEVELS.get(l);
      String part = "axial " + level + ": ";
      try {
        String stem = StudyLayout.axial(level);
        Volume axial = read(studyDir, stem, "axial " + level);
        Optional<Path> mask = labelImage(studyDir, stem);
        Volume labels;
        if (mask.isPresent()) {
          labels = reader.read(mask.get());
          if (!labels.geometry().equals(axial.geometry())) {
            errors.add(part + "the label image's grid differs from the image's");
            continue;
          }
        } else if (models.segmenter() == null) {
          warnings.add(part + "no facet segmentation model is installed and no label image"
              + " was given; angles not measured");
          continue;
        } else {
          labels = models.segmenter().segment(middleSlice(axial, "axial " + level, notes));
        }
        FacetAngles.Result r = facetAngles.measure(labels, PhantomLabels.FACET_LEFT,
            PhantomLabels.FACET_RIGHT, PhantomLabels.AXIAL_DISC, PhantomLabels.AXIAL_CANAL);
        left[l] = r.leftDegrees();
        right[l] = r.rightDegrees();
        for (String w : r.warnings()) {
          warnings.add(part + w);
        }
      } catch (BadInputException | IllegalArgumentException | IllegalStateException e) {
        errors.add(part + e.getMessage());
      } catch (OutOfMemoryError e) {
        errors.add(part + OUT_OF_MEMORY);
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
    messages.addAll(notes);
    return new StudyResult(id, grades, confidence, left, right, status, messages,
        discConfidence);
  }

  /** The label image beside {@code stem}, unless label images are switched off. */
  private Optional<Path> labelImage(StudyInput studyDir, String stem) {
    return useLabelImages ? StudyLayout.find(studyDir, stem + StudyLayout.LABELS_SUFFIX)
        : Optional.empty();
  }

  /**
   * Locates the discs with the localiser (their confidences into {@code discConfidence}) and
   * grades the ones found; null (with an error) when the field of view shows too few lumbar
   * discs to be lumbar.
   */
  private static PfirrmannGrader.Grades gradeLocated(Volume sagittal, Models models,
                                                     double[] discConfidence,
                                                     List<String> errors,
                                                     List<String> warnings) {
    DiscLocaliser.Located located = models.localiser().locate(sagittal);
    double[] c = located.confidence();
    System.arraycopy(c, 0, discConfidence, 0, c.length);
    if (!located.lumbar()) {
      int found = 0;
      for (DiscLocaliser.Disc d : located.discs()) {
        found += d.found() ? 1 : 0;
      }
      errors.add("sagittal: the field of view does not look lumbar: the disc localiser"
          + " identified " + found + " of " + located.discs().size() + " lumbar discs (at least "
          + DiscLocaliser.MIN_LUMBAR_DISCS + " needed; it names the levels by counting from the"
          + " sacrum, which must be in view); grades not measured");
      return null;
    }
    for (String w : located.warnings()) {
      warnings.add("sagittal: " + w);
    }
    return models.grader().grade(sagittal, located);
  }

  /** A 2-D image as is; of a stack, its middle slice (with a note saying so). */
  private static Volume middleSlice(Volume image, String what, List<String> notes) {
    int slices = image.geometry().sizeZ();
    if (slices == 1) {
      return image;
    }
    notes.add(what + ": the model ran on the middle slice " + (slices / 2 + 1) + " of "
        + slices);
    return image.slice(slices / 2);
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
   * Output header: id, pfirrmann_*, facet_angle_*, pfirrmann_confidence_* (the grade's
   * probability), disc_confidence_* (the disc localiser's peak, empty when discs came from a
   * label image), imaging_status, imaging_messages.
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
    for (String level : CohortSchema.DISC_LEVELS) {
      h.add("disc_confidence_" + level);
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
      row.add(confidence(r.pfirrmannConfidence(d)));
    }
    for (int d = 0; d < CohortSchema.DISC_LEVELS.size(); d++) {
      row.add(confidence(r.discConfidence(d)));
    }
    row.add(r.status());
    row.add(String.join("; ", r.messages()));
    return row;
  }

  private static String confidence(double p) {
    return Double.isNaN(p) ? "" : String.format(Locale.ROOT, "%.3f", p);
  }

  private static String angle(double degrees) {
    return Double.isNaN(degrees) ? "" : String.format(Locale.ROOT, "%.2f", degrees);
  }
}
