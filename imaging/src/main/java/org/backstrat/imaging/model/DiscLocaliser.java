package org.backstrat.imaging.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.backstrat.core.BadInputException;
import org.backstrat.core.cohort.CohortSchema;
import org.backstrat.imaging.volume.Plane;
import org.backstrat.imaging.volume.PlaneSampler;
import org.backstrat.imaging.volume.Volume;
import org.backstrat.imaging.volume.VolumeGeometry;

/**
 * Finds the five lumbar discs (L1/2..L5/S1) on a sagittal T2 slice with a {@code
 * disc_localiser} ONNX model, so that discs can be graded without a label image. The model
 * sees the slice sampled at the card's spacing on the card's grid, centred on the image centre,
 * in the canonical sagittal orientation whatever the image's rows and columns are (crop x
 * towards posterior, crop y towards inferior, read from the direction cosines: see
 * {@link PlaneSampler.Frame#canonical}), normalised as the card says, and returns one heatmap
 * per disc level (channels
 * named by the card's labels, e.g. {@code t12l1, l1l2, ..., l5s1}; levels other than the five
 * lumbar ones are distractors the model learnt to tell apart). The levels are named by their
 * order along the spine rather than by each heatmap's own peak (a heatmap may peak on the
 * neighbouring disc): disc candidates are the strong maxima of all levels' heatmaps together,
 * and the levels are laid on them in order along the spine where their heatmaps agree best
 * (see {@link #chainPeaks}). A level's centre is its candidate, refined to a fraction of a pixel by
 * a parabola through the logarithms of the peak and its neighbours (exact for a Gaussian
 * peak), and its own heatmap's value there is the level's confidence.
 *
 * <p>A level is found when its confidence reaches {@link #withMinConfidence the threshold}
 * (0.3 by default) and it lies caudal to (inferior to) the level above it; otherwise it gets a
 * warning and is left out. A found level under {@link #LOW_CONFIDENCE} gets a warning too. The
 * disc's long axis, which the Pfirrmann crops are turned by, is taken perpendicular to the
 * spine's course: a parabola {@code x = a + b y + c y^2} in the canonical frame (x posterior, y
 * inferior) through the found disc centres (a line through two, horizontal for one). Results
 * are the same for an image mirrored or transposed with its header changed to match. A study
 * in which fewer than {@link #MIN_LUMBAR_DISCS} discs are found does not look like a lumbar
 * spine.
 *
 * <p>With a lumbosacral classifier (a {@code lumbosacral_disc} model; the real-data reference
 * localiser has one) the levels are instead counted up the spine from the lumbosacral disc, as
 * a radiologist counts from the sacrum: each candidate gets a crop of the card's size and
 * spacing centred on it, the classifier says how likely it is to be L5/S1, and the candidate
 * whose log-odds of that and of the localiser's own L5/S1 heatmap there sum highest is L5/S1;
 * L4/5 is the next candidate up the spine, and so on (see {@link #anchoredPeaks}). A level's
 * confidence is then how disc-like its candidate is (the heatmaps' maximum there), since its
 * name comes from the count.
 *
 * <p>Two reference models are bundled: {@link #real(int)}, trained on 414 real mid-sagittal T2
 * slices (imaging/training/train_real.py; patient-level cross-validation in BENCHMARKS.md), the
 * default of {@code backstrat imaging}, with its lumbosacral classifier; and
 * {@link #phantom(int)}, trained on synthetic phantoms only
 * (imaging/training/train_localiser.py), which proves the pipeline on phantoms.
 * Neither is for clinical use.
 */
public final class DiscLocaliser implements AutoCloseable {
  /** Fewest discs found for a field of view to count as lumbar. */
  public static final int MIN_LUMBAR_DISCS = 3;
  /** Confidence below which a found disc gets a warning. */
  public static final double LOW_CONFIDENCE = 0.5;
  /**
   * Disc candidates closer than this (rounded to whole heatmap pixels) to a stronger one are
   * the same disc: half the median distance between adjacent disc centres (38 mm) in the real
   * training slices' boxes.
   */
  static final double CHAIN_RADIUS_MM = 19.2;
  /**
   * Least heatmap value of a disc candidate: the default confidence threshold, fixed so that
   * {@link #withMinConfidence} changes which levels count as found, not how they are named.
   */
  static final double CANDIDATE_MIN_CONFIDENCE = 0.3;
  /** The disc above L1/2, a distractor channel that still counts in the chain when present. */
  private static final String DISTRACTOR_ABOVE = "t12l1";
  private static final String PHANTOM_CARD = "disc_localiser_phantom.card.json";
  private static final String PHANTOM_MODEL = "disc_localiser_phantom.onnx";
  private static final String REAL_CARD = "disc_localiser_real.card.json";
  private static final String REAL_MODEL = "disc_localiser_real.onnx";
  private static final String LUMBOSACRAL_CARD = "lumbosacral_real.card.json";
  private static final String LUMBOSACRAL_MODEL = "lumbosacral_real.onnx";
  /** The lumbosacral classifier's label of "this candidate is L5/S1". */
  static final String LUMBOSACRAL_LABEL = "l5s1";

  private final OnnxModel model;
  private final PlaneSampler sampler;
  private final int size;
  private final double stepMm;
  private final int[] channelOfLevel;
  private final int[] chainChannels;
  private final int channels;
  private final double minConfidence;
  /** The lumbosacral classifier, or null: levels laid on the candidates by the heatmaps. */
  private final OnnxModel lumbosacral;
  private final PlaneSampler lumbosacralSampler;
  private final int lumbosacralChannel;

  private DiscLocaliser(OnnxModel model, PlaneSampler sampler, int size, double stepMm,
                        int[] channelOfLevel, int channels, double minConfidence,
                        OnnxModel lumbosacral) {
    this.model = model;
    this.sampler = sampler;
    this.size = size;
    this.stepMm = stepMm;
    this.channelOfLevel = channelOfLevel;
    int above = model.card().labels().indexOf(DISTRACTOR_ABOVE);
    this.chainChannels = new int[channelOfLevel.length + (above >= 0 ? 1 : 0)];
    if (above >= 0) {
      chainChannels[0] = above;
    }
    System.arraycopy(channelOfLevel, 0, chainChannels, chainChannels.length
        - channelOfLevel.length, channelOfLevel.length);
    this.channels = channels;
    this.minConfidence = minConfidence;
    this.lumbosacral = lumbosacral;
    if (lumbosacral != null) {
      List<Long> shape = lumbosacral.card().inputShape();
      this.lumbosacralSampler = PlaneSampler.of(shape.get(3).intValue(),
          shape.get(2).intValue(), lumbosacral.card().spacingMm().get(0));
      this.lumbosacralChannel = lumbosacral.card().labels().indexOf(LUMBOSACRAL_LABEL);
    } else {
      this.lumbosacralSampler = null;
      this.lumbosacralChannel = -1;
    }
  }

  /**
   * A localiser running the model a card describes: task {@code disc_localiser}, plane
   * sagittal, output kind {@code heatmaps}, a square input {@code [-1, 1, n, n]} and labels
   * naming every lumbar level of {@link CohortSchema#DISC_LEVELS}.
   *
   * @throws BadInputException when the card does not describe such a model or it does not load
   */
  public static DiscLocaliser load(ModelCard card, int threads) {
    checkCard(card);
    return create(OnnxModel.load(card, threads));
  }

  /** The bundled phantom-trained reference model (for phantoms; not for clinical use). */
  public static DiscLocaliser phantom(int threads) {
    return create(BundledModel.load(PHANTOM_CARD, PHANTOM_MODEL, threads));
  }

  /** True when the bundled phantom-trained model is on the classpath. */
  public static boolean phantomPresent() {
    return BundledModel.present(PHANTOM_CARD);
  }

  /**
   * The bundled model trained on real mid-sagittal T2 slices (research use; not for clinical
   * use; its card gives the data, metrics and failure modes).
   */
  public static DiscLocaliser real(int threads) {
    return withClassifier(BundledModel.load(REAL_CARD, REAL_MODEL, threads),
        () -> BundledModel.load(LUMBOSACRAL_CARD, LUMBOSACRAL_MODEL, threads));
  }

  /**
   * A localiser running the model {@code card} describes (as {@link #load}) that counts the
   * levels up the spine from the disc the lumbosacral classifier {@code lumbosacralCard}
   * describes (task {@code lumbosacral_disc}, plane sagittal, class probabilities with a label
   * {@code l5s1}, input {@code [-1, 1, h, w]}) finds likeliest to be L5/S1.
   *
   * @throws BadInputException when a card does not describe such a model or it does not load
   */
  public static DiscLocaliser load(ModelCard card, ModelCard lumbosacralCard, int threads) {
    checkCard(card);
    checkLumbosacralCard(lumbosacralCard);
    return withClassifier(OnnxModel.load(card, threads),
        () -> OnnxModel.load(lumbosacralCard, threads));
  }

  /** The localiser with the classifier {@code lumbosacral} loads; closes it if that fails. */
  private static DiscLocaliser withClassifier(OnnxModel localiser,
                                              Supplier<OnnxModel> lumbosacral) {
    OnnxModel classifier;
    try {
      classifier = lumbosacral.get();
    } catch (RuntimeException e) {
      localiser.close();
      throw e;
    }
    return create(localiser, classifier);
  }

  /** True when the bundled real-data model is on the classpath. */
  public static boolean realPresent() {
    return BundledModel.present(REAL_CARD);
  }

  private static void checkCard(ModelCard card) {
    String file = card.cardFile().toString();
    if (!card.task().equals("disc_localiser") || card.plane() != Plane.SAGITTAL
        || !card.outputKind().equals("heatmaps")) {
      throw BadInputException.at(file, 0, "task", card.task(), "a sagittal disc_localiser"
          + " model with heatmaps output");
    }
    List<Long> shape = card.inputShape();
    if (shape.size() != 4 || shape.get(1) != 1 || shape.get(2) < 3
        || !shape.get(2).equals(shape.get(3))) {
      throw BadInputException.at(file, 0, "input.shape", shape.toString(),
          "[-1, 1, n, n] for a disc localiser");
    }
    for (String level : CohortSchema.DISC_LEVELS) {
      if (!card.labels().contains(level)) {
        throw BadInputException.at(file, 0, "output.labels", card.labels().toString(),
            "a heatmap for every lumbar disc level " + CohortSchema.DISC_LEVELS);
      }
    }
  }

  private static void checkLumbosacralCard(ModelCard card) {
    String file = card.cardFile().toString();
    if (!card.task().equals("lumbosacral_disc") || card.plane() != Plane.SAGITTAL
        || !card.outputKind().equals("class_probabilities")) {
      throw BadInputException.at(file, 0, "task", card.task(), "a sagittal lumbosacral_disc"
          + " model with class_probabilities output");
    }
    List<Long> shape = card.inputShape();
    if (shape.size() != 4 || shape.get(1) != 1 || shape.get(2) < 1 || shape.get(3) < 1) {
      throw BadInputException.at(file, 0, "input.shape", shape.toString(),
          "[-1, 1, h, w] for a lumbosacral classifier");
    }
    if (!card.labels().contains(LUMBOSACRAL_LABEL)) {
      throw BadInputException.at(file, 0, "output.labels", card.labels().toString(),
          "a label " + LUMBOSACRAL_LABEL);
    }
  }

  private static DiscLocaliser create(OnnxModel model) {
    return create(model, null);
  }

  private static DiscLocaliser create(OnnxModel model, OnnxModel lumbosacral) {
    ModelCard card = model.card();
    try {
      checkCard(card);
      if (lumbosacral != null) {
        checkLumbosacralCard(lumbosacral.card());
      }
    } catch (BadInputException e) {
      model.close();
      if (lumbosacral != null) {
        lumbosacral.close();
      }
      throw e;
    }
    int size = card.inputShape().get(3).intValue();
    double step = card.spacingMm().get(0);
    int[] channelOfLevel = new int[CohortSchema.DISC_LEVELS.size()];
    for (int d = 0; d < channelOfLevel.length; d++) {
      channelOfLevel[d] = card.labels().indexOf(CohortSchema.DISC_LEVELS.get(d));
    }
    return new DiscLocaliser(model, PlaneSampler.of(size, size, step), size, step,
        channelOfLevel, card.labels().size(), 0.3, lumbosacral);
  }

  /**
   * A copy sharing this model (and lumbosacral classifier) that counts a level as found from
   * {@code threshold} (0..1) confidence; the copy's {@link #close()} closes the shared models
   * too.
   */
  public DiscLocaliser withMinConfidence(double threshold) {
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("confidence threshold must be in 0..1: " + threshold);
    }
    return new DiscLocaliser(model, sampler, size, stepMm, channelOfLevel, channels, threshold,
        lumbosacral);
  }

  /** The model's card. */
  public ModelCard card() {
    return model.card();
  }

  /**
   * One lumbar disc level as located.
   *
   * @param level the cohort schema's level name ({@code l1l2} ...)
   * @param found whether the level was found (confidence high enough, order plausible)
   * @param xMm centre along the slice's i axis, mm ({@code i * spacing}), the frame of
   *     {@link PlaneSampler} and of label-image centroids
   * @param yMm centre along the slice's j axis, mm
   * @param positionLpsMm the centre in patient coordinates (LPS, mm)
   * @param axisDegrees the disc's long axis in the canonical sagittal frame of
   *     {@link PlaneSampler.Frame#canonical}, degrees from posterior towards inferior, the
   *     angle {@link PlaneSampler#sample(Volume, PlaneSampler.Frame, double, double, double,
   *     float)} takes (NaN when not found)
   * @param confidence the heatmap's peak value, 0..1
   */
  public record Disc(String level, boolean found, double xMm, double yMm, double[] positionLpsMm,
                     double axisDegrees, double confidence) {
    public Disc {
      positionLpsMm = positionLpsMm.clone();
    }
  }

  /**
   * The lumbar discs of one slice, cranial to caudal.
   *
   * @param discs one entry per level of {@link CohortSchema#DISC_LEVELS}
   * @param lumbar whether at least {@link #MIN_LUMBAR_DISCS} discs were found
   * @param warnings why a level was not found
   */
  public record Located(List<Disc> discs, boolean lumbar, List<String> warnings) {
    public Located {
      discs = List.copyOf(discs);
      warnings = List.copyOf(warnings);
    }

    /** Confidence per level, cranial to caudal. */
    public double[] confidence() {
      double[] c = new double[discs.size()];
      for (int d = 0; d < c.length; d++) {
        c[d] = discs.get(d).confidence();
      }
      return c;
    }
  }

  /**
   * Locates the lumbar discs of a sagittal slice.
   *
   * @throws BadInputException when the image is not a sagittal slice
   */
  public Located locate(Volume sagittal) {
    sagittal.requirePlane(Plane.SAGITTAL, 30);
    VolumeGeometry g = sagittal.geometry();
    if (g.sizeZ() != 1) {
      throw BadInputException.at(sagittal.source(), 0, "", g.sizeZ() + " slices",
          "one mid-sagittal slice for the disc localiser");
    }
    PlaneSampler.Frame frame = PlaneSampler.Frame.canonical(g, Plane.SAGITTAL);
    double centreX = (g.sizeX() - 1) / 2.0 * g.spacingMm(0);
    double centreY = (g.sizeY() - 1) / 2.0 * g.spacingMm(1);
    // the image centre in canonical coordinates (same origin as the slice frame: voxel 0)
    double[] centre = frame.toCanonical(centreX, centreY);
    float[] input = sampler.sample(sagittal, frame, centreX, centreY, 0, 0f);
    model.card().normalisation().apply(input);
    float[] heat = model.run(input, 1);
    int plane = size * size;
    if (heat.length != channels * plane) {
      throw new IllegalStateException(model.card().modelFile() + ": expected " + channels
          + " heatmaps of " + size + "x" + size + ", got " + heat.length + " values");
    }
    int levels = channelOfLevel.length;
    int radiusPx = (int) Math.round(CHAIN_RADIUS_MM / stepMm);
    double[][] chain;
    if (lumbosacral == null) {
      chain = chainPeaks(heat, chainChannels, size, CANDIDATE_MIN_CONFIDENCE, radiusPx);
    } else {
      float[] max = channelMax(heat, chainChannels, size);
      List<int[]> candidates = candidates(max, size, CANDIDATE_MIN_CONFIDENCE, radiusPx);
      double[] p = lumbosacralProbabilities(sagittal, frame, centre, candidates);
      int l5s1 = chainChannels[chainChannels.length - 1];
      chain = anchoredPeaks(max, size, candidates, chainChannels.length,
          lumbosacralAnchor(heat, l5s1 * plane, size, candidates, p));
    }
    int firstLumbar = chainChannels.length - levels;
    double[][] peak = new double[levels][];
    List<String> warnings = new ArrayList<>();
    for (int d = 0; d < levels; d++) {
      peak[d] = chain[firstLumbar + d];
      if (peak[d] == null) {
        // no disc candidate at this level's place in the chain: its own peak, not found
        double[] own = peak(heat, channelOfLevel[d] * plane);
        peak[d] = new double[] {own[0], own[1], 0};
        warnings.add("disc " + CohortSchema.DISC_LEVELS.get(d) + " not found (no disc"
            + " candidate at its place along the spine)");
      }
    }
    boolean[] found = new boolean[levels];
    double[] x = new double[levels];
    double[] y = new double[levels];
    double previousY = Double.NEGATIVE_INFINITY;
    int nFound = 0;
    for (int d = 0; d < levels; d++) {
      x[d] = centre[0] + (peak[d][0] - (size - 1) / 2.0) * stepMm;
      y[d] = centre[1] + (peak[d][1] - (size - 1) / 2.0) * stepMm;
      String level = CohortSchema.DISC_LEVELS.get(d);
      if (chain[firstLumbar + d] == null) {
        continue;
      } else if (peak[d][2] < minConfidence) {
        warnings.add(String.format(Locale.ROOT, "disc %s not found (localiser confidence %.2f"
            + " < %.2f)", level, peak[d][2], minConfidence));
      } else if (y[d] <= previousY) {
        warnings.add("disc " + level + " not found (the localiser put it above the disc"
            + " above it)");
      } else {
        found[d] = true;
        previousY = y[d];
        nFound++;
        if (peak[d][2] < LOW_CONFIDENCE) {
          warnings.add(String.format(Locale.ROOT, "disc %s located with low confidence %.2f",
              level, peak[d][2]));
        }
      }
    }
    double[] axis = axes(x, y, found);
    List<Disc> discs = new ArrayList<>();
    for (int d = 0; d < levels; d++) {
      double[] ij = frame.toSlice(x[d], y[d]);
      double[] lps = g.physicalPointMm(ij[0] / g.spacingMm(0), ij[1] / g.spacingMm(1), 0);
      discs.add(new Disc(CohortSchema.DISC_LEVELS.get(d), found[d], ij[0], ij[1], lps,
          found[d] ? axis[d] : Double.NaN, peak[d][2]));
    }
    return new Located(discs, nFound >= MIN_LUMBAR_DISCS, warnings);
  }

  /**
   * Names the disc levels by their order along the spine. Disc candidates are the maxima of
   * the chain channels' pixelwise maximum that reach {@code minConfidence}, taken greedily from
   * the strongest (ties: lower pixel index first), each more than {@code radiusPx} pixels from a
   * stronger one, sorted cranial to caudal (row, then column). The channels (cranial to caudal)
   * are laid on candidates in that order, each on at most one (a channel may stay without one,
   * a candidate unused), each assigned candidate at most as far sideways as it lies below the
   * previously assigned one (the spine leans under 45 degrees between discs), so that the
   * summed channel values are highest (ties: the first in channel, candidate order). So a
   * channel whose own peak sits on a neighbouring disc is named by its place along the spine,
   * with every other level's evidence, and a spurious maximum off the spine's course is
   * skipped. Position: the candidate refined by the log-parabola on the maximum map; value: the
   * channel's own value at the candidate.
   *
   * @param heat the model's heatmaps, channel-major, {@code size x size} each
   * @param channels the heatmap channels of the chain, cranial to caudal
   * @return per chain channel {x px, y px, value}, or null where it got no candidate
   */
  static double[][] chainPeaks(float[] heat, int[] channels, int size, double minConfidence,
                               int radiusPx) {
    int plane = size * size;
    float[] max = channelMax(heat, channels, size);
    List<int[]> candidates = candidates(max, size, minConfidence, radiusPx);
    int n = candidates.size();
    int k = channels.length;
    // best[c][q]: the highest sum with channel c on candidate q and the channels above it on
    // candidates above (or on none); back[c][q]: the previous channel's {channel, candidate}
    double[][] best = new double[k][n];
    int[][][] back = new int[k][n][];
    for (int c = 0; c < k; c++) {
      for (int q = 0; q < n; q++) {
        int[] at = candidates.get(q);
        double before = 0;
        int[] arg = null;
        for (int c2 = 0; c2 < c; c2++) {
          for (int q2 = 0; q2 < q; q2++) {
            int[] prev = candidates.get(q2);
            int down = at[1] - prev[1];
            if (down > 0 && Math.abs(at[0] - prev[0]) <= down && best[c2][q2] > before) {
              before = best[c2][q2];
              arg = new int[] {c2, q2};
            }
          }
        }
        best[c][q] = heat[channels[c] * plane + at[1] * size + at[0]] + before;
        back[c][q] = arg;
      }
    }
    double top = 0;
    int[] arg = null;
    for (int c = 0; c < k; c++) {
      for (int q = 0; q < n; q++) {
        if (best[c][q] > top) {
          top = best[c][q];
          arg = new int[] {c, q};
        }
      }
    }
    double[][] out = new double[k][];
    while (arg != null) {
      int c = arg[0];
      int[] at = candidates.get(arg[1]);
      double[] xy = refined(max, size, at[0], at[1]);
      out[c] = new double[] {xy[0], xy[1], heat[channels[c] * plane + at[1] * size + at[0]]};
      arg = back[c][arg[1]];
    }
    return out;
  }

  /** The pixelwise maximum of the heatmap channels {@code channels}. */
  static float[] channelMax(float[] heat, int[] channels, int size) {
    int plane = size * size;
    float[] max = new float[plane];
    Arrays.fill(max, Float.NEGATIVE_INFINITY);
    for (int c : channels) {
      for (int p = 0; p < plane; p++) {
        max[p] = Math.max(max[p], heat[c * plane + p]);
      }
    }
    return max;
  }

  /**
   * The disc candidates of a maximum map: its pixels reaching {@code minConfidence}, taken
   * greedily from the strongest (ties: lower pixel index first), each more than {@code
   * radiusPx} pixels from a stronger one, sorted cranial to caudal (row, then column); each
   * {column, row}.
   */
  static List<int[]> candidates(float[] max, int size, double minConfidence, int radiusPx) {
    int plane = size * size;
    List<Integer> strong = new ArrayList<>();
    for (int p = 0; p < plane; p++) {
      if (max[p] >= minConfidence) {
        strong.add(p);
      }
    }
    // stable sort: equal values keep ascending pixel order, as numpy's stable argsort
    strong.sort((a, b) -> Float.compare(max[b], max[a]));
    List<int[]> candidates = new ArrayList<>();
    for (int p : strong) {
      int i = p % size;
      int j = p / size;
      boolean free = true;
      for (int[] c : candidates) {
        int di = i - c[0];
        int dj = j - c[1];
        if (di * di + dj * dj <= radiusPx * radiusPx) {
          free = false;
          break;
        }
      }
      if (free) {
        candidates.add(new int[] {i, j});
      }
    }
    candidates.sort((a, b) -> a[1] != b[1] ? Integer.compare(a[1], b[1])
        : Integer.compare(a[0], b[0]));
    return candidates;
  }

  /** Candidate pixel (i, j) refined by the log-parabola on the maximum map: {x px, y px}. */
  private static double[] refined(float[] max, int size, int i, int j) {
    int p = j * size + i;
    double dx = i > 0 && i < size - 1 ? logParabola(max[p - 1], max[p], max[p + 1]) : 0;
    double dy = j > 0 && j < size - 1 ? logParabola(max[p - size], max[p], max[p + size]) : 0;
    return new double[] {i + dx, j + dy};
  }

  /**
   * The lumbosacral classifier's probability that each candidate is L5/S1: one crop of the
   * classifier's size and spacing per candidate, centred on the candidate's localiser-grid
   * pixel (not refined), in the canonical frame, normalised as its card says; one batch.
   */
  private double[] lumbosacralProbabilities(Volume sagittal, PlaneSampler.Frame frame,
                                            double[] centre, List<int[]> candidates) {
    int n = candidates.size();
    double[] p = new double[n];
    if (n == 0) {
      return p;
    }
    int item = lumbosacral.itemSize();
    float[] batch = new float[n * item];
    for (int q = 0; q < n; q++) {
      double x = centre[0] + (candidates.get(q)[0] - (size - 1) / 2.0) * stepMm;
      double y = centre[1] + (candidates.get(q)[1] - (size - 1) / 2.0) * stepMm;
      double[] ij = frame.toSlice(x, y);
      float[] crop = lumbosacralSampler.sample(sagittal, frame, ij[0], ij[1], 0, 0f);
      lumbosacral.card().normalisation().apply(crop);
      System.arraycopy(crop, 0, batch, q * item, item);
    }
    float[] out = lumbosacral.run(batch, n);
    int classes = lumbosacral.card().labels().size();
    if (out.length != n * classes) {
      throw new IllegalStateException(lumbosacral.card().modelFile() + ": expected " + n
          + " x " + classes + " probabilities, got " + out.length);
    }
    for (int q = 0; q < n; q++) {
      p[q] = out[q * classes + lumbosacralChannel];
    }
    return p;
  }

  /**
   * The candidate taken for L5/S1: the one whose summed log-odds of the lumbosacral
   * classifier's probability {@code p} and of the localiser's own L5/S1 heatmap (starting at
   * {@code l5s1Offset} in {@code heat}) at the candidate are highest, two views of the same
   * question (a fine crop around the candidate; the whole slice, coarse). Ties: the cranial
   * one; -1 without candidates.
   */
  static int lumbosacralAnchor(float[] heat, int l5s1Offset, int size, List<int[]> candidates,
                               double[] p) {
    double best = Double.NEGATIVE_INFINITY;
    int arg = -1;
    for (int q = 0; q < candidates.size(); q++) {
      int[] at = candidates.get(q);
      double s = logit(p[q]) + logit(heat[l5s1Offset + at[1] * size + at[0]]);
      if (s > best) {
        best = s;
        arg = q;
      }
    }
    return arg;
  }

  /** log(p / (1 - p)), p clipped to 1e-6 .. 1 - 1e-6. */
  static double logit(double p) {
    double c = Math.min(Math.max(p, 1e-6), 1 - 1e-6);
    return Math.log(c / (1 - c));
  }

  /**
   * Names the levels by counting up the spine from the lumbosacral disc: the caudal channel of
   * the {@code channels} chain channels goes on candidate {@code anchor}, each channel above on
   * the next candidate of {@link #walkUp}. Position: the candidate refined by the log-parabola
   * on the maximum map; value: the maximum map's there (how disc-like the candidate is; the
   * name comes from the count, not from a channel).
   *
   * @return per chain channel {x px, y px, value}, or null where the walk ran out of candidates
   *     (or {@code anchor} is -1)
   */
  static double[][] anchoredPeaks(float[] max, int size, List<int[]> candidates, int channels,
                                  int anchor) {
    double[][] out = new double[channels][];
    if (anchor < 0) {
      return out;
    }
    int[] walk = walkUp(candidates, anchor, channels);
    for (int r = 0; r < walk.length; r++) {
      int[] at = candidates.get(walk[r]);
      double[] xy = refined(max, size, at[0], at[1]);
      out[channels - 1 - r] = new double[] {xy[0], xy[1], max[at[1] * size + at[0]]};
    }
    return out;
  }

  /**
   * Candidate indices from {@code anchor} up the spine, at most {@code steps} of them: each the
   * lowest candidate above the previous one that lies at most as far sideways as it lies above
   * it (the spine leans under 45 degrees between discs; a maximum off its course is passed
   * over).
   */
  static int[] walkUp(List<int[]> candidates, int anchor, int steps) {
    int[] seq = new int[steps];
    int n = 0;
    seq[n++] = anchor;
    while (n < steps) {
      int[] from = candidates.get(seq[n - 1]);
      int next = -1;
      for (int q = seq[n - 1] - 1; q >= 0; q--) {
        int[] at = candidates.get(q);
        int up = from[1] - at[1];
        if (up > 0 && Math.abs(from[0] - at[0]) <= up) {
          next = q;
          break;
        }
      }
      if (next < 0) {
        break;
      }
      seq[n++] = next;
    }
    return Arrays.copyOf(seq, n);
  }

  /** Peak (x px, y px, value) of the heatmap starting at {@code offset}. */
  private double[] peak(float[] heat, int offset) {
    int best = offset;
    int end = offset + size * size;
    for (int p = offset; p < end; p++) {
      if (heat[p] > heat[best]) {
        best = p;
      }
    }
    int i = (best - offset) % size;
    int j = (best - offset) / size;
    double dx = 0;
    double dy = 0;
    if (i > 0 && i < size - 1) {
      dx = logParabola(heat[best - 1], heat[best], heat[best + 1]);
    }
    if (j > 0 && j < size - 1) {
      dy = logParabola(heat[best - size], heat[best], heat[best + size]);
    }
    return new double[] {i + dx, j + dy, heat[best]};
  }

  /** Offset (-0.5..0.5) of the vertex of the parabola through the logs of three samples. */
  static double logParabola(double before, double at, double after) {
    double lo = Math.log(Math.max(before, 1e-6));
    double mid = Math.log(Math.max(at, 1e-6));
    double hi = Math.log(Math.max(after, 1e-6));
    double den = lo - 2 * mid + hi;
    if (!(den < 0)) {
      return 0;
    }
    return Math.max(-0.5, Math.min(0.5, 0.5 * (lo - hi) / den));
  }

  /**
   * Long-axis angle (degrees from the x axis towards y) of each found disc, perpendicular to a
   * least-squares polynomial {@code x(y)} through the found centres: degree 2 for three or more
   * discs, 1 for two, 0 (a horizontal disc) for one.
   */
  static double[] axes(double[] x, double[] y, boolean[] found) {
    int n = 0;
    double meanY = 0;
    for (int d = 0; d < x.length; d++) {
      if (found[d]) {
        n++;
        meanY += y[d];
      }
    }
    double[] out = new double[x.length];
    Arrays.fill(out, Double.NaN);
    if (n == 0) {
      return out;
    }
    meanY /= n;
    int degree = Math.min(2, n - 1);
    double[] coef = fit(x, y, found, meanY, degree);
    for (int d = 0; d < x.length; d++) {
      if (found[d]) {
        double t = y[d] - meanY;
        double slope = degree >= 1 ? coef[1] + (degree == 2 ? 2 * coef[2] * t : 0) : 0;
        // the spine runs along (slope, 1) in (x, y); the disc's long axis is (1, -slope)
        out[d] = Math.toDegrees(Math.atan(-slope));
      }
    }
    return out;
  }

  /** Least squares x = c0 + c1 t + c2 t^2, t = y - meanY, over the found points. */
  private static double[] fit(double[] x, double[] y, boolean[] found, double meanY,
                              int degree) {
    int k = degree + 1;
    double[][] a = new double[k][k + 1];
    for (int d = 0; d < x.length; d++) {
      if (!found[d]) {
        continue;
      }
      double t = y[d] - meanY;
      double[] basis = {1, t, t * t};
      for (int r = 0; r < k; r++) {
        for (int c = 0; c < k; c++) {
          a[r][c] += basis[r] * basis[c];
        }
        a[r][k] += basis[r] * x[d];
      }
    }
    // Gaussian elimination with partial pivoting on the (at most 3 x 3) normal equations
    for (int col = 0; col < k; col++) {
      int pivot = col;
      for (int r = col + 1; r < k; r++) {
        if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
          pivot = r;
        }
      }
      double[] swap = a[col];
      a[col] = a[pivot];
      a[pivot] = swap;
      if (Math.abs(a[col][col]) < 1e-12) {
        return new double[] {0, 0, 0};
      }
      for (int r = 0; r < k; r++) {
        if (r != col) {
          double f = a[r][col] / a[col][col];
          for (int c = col; c <= k; c++) {
            a[r][c] -= f * a[col][c];
          }
        }
      }
    }
    double[] coef = new double[3];
    for (int r = 0; r < k; r++) {
      coef[r] = a[r][k] / a[r][r];
    }
    return coef;
  }

  @Override
  public void close() {
    try {
      model.close();
    } finally {
      if (lumbosacral != null) {
        lumbosacral.close();
      }
    }
  }
}
