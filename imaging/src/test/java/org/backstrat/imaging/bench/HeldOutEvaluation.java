package org.backstrat.imaging.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.backstrat.core.cohort.CohortSchema;
import org.backstrat.imaging.StudyLayout;
import org.backstrat.imaging.facet.FacetAngles;
import org.backstrat.imaging.io.VolumeReader;
import org.backstrat.imaging.model.DiscLocaliser;
import org.backstrat.imaging.phantom.PhantomJob;
import org.backstrat.imaging.phantom.PhantomLabels;
import org.backstrat.imaging.pipeline.ImagingJob;
import org.backstrat.imaging.volume.Volume;

/**
 * Measures the bundled models end to end on held-out phantoms (a seed the models were not
 * trained on): writes the phantoms, records the true disc centres from the sagittal label
 * images, deletes every label image, runs {@link ImagingJob} on the studies as a user would and
 * compares its biomarkers with {@code truth.csv}; disc positions come from the
 * {@link DiscLocaliser} on the same images, compared with the label centroids. The targets
 * (issue 6): every disc found within 5 mm on at least 99% of studies, Pfirrmann exact agreement
 * at least 90% and within one grade at least 99%, facet angle mean absolute error at most 1.5
 * degrees. A missing value counts as wrong.
 *
 * <p>Run by {@code bench/imaging/heldout.sh N SEED} (prints the metrics) and, on a small set,
 * by {@code HeldOutEvaluationTest}.
 */
public final class HeldOutEvaluation {
  /** Largest distance, mm, between a located and a true disc centre for the disc to count. */
  public static final double FOUND_WITHIN_MM = 5.0;

  /**
   * What came out.
   *
   * @param studies studies evaluated
   * @param studiesAllDiscsFound studies whose five discs were all graded and located within
   *     {@link #FOUND_WITHIN_MM} of the truth
   * @param discErrorsMm distance of each located disc from its true centre (NaN: not found)
   * @param discs discs compared (five per study)
   * @param exact graded discs equal to the truth
   * @param withinOne graded discs within one grade of the truth
   * @param angles facet angles compared (six per study)
   * @param angleErrorsDeg absolute error per measured angle (missing ones left out)
   * @param anglesMissing angles the pipeline left empty
   * @param ok studies with status ok
   * @param seconds wall time of the imaging run
   */
  public record Metrics(int studies, int studiesAllDiscsFound, double[] discErrorsMm, int discs,
                        int exact, int withinOne, int angles, double[] angleErrorsDeg,
                        int anglesMissing, int ok, double seconds) {
    public Metrics {
      discErrorsMm = discErrorsMm.clone();
      angleErrorsDeg = angleErrorsDeg.clone();
    }

    /** Share of studies with every disc found. */
    public double allDiscsFoundRate() {
      return (double) studiesAllDiscsFound / studies;
    }

    /** Pfirrmann exact agreement (missing grades count as wrong). */
    public double exactRate() {
      return (double) exact / discs;
    }

    /** Pfirrmann within-one agreement (missing grades count as wrong). */
    public double withinOneRate() {
      return (double) withinOne / discs;
    }

    /** Mean absolute facet angle error over the measured angles, degrees. */
    public double angleMaeDeg() {
      double s = 0;
      for (double e : angleErrorsDeg) {
        s += e;
      }
      return s / angleErrorsDeg.length;
    }

    /** A few lines for a person. */
    public String summary() {
      double[] d = Arrays.stream(discErrorsMm).filter(Double::isFinite).sorted().toArray();
      double[] a = angleErrorsDeg.clone();
      Arrays.sort(a);
      return String.format(Locale.ROOT, "studies %d (status ok %d), %.2f s per study%n"
          + "all five discs found within %.0f mm: %d of %d studies (%.4f); disc error median"
          + " %.2f mm, p99 %.2f mm, max %.2f mm, not found %d of %d%n"
          + "Pfirrmann exact %d of %d (%.4f), within one %d of %d (%.4f)%n"
          + "facet angle MAE %.3f deg over %d angles (p95 %.2f, max %.2f), missing %d of %d",
          studies, ok, seconds / studies, FOUND_WITHIN_MM, studiesAllDiscsFound, studies,
          allDiscsFoundRate(), quantile(d, 0.5), quantile(d, 0.99), quantile(d, 1.0),
          discErrorsMm.length - d.length, discErrorsMm.length, exact, discs, exactRate(),
          withinOne, discs, withinOneRate(), angleMaeDeg(), a.length, quantile(a, 0.95),
          quantile(a, 1.0), anglesMissing, angles);
    }
  }

  private HeldOutEvaluation() {
  }

  /**
   * Writes {@code n} phantoms with {@code seed} into {@code work} (a new folder), removes their
   * label images and evaluates the bundled models on them.
   */
  public static Metrics run(int n, long seed, Path work) throws IOException {
    Files.createDirectories(work);
    Path studies = work.resolve("studies");
    PhantomJob.withDefaults().withCount(n).withSeed(seed).run(studies, false, null);
    Path truthCsv = work.resolve("truth.csv");
    Files.move(studies.resolve("truth.csv"), truthCsv);
    VolumeReader reader = VolumeReader.withDefaults();
    int levels = CohortSchema.DISC_LEVELS.size();
    double[][][] trueCentres = new double[n][levels][];
    for (int s = 0; s < n; s++) {
      Path dir = studies.resolve(PhantomJob.id(s));
      Volume labels = reader.read(dir.resolve(StudyLayout.SAGITTAL + StudyLayout.LABELS_SUFFIX
          + ".mha"));
      for (int d = 0; d < levels; d++) {
        FacetAngles.Joint disc = FacetAngles.joint(labels, PhantomLabels.DISC_L1L2 + d);
        trueCentres[s][d] = disc == null ? null : disc.centroidMm();
      }
    }
    try (Stream<Path> files = Files.walk(studies)) {
      for (Path p : files.filter(p -> p.getFileName().toString().contains(
          StudyLayout.LABELS_SUFFIX)).toList()) {
        Files.delete(p);
      }
    }
    Path out = work.resolve("biomarkers.csv");
    long t0 = System.nanoTime();
    ImagingJob.Result result = ImagingJob.withDefaults().run(studies, out, false, null);
    double seconds = (System.nanoTime() - t0) / 1e9;
    List<CSVRecord> rows = read(out);
    List<CSVRecord> truth = read(truthCsv);
    double[] discErrors = new double[n * levels];
    int allFound = 0;
    int exact = 0;
    int withinOne = 0;
    List<Double> angleErrors = new ArrayList<>();
    int anglesMissing = 0;
    try (DiscLocaliser localiser = DiscLocaliser.phantom(1)) {
      for (int s = 0; s < n; s++) {
        CSVRecord row = rows.get(s);
        CSVRecord t = truth.get(s);
        if (!row.get("id").equals(t.get("id"))) {
          throw new IllegalStateException("row order differs: " + row.get("id"));
        }
        DiscLocaliser.Located located = localiser.locate(reader.read(studies.resolve(
            t.get("id")).resolve(StudyLayout.SAGITTAL + ".mha")));
        boolean all = true;
        for (int d = 0; d < levels; d++) {
          String level = CohortSchema.DISC_LEVELS.get(d);
          DiscLocaliser.Disc disc = located.discs().get(d);
          double error = disc.found() && trueCentres[s][d] != null
              ? Math.hypot(disc.xMm() - trueCentres[s][d][0], disc.yMm() - trueCentres[s][d][1])
              : Double.NaN;
          discErrors[s * levels + d] = error;
          String graded = row.get("pfirrmann_" + level);
          all &= !graded.isEmpty() && error <= FOUND_WITHIN_MM;
          if (!graded.isEmpty()) {
            int diff = Math.abs(Integer.parseInt(graded)
                - Integer.parseInt(t.get("pfirrmann_" + level)));
            exact += diff == 0 ? 1 : 0;
            withinOne += diff <= 1 ? 1 : 0;
          }
        }
        allFound += all ? 1 : 0;
        for (String level : CohortSchema.FACET_LEVELS) {
          for (String side : List.of("left", "right")) {
            String col = "facet_angle_" + level + "_" + side;
            if (row.get(col).isEmpty()) {
              anglesMissing++;
            } else {
              angleErrors.add(Math.abs(Double.parseDouble(row.get(col))
                  - Double.parseDouble(t.get(col))));
            }
          }
        }
      }
    }
    return new Metrics(n, allFound, discErrors, n * levels, exact, withinOne,
        n * 2 * CohortSchema.FACET_LEVELS.size(),
        angleErrors.stream().mapToDouble(Double::doubleValue).toArray(), anglesMissing,
        result.ok(), seconds);
  }

  private static List<CSVRecord> read(Path csv) throws IOException {
    try (Reader r = Files.newBufferedReader(csv)) {
      return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)
          .getRecords();
    }
  }

  private static double quantile(double[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
  }

  /** {@code HeldOutEvaluation N SEED WORK_DIR}: evaluates and prints the metrics. */
  public static void main(String[] args) {
    if (args.length != 3) {
      System.err.println("usage: HeldOutEvaluation N SEED WORK_DIR (a folder to create)");
      System.exit(2);
    }
    try {
      Metrics m = run(Integer.parseInt(args[0]), Long.parseLong(args[1]), Path.of(args[2]));
      System.out.println(m.summary());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
