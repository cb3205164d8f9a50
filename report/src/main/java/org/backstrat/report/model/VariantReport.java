package org.backstrat.report.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything the report shows about one analysis variant (e.g. "sbt", "ompsq"). Build it with
 * {@link #builder(String)}; optional parts (projection, decision curves, trimmed-objective
 * curves) may be left out and their charts are then replaced by a sentence saying so.
 *
 * @param name variant name; also used in table file names, so letters, digits, '-' and '_' only
 * @param features clustering features, in column order of every per-feature array
 * @param method clustering method (e.g. "trimmed k-means")
 * @param k chosen number of strata
 * @param trimFraction trim fraction α (0 for non-trimming methods)
 * @param nUsed people clustered (complete cases)
 * @param nOutliers people trimmed as outliers
 * @param settings every setting of this variant, for the methods section
 * @param selection choice-of-K table, one row per K
 * @param trimmedObjective objective against α per K (may be empty)
 * @param strata the strata, in id order
 * @param projection 2-D projection, or null
 * @param tests between-stratum tests
 * @param validation validation results: the full model first, then e.g. questionnaire only
 * @param decisionCurves decision curves, or null
 * @param additions paragraphs and tables added to the variant's sections, in order
 */
public record VariantReport(String name, List<Feature> features, String method, int k, double trimFraction,
                            int nUsed, int nOutliers, List<Setting> settings, List<SelectionRow> selection,
                            List<TrimmedObjectiveCurve> trimmedObjective, List<StratumReport> strata,
                            Projection projection, List<TestRow> tests, List<ValidationResult> validation,
                            DecisionCurves decisionCurves, List<Addition> additions) {

  /** Checks names and alignment, copies lists. */
  public VariantReport {
    if (name == null || !name.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException("variant name must be letters, digits, '-' or '_': " + name);
    }
    features = List.copyOf(features);
    settings = List.copyOf(settings);
    selection = List.copyOf(selection);
    trimmedObjective = List.copyOf(trimmedObjective);
    strata = List.copyOf(strata);
    tests = List.copyOf(tests);
    validation = List.copyOf(validation);
    additions = List.copyOf(additions);
    for (StratumReport s : strata) {
      if (s.centroidZ().length != features.size()) {
        throw new IllegalArgumentException("variant " + name + ", stratum " + s.id() + ": "
            + s.centroidZ().length + " centroid values for " + features.size() + " features");
      }
    }
  }

  /** @return a builder with empty lists and no optional parts */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** Mutable builder of a {@link VariantReport}; not thread-safe. */
  public static final class Builder {
    private final String name;
    private final List<Feature> features = new ArrayList<>();
    private String method = "";
    private int k;
    private double trimFraction;
    private int nUsed;
    private int nOutliers;
    private final List<Setting> settings = new ArrayList<>();
    private final List<SelectionRow> selection = new ArrayList<>();
    private final List<TrimmedObjectiveCurve> trimmedObjective = new ArrayList<>();
    private final List<StratumReport> strata = new ArrayList<>();
    private Projection projection;
    private final List<TestRow> tests = new ArrayList<>();
    private final List<ValidationResult> validation = new ArrayList<>();
    private DecisionCurves decisionCurves;
    private final List<Addition> additions = new ArrayList<>();

    private Builder(String name) {
      this.name = name;
    }

    /** Adds clustering features in order. */
    public Builder features(List<Feature> values) {
      features.addAll(values);
      return this;
    }

    /** Sets method, chosen K and trim fraction. */
    public Builder clustering(String methodName, int chosenK, double trim) {
      this.method = methodName;
      this.k = chosenK;
      this.trimFraction = trim;
      return this;
    }

    /** Sets people used and trimmed. */
    public Builder counts(int used, int outliers) {
      this.nUsed = used;
      this.nOutliers = outliers;
      return this;
    }

    /** Adds settings. */
    public Builder settings(List<Setting> values) {
      settings.addAll(values);
      return this;
    }

    /** Adds choice-of-K rows. */
    public Builder selection(List<SelectionRow> rows) {
      selection.addAll(rows);
      return this;
    }

    /** Adds trimmed-objective curves. */
    public Builder trimmedObjective(List<TrimmedObjectiveCurve> curves) {
      trimmedObjective.addAll(curves);
      return this;
    }

    /** Adds strata. */
    public Builder strata(List<StratumReport> values) {
      strata.addAll(values);
      return this;
    }

    /** Sets the projection. */
    public Builder projection(Projection value) {
      this.projection = value;
      return this;
    }

    /** Adds test rows. */
    public Builder tests(List<TestRow> rows) {
      tests.addAll(rows);
      return this;
    }

    /** Adds validation results (full model first). */
    public Builder validation(List<ValidationResult> results) {
      validation.addAll(results);
      return this;
    }

    /** Sets the decision curves. */
    public Builder decisionCurves(DecisionCurves value) {
      this.decisionCurves = value;
      return this;
    }

    /** Adds paragraphs and tables to sections. */
    public Builder additions(List<Addition> values) {
      additions.addAll(values);
      return this;
    }

    /** @return the immutable report part */
    public VariantReport build() {
      return new VariantReport(name, features, method, k, trimFraction, nUsed, nOutliers, settings, selection,
          trimmedObjective, strata, projection, tests, validation, decisionCurves, additions);
    }
  }
}
