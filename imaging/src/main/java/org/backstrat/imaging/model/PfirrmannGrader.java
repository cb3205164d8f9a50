package org.backstrat.imaging.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.backstrat.core.BadInputException;
import org.backstrat.core.cohort.CohortSchema;
import org.backstrat.imaging.facet.FacetAngles;
import org.backstrat.imaging.volume.Plane;
import org.backstrat.imaging.volume.PlaneSampler;
import org.backstrat.imaging.volume.Volume;

/**
 * Grades the five lumbar discs of a sagittal T2 image (Pfirrmann 1–5) with a
 * {@code pfirrmann_grade} ONNX model, given where the discs are: a label image marking each disc
 * (labels {@code firstDiscLabel} .. {@code firstDiscLabel + 4}, L1/2 to L5/S1, as the phantoms
 * write) or a {@link DiscLocaliser}'s output. Each disc is cropped as the model card says —
 * centred on the disc's centroid, turned so its long axis (the principal axis of its pixels) is
 * horizontal, at the card's size and spacing — normalised, and classified; the grade is the
 * most probable class and its probability the confidence. Crops are taken in the canonical
 * sagittal frame ({@link PlaneSampler.Frame#canonical}: x posterior, y inferior) read from the
 * direction cosines, the long axis pointing posterior, so an image mirrored or transposed with
 * its header changed to match gets the same crops.
 *
 * <p>Two reference models are bundled: {@link #real(int)}, trained on discs of 414 real
 * mid-sagittal T2 slices (imaging/training/train_real.py; grades of L3/4..L5/S1 only, so its
 * grades of L1/2 and L2/3 are extrapolation), the default of {@code backstrat imaging}; and
 * {@link #phantom(int)}, trained on synthetic phantoms only (imaging/training/
 * train_pfirrmann.py). Neither is for clinical use.
 */
public final class PfirrmannGrader implements AutoCloseable {
  /** Classpath folder of the bundled reference model and its card. */
  public static final String BUNDLED = BundledModel.FOLDER;
  private static final String PHANTOM_CARD = "pfirrmann_phantom.card.json";
  private static final String PHANTOM_MODEL = "pfirrmann_phantom.onnx";
  private static final String REAL_CARD = "pfirrmann_real.card.json";
  private static final String REAL_MODEL = "pfirrmann_real.onnx";

  private final OnnxModel model;
  private final PlaneSampler sampler;

  private PfirrmannGrader(OnnxModel model) {
    this.model = model;
    ModelCard card = model.card();
    List<Long> shape = card.inputShape();
    if (shape.size() != 4 || shape.get(1) != 1 || shape.get(2) < 1 || shape.get(3) < 1) {
      model.close();
      throw BadInputException.at(card.cardFile().toString(), 0, "input.shape",
          shape.toString(), "[-1, 1, height, width] for a Pfirrmann model");
    }
    this.sampler = PlaneSampler.of(shape.get(3).intValue(), shape.get(2).intValue(),
        card.spacingMm().get(0));
  }

  /**
   * A grader running the model a card describes.
   *
   * @throws BadInputException when the card is not a sagittal {@code pfirrmann_grade} model with
   *     five labels, or the model does not load
   */
  public static PfirrmannGrader load(ModelCard card, int threads) {
    String file = card.cardFile().toString();
    if (!card.task().equals("pfirrmann_grade") || card.plane() != Plane.SAGITTAL
        || card.labels().size() != 5) {
      throw BadInputException.at(file, 0, "task", card.task(), "a sagittal pfirrmann_grade"
          + " model with 5 labels");
    }
    return new PfirrmannGrader(OnnxModel.load(card, threads));
  }

  /** The bundled phantom-trained reference model (for phantoms; not for clinical use). */
  public static PfirrmannGrader phantom(int threads) {
    return new PfirrmannGrader(BundledModel.load(PHANTOM_CARD, PHANTOM_MODEL, threads));
  }

  /** True when the bundled phantom-trained model is on the classpath. */
  public static boolean phantomPresent() {
    return BundledModel.present(PHANTOM_CARD);
  }

  /**
   * The bundled model trained on real mid-sagittal T2 slices (research use; not for clinical
   * use; its card gives the data, metrics and failure modes).
   */
  public static PfirrmannGrader real(int threads) {
    return new PfirrmannGrader(BundledModel.load(REAL_CARD, REAL_MODEL, threads));
  }

  /** True when the bundled real-data model is on the classpath. */
  public static boolean realPresent() {
    return BundledModel.present(REAL_CARD);
  }

  /** The model's card. */
  public ModelCard card() {
    return model.card();
  }

  /**
   * Grades per disc level, cranial to caudal; a disc missing from the labels gets grade 0 and
   * NaN confidence, with a warning.
   *
   * @param grades Pfirrmann grade per level (0 = not graded)
   * @param confidence probability of the chosen grade per level
   * @param probabilities per level, the probabilities of grades 1..5
   * @param warnings why a level was not graded
   */
  public record Grades(int[] grades, double[] confidence, double[][] probabilities,
                       List<String> warnings) {
    public Grades {
      grades = grades.clone();
      confidence = confidence.clone();
      probabilities = Arrays.stream(probabilities).map(double[]::clone)
          .toArray(double[][]::new);
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * Grades the discs of {@code sagittal} located by {@code labels} (same grid): each disc's
   * centroid and the principal axis of its pixels place its crop.
   *
   * @throws BadInputException when the image is not sagittal or the grids differ
   */
  public Grades grade(Volume sagittal, Volume labels, int firstDiscLabel) {
    sagittal.requirePlane(Plane.SAGITTAL, 30);
    if (!labels.geometry().equals(sagittal.geometry())) {
      throw BadInputException.at(labels.source(), 0, "", "", "a label image on the same grid"
          + " as " + sagittal.source());
    }
    PlaneSampler.Frame frame = PlaneSampler.Frame.canonical(sagittal.geometry(), Plane.SAGITTAL);
    int levels = CohortSchema.DISC_LEVELS.size();
    double[][] centres = new double[levels][];
    double[] angles = new double[levels];
    List<String> warnings = new ArrayList<>();
    for (int d = 0; d < levels; d++) {
      FacetAngles.Joint disc = FacetAngles.joint(labels, firstDiscLabel + d);
      if (disc == null) {
        warnings.add("disc " + CohortSchema.DISC_LEVELS.get(d) + " not found in the labels");
        continue;
      }
      centres[d] = disc.centroidMm();
      double[] axis = frame.toCanonical(disc.axis()[0], disc.axis()[1]);
      if (axis[0] < 0 || (axis[0] == 0 && axis[1] < 0)) {
        // an axis has no sense: take the one pointing posterior, as on a canonical image
        axis[0] = -axis[0];
        axis[1] = -axis[1];
      }
      angles[d] = Math.toDegrees(Math.atan2(axis[1], axis[0]));
    }
    return grade(sagittal, frame, centres, angles, warnings);
  }

  /**
   * Grades the discs a {@link DiscLocaliser} found in {@code sagittal} (the image it located
   * them in): each crop is centred on the located centre and turned by the disc's estimated
   * axis, like the label-image crops; a disc not found is not graded.
   *
   * @throws BadInputException when the image is not sagittal
   */
  public Grades grade(Volume sagittal, DiscLocaliser.Located discs) {
    sagittal.requirePlane(Plane.SAGITTAL, 30);
    int levels = CohortSchema.DISC_LEVELS.size();
    double[][] centres = new double[levels][];
    double[] angles = new double[levels];
    for (int d = 0; d < levels; d++) {
      DiscLocaliser.Disc disc = discs.discs().get(d);
      if (disc.found()) {
        centres[d] = new double[] {disc.xMm(), disc.yMm()};
        angles[d] = disc.axisDegrees();
      }
    }
    return grade(sagittal, PlaneSampler.Frame.canonical(sagittal.geometry(), Plane.SAGITTAL),
        centres, angles, new ArrayList<>());
  }

  /**
   * Grades the discs whose crop centres (slice frame, mm) are not null, each crop turned by its
   * angle in {@code frame}; warnings collects what is missing.
   */
  private Grades grade(Volume sagittal, PlaneSampler.Frame frame, double[][] centres,
                       double[] angles, List<String> warnings) {
    int levels = centres.length;
    int item = model.itemSize();
    float[] batch = new float[levels * item];
    Normalisation norm = model.card().normalisation();
    for (int d = 0; d < levels; d++) {
      if (centres[d] == null) {
        continue;
      }
      float[] crop = sampler.sample(sagittal, frame, centres[d][0], centres[d][1], angles[d],
          0f);
      norm.apply(crop);
      System.arraycopy(crop, 0, batch, d * item, item);
    }
    float[] out = model.run(batch, levels);
    int[] grades = new int[levels];
    double[] confidence = new double[levels];
    double[][] probabilities = new double[levels][5];
    for (int d = 0; d < levels; d++) {
      if (centres[d] == null) {
        confidence[d] = Double.NaN;
        Arrays.fill(probabilities[d], Double.NaN);
        continue;
      }
      int best = 0;
      for (int c = 0; c < 5; c++) {
        probabilities[d][c] = out[d * 5 + c];
        if (out[d * 5 + c] > out[d * 5 + best]) {
          best = c;
        }
      }
      grades[d] = best + 1;
      confidence[d] = out[d * 5 + best];
      if (confidence[d] < 0.5) {
        warnings.add(String.format(Locale.ROOT, "disc %s: low confidence %.2f",
            CohortSchema.DISC_LEVELS.get(d), confidence[d]));
      }
    }
    return new Grades(grades, confidence, probabilities, warnings);
  }

  @Override
  public void close() {
    model.close();
  }
}
