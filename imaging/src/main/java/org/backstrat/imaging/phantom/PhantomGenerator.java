package org.backstrat.imaging.phantom;

import java.util.ArrayList;
import java.util.List;
import org.backstrat.core.cohort.CohortSchema;
import org.backstrat.imaging.volume.Direction;
import org.backstrat.imaging.volume.Volume;
import org.backstrat.imaging.volume.VolumeGeometry;

/**
 * Generates one synthetic lumbar MRI study with ground truth: a mid-sagittal T2 slice (T12 to
 * S1, five lumbar discs drawn by Pfirrmann grade, CSF, posterior elements) and axial T2 slices
 * through the L3/4, L4/5 and L5/S1 discs with the facet joints at given angles; each image comes
 * with a label image ({@link PhantomLabels}). Anatomy varies per study: field of view, body
 * size, lordosis, position, patient rotation in the axial plane, intensities, noise level and
 * bias field. Everything is drawn from one seed with {@link StrictMath}, so a seed gives the
 * same images, bit for bit, everywhere.
 *
 * <p>Disc appearance follows the Pfirrmann et al. (Spine 2001) criteria: grade 1 homogeneous
 * bright nucleus clearly distinct from the annulus, normal height; 2 inhomogeneous with a
 * horizontal dark band, still bright and distinct; 3 grey, blurred nucleus–annulus boundary,
 * slightly lower height; 4 grey to dark, no distinction, moderately lower height; 5 black and
 * collapsed. Facet angles are measured, as in the literature, between each joint's line and
 * the mid-sagittal line; the joint line runs from anterolateral to posteromedial.
 *
 * <p>Geometry (LPS): sagittal images have i towards posterior and j towards inferior, with the
 * image centre at the LPS origin; axial images have i towards the patient's left and j
 * towards posterior, placed at the height of their disc in the sagittal image.
 */
public final class PhantomGenerator {
  /** Signal of cerebrospinal fluid on T2, the brightest tissue; other signals relate to it. */
  static final double CSF = 900;
  private static final double[] NUCLEUS = {0, 880, 760, 470, 230, 95};
  private static final double[] ANNULUS = {0, 190, 200, 250, 210, 95};
  private static final double[] EDGE_MM = {0, 0.4, 0.6, 2.5, 3.0, 1.0};
  private static final double[] HEIGHT_FACTOR = {0, 1.0, 0.97, 0.85, 0.65, 0.35};
  /** Mean facet angle per facet level (L3/4, L4/5, L5/S1), degrees; assumption from the
   * range reported for lumbar facet orientation (more coronal caudally). */
  private static final double[] FACET_MEAN = {38, 45, 50};
  /** Mean Pfirrmann grade per disc level before person-level variation (worse caudally). */
  private static final double[] GRADE_MEAN = {1.9, 2.1, 2.4, 2.9, 3.0};

  private final int matrix;

  private PhantomGenerator(int matrix) {
    this.matrix = matrix;
  }

  /** 256 x 256 images. */
  public static PhantomGenerator withDefaults() {
    return new PhantomGenerator(256);
  }

  /** A copy with another square image size (64 to 1024). */
  public PhantomGenerator withMatrix(int size) {
    if (size < 64 || size > 1024) {
      throw new IllegalArgumentException("matrix must be 64..1024: " + size);
    }
    return new PhantomGenerator(size);
  }

  /** An axial slice of one facet level with its labels. */
  public record AxialSlice(String level, Volume image, Volume labels) {
  }

  /** One study: truth, sagittal image and labels, and the three axial slices. */
  public record Study(PhantomTruth truth, Volume sagittal, Volume sagittalLabels,
                      List<AxialSlice> axial) {
    public Study {
      axial = List.copyOf(axial);
    }
  }

  /** Draws a truth for person {@code id} and renders it; same id and seed, same study. */
  public Study generate(String id, long seed) {
    Draws draws = new Draws(seed);
    PhantomTruth truth = sampleTruth(id, draws);
    return render(truth, draws.nextLong());
  }

  /** Renders a given truth (for tests that choose the grades and angles). */
  public Study render(PhantomTruth truth, long seed) {
    Draws draws = new Draws(seed);
    double scale = draws.uniform(0.85, 1.15);
    double fovSag = draws.uniform(240, 320);
    Spine spine = Spine.sample(truth, scale, fovSag, draws);
    Volume[] sag = renderSagittal(truth.id(), spine, fovSag, draws);
    List<AxialSlice> axial = new ArrayList<>();
    for (int l = 0; l < CohortSchema.FACET_LEVELS.size(); l++) {
      String level = CohortSchema.FACET_LEVELS.get(l);
      Spine.Element disc = spine.disc(2 + l);
      double zMm = fovSag / 2 - disc.v();
      double yMm = disc.u() - fovSag / 2;
      Volume[] ax = renderAxial(truth.id() + " axial " + level, truth, l, scale,
          truth.pfirrmann().get(2 + l), yMm, zMm, draws);
      axial.add(new AxialSlice(level, ax[0], ax[1]));
    }
    return new Study(truth, sag[0], sag[1], axial);
  }

  /** Pfirrmann grades (worse caudally, correlated within a person) and facet angles. */
  static PhantomTruth sampleTruth(String id, Draws draws) {
    double propensity = draws.gaussian();
    List<Integer> grades = new ArrayList<>();
    for (double mean : GRADE_MEAN) {
      double g = mean + 0.8 * propensity + draws.gaussian(0, 0.6);
      grades.add((int) Math.max(1, Math.min(5, Math.rint(g))));
    }
    List<Double> left = new ArrayList<>();
    List<Double> right = new ArrayList<>();
    for (double mean : FACET_MEAN) {
      double l = draws.gaussian(mean, 7);
      double diff = draws.gaussian(0, 3);
      if (draws.chance(0.15)) {
        diff += (draws.chance(0.5) ? 1 : -1) * draws.uniform(7, 15);
      }
      left.add(round3(clamp(l, 15, 80)));
      right.add(round3(clamp(l + diff, 15, 80)));
    }
    return new PhantomTruth(id, grades, left, right);
  }

  private Volume[] renderSagittal(String id, Spine spine, double fovMm, Draws draws) {
    int n = matrix;
    double sp = fovMm / n;
    float[] image = new float[n * n];
    float[] labels = new float[n * n];
    double[] jitter = intensityJitter(draws);
    int sub = 2;
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < n; i++) {
        double sum = 0;
        for (int sj = 0; sj < sub; sj++) {
          for (int si = 0; si < sub; si++) {
            double u = (i + (si + 0.5) / sub - 0.5) * sp;
            double v = (j + (sj + 0.5) / sub - 0.5) * sp;
            sum += spine.signal(u, v, jitter, null);
          }
        }
        int s = i + n * j;
        image[s] = (float) (sum / (sub * sub));
        int[] label = new int[1];
        spine.signal(i * sp, j * sp, jitter, label);
        labels[s] = label[0];
      }
    }
    ImageEffects.apply(image, n, n, draws);
    Direction sagittal = Direction.ofColumns(new double[] {0, 1, 0}, new double[] {0, 0, -1},
        new double[] {1, 0, 0});
    VolumeGeometry g = VolumeGeometry.of(n, n, 1, new double[] {sp, sp, 4.0},
        new double[] {0, -fovMm / 2, fovMm / 2}, sagittal);
    return new Volume[] {Volume.adopt(id + " sagittal", g, image),
        Volume.adopt(id + " sagittal labels", g, labels)};
  }

  private Volume[] renderAxial(String source, PhantomTruth truth, int level, double scale,
                               int grade, double discYmm, double discZmm, Draws draws) {
    int n = matrix;
    double fov = draws.uniform(150, 200);
    double sp = fov / n;
    double rho = Math.toRadians(draws.uniform(-8, 8));
    double cos = StrictMath.cos(rho);
    double sin = StrictMath.sin(rho);
    double ci = n / 2.0 + draws.uniform(-0.05, 0.05) * n;
    double cj = 0.42 * n + draws.uniform(-0.04, 0.04) * n;
    double[] jitter = intensityJitter(draws);
    FacetSlice anatomy = new FacetSlice(scale, truth.facetLeftDegrees().get(level),
        truth.facetRightDegrees().get(level), grade, jitter, draws.uniform(1.4, 1.9),
        draws.uniform(14, 18) * scale);
    float[] image = new float[n * n];
    float[] labels = new float[n * n];
    int sub = 2;
    int[] label = new int[1];
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < n; i++) {
        double sum = 0;
        for (int sj = 0; sj < sub; sj++) {
          for (int si = 0; si < sub; si++) {
            double dx = (i + (si + 0.5) / sub - 0.5 - ci) * sp;
            double dy = (j + (sj + 0.5) / sub - 0.5 - cj) * sp;
            sum += anatomy.signal(cos * dx + sin * dy, -sin * dx + cos * dy, null);
          }
        }
        int s = i + n * j;
        image[s] = (float) (sum / (sub * sub));
        double dx = (i - ci) * sp;
        double dy = (j - cj) * sp;
        anatomy.signal(cos * dx + sin * dy, -sin * dx + cos * dy, label);
        labels[s] = label[0];
      }
    }
    ImageEffects.apply(image, n, n, draws);
    VolumeGeometry g = VolumeGeometry.of(n, n, 1, new double[] {sp, sp, 4.0},
        new double[] {-ci * sp, discYmm - cj * sp, discZmm}, Direction.identity());
    return new Volume[] {Volume.adopt(source, g, image), Volume.adopt(source + " labels", g,
        labels)};
  }

  /** Per-study multiplicative jitter of tissue signals, one factor per tissue slot. */
  private static double[] intensityJitter(Draws draws) {
    double[] j = new double[8];
    for (int q = 0; q < j.length; q++) {
      j[q] = draws.uniform(0.92, 1.08);
    }
    return j;
  }

  /** Disc signal at normalised nucleus radius {@code r} (0 centre, 1 nucleus edge). */
  static double discSignal(int grade, double r, double nucleusSemiMinorMm, double bandMm,
                           double[] jitter) {
    double edge = EDGE_MM[grade] / nucleusSemiMinorMm;
    double w = Math.max(0, Math.min(1, (1 - r) / edge + 0.5));
    double nucleus = NUCLEUS[grade] * jitter[0];
    if (grade == 2 && Math.abs(bandMm) < 0.8) {
      nucleus *= 0.55;
    }
    return ANNULUS[grade] * jitter[1] + (nucleus - ANNULUS[grade] * jitter[1]) * w;
  }

  static double heightFactor(int grade) {
    return HEIGHT_FACTOR[grade];
  }

  private static double clamp(double x, double lo, double hi) {
    return Math.max(lo, Math.min(hi, x));
  }

  private static double round3(double x) {
    return Math.rint(x * 1000) / 1000;
  }
}
