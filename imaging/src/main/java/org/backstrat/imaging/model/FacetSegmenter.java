package org.backstrat.imaging.model;

import java.util.List;
import org.backstrat.core.BadInputException;
import org.backstrat.imaging.phantom.PhantomLabels;
import org.backstrat.imaging.volume.Plane;
import org.backstrat.imaging.volume.PlaneSampler;
import org.backstrat.imaging.volume.Volume;
import org.backstrat.imaging.volume.VolumeGeometry;

/**
 * Segments an axial T2 slice into facet joints, disc and spinal canal with a {@code
 * facet_segmentation} ONNX model, giving the label image that
 * {@link org.backstrat.imaging.facet.FacetAngles} measures when no label image came with the
 * study. The model sees the slice sampled at the card's spacing on the card's grid, centred on
 * the image centre, in the canonical axial orientation whatever the image's rows and columns are
 * (crop x towards the patient's left, crop y towards posterior, read from the direction cosines:
 * see {@link PlaneSampler.Frame#canonical}), normalised as the card says, and returns per-pixel
 * class probabilities for the card's labels {@code background, left_joint, right_joint, disc,
 * canal}. The probabilities are resampled bilinearly to the image's own grid through the same
 * frame (outside the model's grid: background), so left and right are the patient's, and each
 * image pixel gets its most probable class, written with the phantom
 * label values ({@link PhantomLabels#FACET_LEFT}, {@link PhantomLabels#FACET_RIGHT},
 * {@link PhantomLabels#AXIAL_DISC}, {@link PhantomLabels#AXIAL_CANAL}, 0 for background). On
 * the image grid the joints keep the image's resolution, so a coarse model grid costs little
 * angle accuracy.
 *
 * <p>The bundled reference model ({@link #bundled(int)}) is trained on synthetic phantoms only
 * (imaging/training/train_facets.py), whose slices have i towards the patient's left and j
 * towards posterior: it proves the pipeline, not clinical accuracy.
 */
public final class FacetSegmenter implements AutoCloseable {
  /** Card labels in the order they map to label values 0, FACET_LEFT, ..., AXIAL_CANAL. */
  public static final List<String> LABELS = List.of("background", "left_joint", "right_joint",
      "disc", "canal");
  private static final int[] LABEL_VALUE = {0, PhantomLabels.FACET_LEFT,
      PhantomLabels.FACET_RIGHT, PhantomLabels.AXIAL_DISC, PhantomLabels.AXIAL_CANAL};
  private static final String BUNDLED_CARD = "facet_segmenter_phantom.card.json";
  private static final String BUNDLED_MODEL = "facet_segmenter_phantom.onnx";

  private final OnnxModel model;
  private final PlaneSampler sampler;
  private final int size;
  private final double stepMm;
  private final int[] channelOfClass;

  private FacetSegmenter(OnnxModel model) {
    this.model = model;
    ModelCard card = model.card();
    this.size = card.inputShape().get(3).intValue();
    this.stepMm = card.spacingMm().get(0);
    this.sampler = PlaneSampler.of(size, size, stepMm);
    this.channelOfClass = new int[LABELS.size()];
    for (int c = 0; c < channelOfClass.length; c++) {
      channelOfClass[c] = card.labels().indexOf(LABELS.get(c));
    }
  }

  /**
   * A segmenter running the model a card describes: task {@code facet_segmentation}, plane
   * axial, output kind {@code segmentation}, a square input {@code [-1, 1, n, n]} and labels
   * {@link #LABELS} (in any order).
   *
   * @throws BadInputException when the card does not describe such a model or it does not load
   */
  public static FacetSegmenter load(ModelCard card, int threads) {
    checkCard(card);
    return create(OnnxModel.load(card, threads));
  }

  /** The bundled reference model (trained on phantoms; not for clinical use). */
  public static FacetSegmenter bundled(int threads) {
    return create(BundledModel.load(BUNDLED_CARD, BUNDLED_MODEL, threads));
  }

  /** True when the bundled reference model is on the classpath. */
  public static boolean bundledPresent() {
    return BundledModel.present(BUNDLED_CARD);
  }

  private static FacetSegmenter create(OnnxModel model) {
    try {
      checkCard(model.card());
    } catch (BadInputException e) {
      model.close();
      throw e;
    }
    return new FacetSegmenter(model);
  }

  private static void checkCard(ModelCard card) {
    String file = card.cardFile().toString();
    if (!card.task().equals("facet_segmentation") || card.plane() != Plane.AXIAL
        || !card.outputKind().equals("segmentation")) {
      throw BadInputException.at(file, 0, "task", card.task(), "an axial facet_segmentation"
          + " model with segmentation output");
    }
    List<Long> shape = card.inputShape();
    if (shape.size() != 4 || shape.get(1) != 1 || shape.get(2) < 1
        || !shape.get(2).equals(shape.get(3))) {
      throw BadInputException.at(file, 0, "input.shape", shape.toString(),
          "[-1, 1, n, n] for a facet segmenter");
    }
    if (card.labels().size() != LABELS.size() || !card.labels().containsAll(LABELS)) {
      throw BadInputException.at(file, 0, "output.labels", card.labels().toString(),
          "the classes " + LABELS);
    }
  }

  /** The model's card. */
  public ModelCard card() {
    return model.card();
  }

  /**
   * The label image of an axial slice, on the slice's own grid (same geometry), with the
   * {@link PhantomLabels} axial values.
   *
   * @throws BadInputException when the image is not an axial slice
   */
  public Volume segment(Volume axial) {
    axial.requirePlane(Plane.AXIAL, 30);
    VolumeGeometry g = axial.geometry();
    if (g.sizeZ() != 1) {
      throw BadInputException.at(axial.source(), 0, "", g.sizeZ() + " slices",
          "one axial slice for the facet segmenter");
    }
    double sx = g.spacingMm(0);
    double sy = g.spacingMm(1);
    double centreX = (g.sizeX() - 1) / 2.0 * sx;
    double centreY = (g.sizeY() - 1) / 2.0 * sy;
    PlaneSampler.Frame frame = PlaneSampler.Frame.canonical(g, Plane.AXIAL);
    float[] input = sampler.sample(axial, frame, centreX, centreY, 0, 0f);
    model.card().normalisation().apply(input);
    float[] prob = model.run(input, 1);
    int plane = size * size;
    if (prob.length != LABELS.size() * plane) {
      throw new IllegalStateException(model.card().modelFile() + ": expected "
          + LABELS.size() + " probability maps of " + size + "x" + size + ", got "
          + prob.length + " values");
    }
    int nx = g.sizeX();
    int ny = g.sizeY();
    float[] labels = new float[nx * ny];
    double half = (size - 1) / 2.0;
    // model-grid position of image pixel (i, j): its offset from the centre in the frame
    double xi = frame.xi();
    double xj = frame.xj();
    double yi = frame.yi();
    double yj = frame.yj();
    for (int j = 0; j < ny; j++) {
      double dj = j * sy - centreY;
      for (int i = 0; i < nx; i++) {
        double di = i * sx - centreX;
        double fx = (xi * di + xj * dj) / stepMm + half;
        double fy = (yi * di + yj * dj) / stepMm + half;
        labels[i + nx * j] = mostProbable(prob, fx, fy);
      }
    }
    return Volume.adopt(axial.source() + " [segmented]", g, labels);
  }

  /** Label value of the most probable class at model-grid point (fi, fj), bilinearly. */
  private float mostProbable(float[] prob, double fi, double fj) {
    if (!(fi >= 0 && fj >= 0 && fi <= size - 1 && fj <= size - 1)) {
      return 0;
    }
    int i0 = Math.min((int) fi, size - 2);
    int j0 = Math.min((int) fj, size - 2);
    double ti = fi - i0;
    double tj = fj - j0;
    double w00 = (1 - ti) * (1 - tj);
    double w10 = ti * (1 - tj);
    double w01 = (1 - ti) * tj;
    double w11 = ti * tj;
    int base = i0 + size * j0;
    int plane = size * size;
    int best = 0;
    double bestP = -1;
    for (int c = 0; c < channelOfClass.length; c++) {
      int o = channelOfClass[c] * plane + base;
      double p = w00 * prob[o] + w10 * prob[o + 1] + w01 * prob[o + size]
          + w11 * prob[o + size + 1];
      if (p > bestP) {
        bestP = p;
        best = c;
      }
    }
    return LABEL_VALUE[best];
  }

  @Override
  public void close() {
    model.close();
  }
}
