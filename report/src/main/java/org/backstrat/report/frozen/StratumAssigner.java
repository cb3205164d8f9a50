package org.backstrat.report.frozen;

import org.backstrat.core.io.PlainNumber;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.backstrat.analysis.config.VariantConfig;
import org.backstrat.analysis.features.EncodedFeatures;
import org.backstrat.analysis.features.FeatureEncoder;
import org.backstrat.core.BadInputException;
import org.backstrat.core.cohort.Cohort;
import org.backstrat.core.cohort.CohortWriter;

/**
 * Assigns the people of a scored cohort to the strata of a frozen model, exactly as the training
 * cohort was placed: each variant's features are encoded with the model's specs (the same
 * {@link FeatureEncoder}), transformed with the stored scaler {@code z = (x - center) / scale *
 * weight} (nothing is refitted), and each person goes to the nearest centre in that space
 * (lowest stratum id on ties).
 *
 * <p>Definitions, also in the README:
 * <ul>
 *   <li>{@code distance} = Euclidean distance d to the assigned centre in the scaled space;
 *       {@code outlier} = the method trims and d exceeds the model's trim radius (the largest
 *       training distance of a kept person).</li>
 *   <li>{@code p_k} = exp(−d_k²/2) / Σ_j exp(−d_j²/2): a softmax of minus half the squared
 *       distances to every centre (an isotropic unit-variance Gaussian mixture with equal
 *       weights in the scaled space); computed stably, the p_k sum to 1.</li>
 *   <li>{@code top_features}: with a the assigned and b the runner-up (second-nearest) centre,
 *       d_b² − d_a² = Σ_j [(z_j − b_j)² − (z_j − a_j)²]; the (at most three) encoded columns with
 *       the largest positive terms, largest first, are the features that pull the person most
 *       toward a rather than b.</li>
 * </ul>
 * People missing a required feature get no stratum and a reason naming the missing features.
 */
public final class StratumAssigner {
  /** How many features {@code top_features} lists at most. */
  public static final int TOP_FEATURES = 3;

  private StratumAssigner() {
  }

  /**
   * Assigns every person of {@code scored} in every variant of {@code model}; rows are ordered
   * by variant (model order), then by cohort row.
   *
   * @throws BadInputException when the cohort lacks a feature column, a column cannot be encoded
   *     as in training, or the encoding gives other columns than the model's
   */
  public static List<AssignedRow> assign(FrozenModel model, Cohort scored) {
    List<AssignedRow> out = new ArrayList<>();
    for (FrozenVariant v : model.variants()) {
      assignVariant(v, scored, out);
    }
    return out;
  }

  private static void assignVariant(FrozenVariant v, Cohort scored, List<AssignedRow> out) {
    VariantConfig config = new VariantConfig(v.name(), v.features(), List.of(), List.of());
    EncodedFeatures enc = FeatureEncoder.encode(scored, config, false);
    if (!enc.columns().equals(v.columns())) {
      throw new BadInputException(scored.source() + ": variant " + v.name() + ": the features "
          + "encode to columns " + enc.columns() + " but the model expects " + v.columns()
          + " (do the categories have the same levels as in training?)");
    }
    int d = v.width();
    int k = v.k();
    double[] center = v.center();
    double[] mul = new double[d];
    for (int j = 0; j < d; j++) {
      mul[j] = v.weights()[j] / v.scale()[j]; // as Scaler.transform applied it in training
    }
    double[][] centres = v.centersScaled();
    double[] z = new double[d];
    double[] d2 = new double[k];
    for (int i = 0; i < enc.rows(); i++) {
      int row = enc.cohortRows()[i];
      double[] x = enc.matrix()[i];
      Set<String> missing = new LinkedHashSet<>();
      for (int j = 0; j < d; j++) {
        if (Double.isNaN(x[j])) {
          missing.add(v.sourceFeature().get(j));
        }
      }
      if (!missing.isEmpty()) {
        out.add(new AssignedRow(scored.id(row), v.name(), 0, "", false, Double.NaN,
            new double[0], List.of(), "missing " + String.join(" ", missing)));
        continue;
      }
      for (int j = 0; j < d; j++) {
        z[j] = (x[j] - center[j]) * mul[j];
      }
      int best = 0;
      int second = -1;
      for (int c = 0; c < k; c++) {
        double s = 0;
        for (int j = 0; j < d; j++) {
          double e = z[j] - centres[c][j];
          s += e * e;
        }
        d2[c] = s;
        if (s < d2[best]) {
          best = c;
        }
      }
      for (int c = 0; c < k; c++) {
        if (c != best && (second < 0 || d2[c] < d2[second])) {
          second = c;
        }
      }
      double dist = Math.sqrt(d2[best]);
      boolean outlier = v.trimFraction() > 0 && dist > v.trimRadius();
      out.add(new AssignedRow(scored.id(row), v.name(), best + 1, v.labels().get(best), outlier,
          dist, probabilities(d2, d2[best]),
          second < 0 ? List.of() : topFeatures(v, z, centres[best], centres[second]),
          ""));
    }
  }

  /** Softmax of −d²/2, shifted by the smallest d² so that no term underflows to 0/0. */
  static double[] probabilities(double[] d2, double minD2) {
    double[] p = new double[d2.length];
    double sum = 0;
    for (int c = 0; c < d2.length; c++) {
      p[c] = Math.exp(-(d2[c] - minD2) / 2);
      sum += p[c];
    }
    for (int c = 0; c < d2.length; c++) {
      p[c] /= sum;
    }
    return p;
  }

  private static List<String> topFeatures(FrozenVariant v, double[] z, double[] a, double[] b) {
    int d = z.length;
    double[] pull = new double[d];
    for (int j = 0; j < d; j++) {
      double eb = z[j] - b[j];
      double ea = z[j] - a[j];
      pull[j] = eb * eb - ea * ea;
    }
    List<String> top = new ArrayList<>();
    boolean[] used = new boolean[d];
    for (int t = 0; t < TOP_FEATURES; t++) {
      int arg = -1;
      for (int j = 0; j < d; j++) {
        if (!used[j] && pull[j] > 0 && (arg < 0 || pull[j] > pull[arg])) {
          arg = j;
        }
      }
      if (arg < 0) {
        break;
      }
      used[arg] = true;
      top.add(v.columns().get(arg));
    }
    return top;
  }

  /**
   * Writes the rows as CSV: {@code id,variant,cluster,label,outlier,distance,p_1..p_K,
   * top_features,reason}, K the largest number of strata of any variant (cells beyond a
   * variant's K are empty); {@code top_features} joined by {@code ;}. Unassigned rows have empty
   * cluster, label, outlier, distance and probabilities. Same rows, same bytes.
   */
  public static void writeCsv(List<AssignedRow> rows, int maxK, Path file) throws IOException {
    try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
      w.write("id,variant,cluster,label,outlier,distance");
      for (int c = 1; c <= maxK; c++) {
        w.write(",p_" + c);
      }
      w.write(",top_features,reason\n");
      for (AssignedRow r : rows) {
        w.write(CohortWriter.quote(r.id()));
        w.write(',');
        w.write(CohortWriter.quote(r.variant()));
        w.write(',');
        if (r.assigned()) {
          w.write(r.cluster() + "," + CohortWriter.quote(r.label()) + "," + r.outlier() + ","
              + number(r.distance()));
        } else {
          w.write(",,,");
        }
        for (int c = 0; c < maxK; c++) {
          w.write(',');
          if (c < r.probabilities().length) {
            w.write(number(r.probabilities()[c]));
          }
        }
        w.write(',');
        w.write(CohortWriter.quote(String.join(";", r.topFeatures())));
        w.write(',');
        w.write(CohortWriter.quote(r.reason()));
        w.write('\n');
      }
    }
  }

  /** Largest number of strata of any variant of the model. */
  public static int maxK(FrozenModel model) {
    int m = 0;
    for (FrozenVariant v : model.variants()) {
      m = Math.max(m, v.k());
    }
    return m;
  }

  private static String number(double x) {
    return PlainNumber.of(x);
  }
}
