package org.backstrat.report.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.backstrat.analysis.dca.BootstrapBands;
import org.backstrat.analysis.dca.DecisionCurves;
import org.backstrat.analysis.dca.NetBenefitCurve;
import org.backstrat.analysis.dca.StratificationDecisionCurves;
import org.backstrat.analysis.dca.SuperiorRanges;
import org.backstrat.analysis.pipeline.StratificationResult;
import org.backstrat.analysis.pipeline.VariantAnalysis;
import org.backstrat.analysis.result.StratumProfile;
import org.backstrat.analysis.stats.StratumComparison;
import org.backstrat.analysis.validation.CrossValidationResult;
import org.backstrat.cluster.select.KSelectionRow;
import org.backstrat.core.SoftwareVersion;
import org.backstrat.core.cohort.Cohort;
import org.backstrat.core.io.PrettyJson;

/**
 * Writes the machine-readable outputs of {@code analyze --out DIR}: {@code summary.json}
 * (schema {@code backstrat.summary/1}, DESIGN.md), {@code assignments.csv} and the
 * {@code tables/*.csv} that back every figure of the summary, into a directory its caller writes
 * through {@code AtomicOutput} (whole or not at all); the same result always gives the same bytes.
 */
public final class AnalysisWriter {
  /** The summary's schema identifier. */
  public static final String SUMMARY_SCHEMA = "backstrat.summary/1";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private AnalysisWriter() {
  }

  /**
   * Writes the outputs into an existing empty directory (for callers that already write a
   * larger directory atomically, such as {@code demo}).
   */
  public static void writeInto(StratificationResult result, Path dir) throws IOException {
    Path tables = Files.createDirectories(dir.resolve("tables"));
    writeTables(result, tables);
    writeAssignments(result, dir.resolve("assignments.csv"));
    writeJson(summary(result), dir.resolve("summary.json"));
  }

  /** Writes a JSON tree with two-space indentation and a final newline. */
  public static void writeJson(JsonNode node, Path file) throws IOException {
    PrettyJson.write(node, file);
  }

  /** The summary.json tree. */
  public static ObjectNode summary(StratificationResult result) {
    ObjectNode root = NODES.objectNode();
    root.put("schema", SUMMARY_SCHEMA);
    root.put("software_version", SoftwareVersion.get());
    root.put("n_subjects", result.cohort().size());
    ObjectNode variants = root.putObject("variants");
    for (VariantAnalysis v : result.variants()) {
      variants.set(v.name(), variant(result, v));
    }
    ArrayNode skipped = root.putArray("skipped_variants");
    result.skippedVariants().forEach(skipped::add);
    root.put("naming_rule", org.backstrat.analysis.strata.StrataInWords.RULE);
    root.put("k_rule", result.variants().get(0).selection().rule());
    root.set("settings", result.config().toJson());
    return root;
  }

  private static ObjectNode variant(StratificationResult result, VariantAnalysis v) {
    ObjectNode o = NODES.objectNode();
    ArrayNode features = o.putArray("features");
    v.features().columns().forEach(features::add);
    o.put("method", result.config().method());
    o.put("k", v.k());
    o.put("k_fixed_by_user", v.selection().fixedByUser());
    o.put("trim", v.model().fit().trimFraction());
    o.put("n_used", v.nClustered());
    o.put("n_outliers", v.nOutliers());
    o.put("n_excluded", v.features().excludedTotal());
    ObjectNode byFeature = o.putObject("excluded_by_feature");
    v.features().excludedByFeature().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> byFeature.put(e.getKey(), e.getValue()));
    ArrayNode selection = o.putArray("selection");
    for (KSelectionRow r : v.selection().rows()) {
      ObjectNode s = selection.addObject();
      s.put("k", r.k());
      num(s, "silhouette", r.silhouette());
      num(s, "calinski_harabasz", r.calinskiHarabasz());
      num(s, "gap", r.gap());
      num(s, "gap_se", r.gapSe());
      num(s, "stability_jaccard", r.stabilityJaccard());
      num(s, "objective", r.objective());
    }
    o.put("gap_first_se_max_k", v.selection().gapChoiceK());
    ArrayNode clusters = o.putArray("clusters");
    for (StratumProfile p : v.strata()) {
      ObjectNode c = clusters.addObject();
      c.put("id", p.id());
      c.put("label", p.label());
      c.put("size", p.size());
      num(c, "stability_jaccard", p.stabilityJaccard());
      ObjectNode centroid = c.putObject("centroid");
      p.centroid().forEach((f, x) -> num(centroid, f, x));
      ObjectNode freq = c.putObject("lbp_frequency");
      p.lbpFrequency().forEach((level, count) -> freq.put(Integer.toString(level), count));
      ObjectNode both = c.putObject("bothersomeness");
      num(both, "median", p.bothersomenessMedian());
      num(both, "q1", p.bothersomenessQ1());
      num(both, "q3", p.bothersomenessQ3());
    }
    ArrayNode tests = o.putArray("tests");
    for (StratumComparison.TestRow t : v.tests()) {
      ObjectNode r = tests.addObject();
      r.put("variable", t.variable());
      r.put("test", t.test().label());
      num(r, "statistic", t.statistic());
      r.put("df", t.degreesOfFreedom());
      num(r, "p", t.p());
      num(r, "p_adjusted", t.pAdjusted());
      num(r, "effect_size", t.effectSize());
      r.put("effect_size_measure", t.effectSizeMeasure().name().toLowerCase(java.util.Locale.ROOT));
      r.put("n", t.n());
    }
    ArrayNode sentences = o.putArray("strata_sentences");
    v.characterisation().sentences().forEach(sentences::add);
    evidence(o, v);
    o.set("validation", validation(v.validation(), v));
    o.set("validation_questionnaire_only", validation(v.questionnaireOnly(), v));
    if (v.strataValidation().imagingOnly().isPresent()) {
      o.set("validation_imaging_only", validation(v.strataValidation().imagingOnly().get(), v));
    } else {
      o.putNull("validation_imaging_only");
    }
    if (v.dca().isPresent()) {
      o.set("dca", dca(result, v, v.dca().get()));
    } else {
      o.putNull("dca");
    }
    o.put("paper_comparison", EvidenceReport.paperComparison(v));
    o.set("table1", tableOne(EvidenceReport.tableOne(result, v)));
    ArrayNode notes = o.putArray("notes");
    v.notes().forEach(notes::add);
    return o;
  }

  /** block_permutation_p (null when not run), its details, and prediction strength per K. */
  private static void evidence(ObjectNode o, VariantAnalysis v) {
    var e = v.evidence();
    if (e.blockPermutation().isPresent()) {
      var r = e.blockPermutation().get();
      num(o, "block_permutation_p", r.pValue());
      ObjectNode b = o.putObject("block_permutation");
      b.put("statistic", r.statistic());
      num(b, "observed", r.observed());
      b.put("permutations", r.permutations());
      b.put("restarts", e.restarts());
      num(b, "p", r.pValue());
      b.put("supported", r.pValue() < 0.05);
      ArrayNode domains = b.putArray("domains");
      for (List<String> d : r.domains()) {
        ArrayNode a = domains.addArray();
        d.forEach(a::add);
      }
    } else {
      o.putNull("block_permutation_p");
    }
    ArrayNode ps = o.putArray("prediction_strength");
    for (var r : e.predictionStrength()) {
      ObjectNode x = ps.addObject();
      x.put("k", r.k());
      num(x, "prediction_strength", r.strength());
      num(x, "split_half_ari", r.splitHalfAri());
    }
    o.put("prediction_strength_splits", e.splits());
    o.put("prediction_strength_restarts", e.restarts());
    ArrayNode cal = o.putArray("calibration");
    var calibration = v.strataValidation().calibration();
    for (int c = 0; c < calibration.size(); c++) {
      ObjectNode x = cal.addObject();
      x.put("stratum", c + 1);
      num(x, "intercept", calibration.get(c).intercept());
      num(x, "slope", calibration.get(c).slope());
    }
    o.put("evidence_people", e.people());
    v.outcomeAssociation().ifPresentOrElse(a -> {
      ObjectNode x = o.putObject("outcome_odds");
      x.put("outcome", a.outcome());
      x.put("people", a.people());
      x.put("events", a.events());
      x.put("reference_stratum", a.reference() + 1);
      x.put("imputations", a.imputations());
      ArrayNode rows = x.putArray("strata");
      for (var r : a.rows()) {
        ObjectNode y = rows.addObject();
        y.put("stratum", r.stratum() + 1);
        y.put("people", r.people());
        y.put("events", r.events());
        num(y, "odds_ratio", r.oddsRatio());
        num(y, "ci_lower", r.lower());
        num(y, "ci_upper", r.upper());
        num(y, "p", r.p());
        num(y, "df", Double.isInfinite(r.df()) ? Double.NaN : r.df());
        num(y, "fmi", r.fractionMissingInformation());
      }
    }, () -> o.putNull("outcome_odds"));
    oddsRatios(o, v);
  }

  /** odds_ratios: the final model's odds ratios per SD with bootstrap intervals (forest plot). */
  private static void oddsRatios(ObjectNode o, VariantAnalysis v) {
    var r = v.strataValidation().oddsRatios();
    var columns = v.strataValidation().oddsRatioColumns();
    ObjectNode or = o.putObject("odds_ratios");
    or.put("model", "multinomial ridge fitted on everyone cross-validated, λ by inner CV");
    num(or, "lambda", r.lambda());
    or.put("reference_stratum", r.reference() + 1);
    or.put("scale", "per SD of the feature");
    or.put("interval", "bootstrap percentile (stratified resamples refitted at the final λ)");
    or.put("replicates", r.replicates());
    num(or, "level", r.level());
    or.put("non_converged_replicates", r.nonConvergedReplicates());
    ArrayNode rows = or.putArray("estimates");
    for (var e : r.entries()) {
      ObjectNode x = rows.addObject();
      x.put("stratum", e.stratum() + 1);
      x.put("feature", columns.get(e.feature()));
      num(x, "odds_ratio", e.oddsRatio());
      num(x, "ci_lower", e.oddsRatioLower());
      num(x, "ci_upper", e.oddsRatioUpper());
      num(x, "log_odds_ratio", e.logOddsRatio());
    }
  }

  /** Table 1 as JSON: column names and n, then one object per row. */
  private static ObjectNode tableOne(org.backstrat.analysis.describe.TableOne t) {
    ObjectNode o = NODES.objectNode();
    ArrayNode cols = o.putArray("columns");
    for (int c = 0; c < t.columns().size(); c++) {
      ObjectNode x = cols.addObject();
      x.put("name", t.columns().get(c));
      x.put("n", t.n()[c]);
    }
    ArrayNode rows = o.putArray("rows");
    for (var r : t.rows()) {
      ObjectNode x = rows.addObject();
      x.put("variable", r.variable());
      x.put("level", r.level());
      x.put("statistic", r.statistic());
      ArrayNode cells = x.putArray("cells");
      r.cells().forEach(cells::add);
      if (r.level().isEmpty()) {
        x.put("missing", r.missing());
        num(x, "p", r.p());
        x.put("test", r.test());
        x.put("note", r.note());
      }
    }
    return o;
  }

  private static ObjectNode validation(CrossValidationResult cv, VariantAnalysis v) {
    ObjectNode o = NODES.objectNode();
    num(o, "accuracy_mean", cv.accuracyMean());
    num(o, "accuracy_sd", cv.accuracySd());
    num(o, "balanced_accuracy_mean", cv.balancedAccuracyMean());
    num(o, "macro_f1_mean", cv.macroF1Mean());
    o.put("folds", cv.folds());
    o.put("repeats", cv.repeats());
    o.put("non_converged_fits", cv.nonConvergedFits());
    o.put("model", "multinomial ridge (glmnet parametrisation)");
    double[] lambdas = cv.lambdas();
    java.util.Arrays.sort(lambdas);
    num(o, "lambda_median", lambdas.length == 0 ? Double.NaN : lambdas[lambdas.length / 2]);
    if (cv.separationChecked()) {
      o.put("complete_separation_fits", cv.completeSeparationFits());
      o.put("quasi_separation_fits", cv.quasiSeparationFits());
    } else {
      o.putNull("complete_separation_fits");
      o.putNull("quasi_separation_fits");
    }
    var metrics = cv.pooledMetrics();
    ArrayNode perClass = o.putArray("per_class");
    for (int c = 0; c < v.k(); c++) {
      ObjectNode pc = perClass.addObject();
      pc.put("stratum", c + 1);
      num(pc, "precision", metrics.precision()[c]);
      num(pc, "recall", metrics.recall()[c]);
      num(pc, "f1", metrics.f1()[c]);
    }
    ArrayNode meanConfusion = o.putArray("confusion_mean_per_repeat");
    for (double[] row : cv.meanConfusionPerRepeat()) {
      ArrayNode r = meanConfusion.addArray();
      for (double x : row) {
        r.add(x);
      }
    }
    ArrayNode labels = o.putArray("labels");
    for (int c = 0; c < v.k(); c++) {
      labels.add(v.label(c));
    }
    // each person once per repeat: kept for recomputing pooled metrics, named so that nobody
    // reads it as counts of people
    ArrayNode confusion = o.putArray("confusion_summed_over_repeats");
    for (long[] row : cv.pooledConfusion()) {
      ArrayNode r = confusion.addArray();
      for (long x : row) {
        r.add(x);
      }
    }
    return o;
  }

  private static ObjectNode dca(StratificationResult result, VariantAnalysis v,
                                StratificationDecisionCurves.Result d) {
    DecisionCurves curves = d.curves();
    ObjectNode o = NODES.objectNode();
    o.put("outcome", result.config().outcome());
    o.put("n", curves.n());
    num(o, "prevalence", curves.prevalence());
    ArrayNode thresholds = o.putArray("thresholds");
    for (int i = 0; i < curves.grid().size(); i++) {
      thresholds.add(curves.grid().threshold(i));
    }
    ObjectNode nb = o.putObject("net_benefit");
    for (NetBenefitCurve c : curves.curves()) {
      ArrayNode a = nb.putArray(c.model());
      for (double x : c.netBenefit()) {
        if (Double.isNaN(x)) {
          a.addNull();
        } else {
          a.add(x);
        }
      }
    }
    if (d.bands().isPresent()) {
      BootstrapBands b = d.bands().get();
      ObjectNode bands = o.putObject("bands");
      bands.put("replicates", b.replicates());
      num(bands, "level", b.level());
      BootstrapBands.Band s = b.band(StratificationDecisionCurves.STRATIFICATION);
      ArrayNode lo = bands.putArray("stratification_lower");
      ArrayNode hi = bands.putArray("stratification_upper");
      for (int i = 0; i < s.lower().length; i++) {
        lo.add(s.lower()[i]);
        hi.add(s.upper()[i]);
      }
    }
    SuperiorRanges sr = d.stratificationSuperiorRanges();
    if (sr.widest().isPresent()) {
      ArrayNode range = o.putArray("superior_range");
      range.add(sr.widest().get().lo());
      range.add(sr.widest().get().hi());
    } else {
      o.putNull("superior_range");
    }
    ArrayNode all = o.putArray("superior_ranges");
    for (SuperiorRanges.ThresholdRange r : sr.ranges()) {
      ArrayNode a = all.addArray();
      a.add(r.lo());
      a.add(r.hi());
    }
    ArrayNode cmp = o.putArray("comparisons");
    for (EvidenceReport.DcaComparison c : EvidenceReport.dcaComparisons(curves)) {
      ObjectNode x = cmp.addObject();
      x.put("comparator", c.comparator());
      x.put("comparator_better", c.comparatorBetter());
      x.put("strata_better", c.strataBetter());
      x.put("comparator_lead_max", c.comparatorLeadMax());
      x.put("strata_where_behind_max", c.strataWhereBehindMax());
      x.put("flat_tie", c.flatTie());
      if (c.treated() < 0) {
        x.putNull("treated");
      } else {
        x.put("treated", c.treated());
      }
      x.put("flat", c.flat());
    }
    o.put("text", EvidenceReport.dcaParagraph(curves));
    return o;
  }

  private static void num(ObjectNode o, String field, double x) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      o.putNull(field);
    } else {
      o.put(field, x);
    }
  }

  private static void writeAssignments(StratificationResult result, Path file)
      throws IOException {
    Cohort cohort = result.cohort();
    try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
      w.write("id,variant,cluster,label,outlier,distance\n");
      for (VariantAnalysis v : result.variants()) {
        int[] rows = v.features().cohortRows();
        for (int i = 0; i < rows.length; i++) {
          int c = v.labels()[i];
          w.write(org.backstrat.core.cohort.CohortWriter.quote(cohort.id(rows[i])));
          w.write(',');
          w.write(v.name());
          w.write(',');
          w.write(Integer.toString(c + 1));
          w.write(',');
          w.write(org.backstrat.core.cohort.CohortWriter.quote(v.label(c)));
          w.write(',');
          w.write(Boolean.toString(v.outlier()[i]));
          w.write(',');
          w.write(CsvTable.number(v.distance()[i]));
          w.write('\n');
        }
      }
    }
  }

  /**
   * The tables summary.json needs beyond the report's own CSV twins (selection, strata,
   * centroids, tests, validation, confusion and decision curves are written with the report):
   * the post-hoc comparisons and the long-form decision curves with TP/FP counts.
   */
  private static void writeTables(StratificationResult result, Path dir) throws IOException {
    for (VariantAnalysis v : result.variants()) {
      String n = v.name();
      CsvTable pairs = new CsvTable("variable", "test", "cluster_a", "cluster_b", "statistic",
          "p", "p_adjusted", "p_method");
      for (StratumComparison.PairwiseRow t : v.pairwise()) {
        pairs.row(t.variable(), t.test().label(), t.stratumA() + 1, t.stratumB() + 1,
            t.statistic(), t.p(), t.pAdjusted(), t.method().name().toLowerCase(
                java.util.Locale.ROOT));
      }
      pairs.write(dir.resolve(n + "_posthoc.csv"));

      Optional<StratificationDecisionCurves.Result> d = v.dca();
      if (d.isPresent()) {
        DecisionCurves curves = d.get().curves();
        Optional<BootstrapBands> bands = d.get().bands();
        CsvTable dca = new CsvTable("threshold", "model", "net_benefit", "tp", "fp",
            "net_intervention_avoided", "net_benefit_lower", "net_benefit_upper");
        for (NetBenefitCurve c : curves.curves()) {
          BootstrapBands.Band band = bands.map(b -> b.band(c.model())).orElse(null);
          for (int i = 0; i < curves.grid().size(); i++) {
            dca.row(curves.grid().label(i), c.model(), c.netBenefit()[i],
                c.truePositives()[i], c.falsePositives()[i], c.netInterventionsAvoided()[i],
                band == null ? null : band.lower()[i], band == null ? null : band.upper()[i]);
          }
        }
        dca.write(dir.resolve(n + "_dca_counts.csv"));
      }
    }
  }

}
