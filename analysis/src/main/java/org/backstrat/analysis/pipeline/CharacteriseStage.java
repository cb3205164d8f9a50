package org.backstrat.analysis.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.backstrat.analysis.config.AnalysisConfig;
import org.backstrat.analysis.result.StratumProfile;
import org.backstrat.analysis.stats.NumericSummary;
import org.backstrat.analysis.stats.PValueAdjustment;
import org.backstrat.analysis.stats.StratumComparison;
import org.backstrat.analysis.stats.VariableScale;
import org.backstrat.analysis.strata.StrataInWords;
import org.backstrat.analysis.strata.StratumNamer;
import org.backstrat.core.BadInputException;
import org.backstrat.core.cohort.Cohort;
import org.backstrat.core.cohort.ValueKind;
import org.backstrat.core.cohort.Variable;

/**
 * Stage 4, characterise: names the strata from the standardised centroids of the kept people
 * ({@link StratumNamer}), tests every feature and LBP outcome between strata on the kept people
 * (Kruskal-Wallis, chi-square or Fisher-Freeman-Halton, adjusted across the variant, with
 * post-hoc pairs) and profiles each stratum (size, stability, centroid, LBP frequency and
 * bothersomeness). Trimmed outliers enter no test.
 */
public final class CharacteriseStage {
  /** Outcome columns described per stratum when present. */
  static final String LBP_FREQUENCY = "lbp_frequency";
  static final String LBP_BOTHERSOMENESS = "lbp_bothersomeness";

  private CharacteriseStage() {
  }

  /**
   * Runs the stage.
   *
   * @throws BadInputException when a stratum keeps fewer than two people
   */
  public static Characterisation run(VariantContext ctx, VariantFeatures features,
                                     StrataFit fit) {
    Cohort scored = ctx.scored();
    int k = fit.k();
    double[][] centersOriginal = fit.model().centersOriginal();
    StrataInWords.Description words = describe(ctx, features, fit, centersOriginal);
    List<String> names = words.names();

    ctx.progress().step(ctx.name() + ": characterising " + k + " strata");
    requireStrataOfTwo(scored, ctx.name(), fit.keptStrata(), k);
    StratumComparison comparison = StratumComparison.withDefaults()
        .with(adjustment(ctx.config()));
    List<StratumComparison.TestRow> rawTests = new ArrayList<>();
    List<StratumComparison.PairwiseRow> pairwise = new ArrayList<>();
    for (String var : characterisedVariables(ctx)) {
      Variable v = scored.variable(var).orElseThrow();
      double[] values = pick(scored.values(var), fit.keptCohortRows());
      VariableScale scale = scaleOf(v);
      StratumComparison.TestRow row = comparison.test(var, scale, values, fit.keptStrata());
      rawTests.add(row);
      if (!Double.isNaN(row.p())) {
        pairwise.addAll(comparison.pairwise(var, scale, values, fit.keptStrata()));
      }
    }
    List<StratumComparison.TestRow> tests = comparison.adjust(rawTests);
    double[] jaccard = fit.selection().chosenRow().clusterJaccard();
    List<StratumProfile> profiles = new ArrayList<>();
    int[] sizes = fit.model().fit().sizes();
    List<String> columns = features.encoded().columns();
    for (int c = 0; c < k; c++) {
      Map<String, Double> centroid = new LinkedHashMap<>();
      for (int j = 0; j < columns.size(); j++) {
        centroid.put(columns.get(j), centersOriginal[c][j]);
      }
      Map<Integer, Integer> freq = new LinkedHashMap<>();
      double bothMedian = Double.NaN;
      double bothQ1 = Double.NaN;
      double bothQ3 = Double.NaN;
      int[] members = fit.cohortRowsOf(c);
      if (scored.has(LBP_FREQUENCY)) {
        double[] f = scored.values(LBP_FREQUENCY);
        for (int level = 0; level <= 4; level++) {
          freq.put(level, 0);
        }
        for (int r : members) {
          if (!Double.isNaN(f[r])) {
            freq.merge((int) f[r], 1, Integer::sum);
          }
        }
      }
      if (scored.has(LBP_BOTHERSOMENESS)) {
        NumericSummary s = NumericSummary.of(pick(scored.values(LBP_BOTHERSOMENESS), members));
        bothMedian = s.median();
        bothQ1 = s.q1();
        bothQ3 = s.q3();
      }
      profiles.add(new StratumProfile(c + 1, names.get(c), sizes[c],
          c < jaccard.length ? jaccard[c] : Double.NaN, centroid, freq, bothMedian, bothQ1,
          bothQ3));
    }
    return new Characterisation(profiles, tests, pairwise, words.sentences());
  }

  /**
   * Names and sentences from the centroids standardised by the kept people's means and SDs
   * ({@link StrataInWords}): the psychosocial scores and the imaging features each as one
   * dimension (mean z), every other encoded column on its own.
   */
  private static StrataInWords.Description describe(VariantContext ctx,
                                                    VariantFeatures features, StrataFit fit,
                                                    double[][] centersOriginal) {
    double[][] x = features.matrix();
    int[] kept = fit.kept();
    int width = features.encoded().width();
    double[] mean = new double[width];
    double[] sd = new double[width];
    for (int j = 0; j < width; j++) {
      double[] col = new double[kept.length];
      for (int i = 0; i < kept.length; i++) {
        col[i] = x[kept[i]][j];
      }
      NumericSummary s = NumericSummary.of(col);
      mean[j] = s.mean();
      sd[j] = s.sd();
    }
    List<StrataInWords.Dimension> dims = new ArrayList<>();
    int[] psy = features.columnsOf(ctx.variant().psychosocial());
    int[] img = features.columnsOf(ctx.variant().imaging());
    if (psy.length > 0) {
      dims.add(new StrataInWords.Dimension("psychosocial", "psychosocial scores",
          StratumNamer.burden(centersOriginal, mean, sd, psy)));
    }
    if (img.length > 0) {
      dims.add(new StrataInWords.Dimension("imaging",
          "imaging burden (" + String.join(", ", ctx.variant().imaging()) + ")",
          StratumNamer.burden(centersOriginal, mean, sd, img)));
    }
    List<String> columns = features.encoded().columns();
    for (int j = 0; j < width; j++) {
      String source = features.encoded().sourceFeature().get(j);
      if (ctx.variant().psychosocial().contains(source) || ctx.variant().imaging().contains(source)) {
        continue;
      }
      String name = displayName(ctx.scored(), source, columns.get(j));
      dims.add(new StrataInWords.Dimension(name, name,
          StratumNamer.burden(centersOriginal, mean, sd, new int[] {j})));
    }
    int[] sizes = new int[fit.k()];
    for (int s : fit.keptStrata()) {
      sizes[s]++;
    }
    return StrataInWords.describe(dims, sizes);
  }

  /** How a feature reads in words: BMI, smoking, share of the second level ("male"). */
  private static String displayName(Cohort cohort, String source, String column) {
    if (source.equals("bmi")) {
      return "BMI";
    }
    Variable v = cohort.variable(source).orElse(null);
    if (v != null && v.kind() == ValueKind.CATEGORY && v.levels().size() == 2
        && column.equals(source)) {
      return "share " + v.levels().get(1);
    }
    return column.replace('_', ' ');
  }

  private static PValueAdjustment adjustment(AnalysisConfig config) {
    return switch (config.adjustment()) {
      case "bh" -> PValueAdjustment.BENJAMINI_HOCHBERG;
      case "bonferroni" -> PValueAdjustment.BONFERRONI;
      default -> PValueAdjustment.HOLM;
    };
  }

  private static void requireStrataOfTwo(Cohort cohort, String variant, int[] strata, int k) {
    int[] count = new int[k];
    for (int s : strata) {
      count[s]++;
    }
    for (int c = 0; c < k; c++) {
      if (count[c] < 2) {
        throw new BadInputException(cohort.source() + ": variant " + variant + ": stratum "
            + (c + 1) + " has " + count[c] + " member" + (count[c] == 1 ? "" : "s")
            + " after trimming; expected at least 2 to test and validate it (choose a smaller "
            + "K or a smaller trim fraction)");
      }
    }
  }

  /** The variant's own features (source columns) and the LBP outcome columns present. */
  private static List<String> characterisedVariables(VariantContext ctx) {
    Set<String> vars = new LinkedHashSet<>(ctx.variant().featureNames());
    for (String o : List.of(LBP_FREQUENCY, LBP_BOTHERSOMENESS, ctx.config().outcome())) {
      if (ctx.scored().has(o)) {
        vars.add(o);
      }
    }
    return List.copyOf(vars);
  }

  private static VariableScale scaleOf(Variable v) {
    if (v.kind() == ValueKind.CATEGORY || v.kind() == ValueKind.BOOLEAN) {
      return VariableScale.CATEGORICAL;
    }
    return v.kind() == ValueKind.INTEGER ? VariableScale.ORDINAL : VariableScale.NUMERIC;
  }

  static double[] pick(double[] values, int[] rows) {
    double[] out = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = values[rows[i]];
    }
    return out;
  }
}
