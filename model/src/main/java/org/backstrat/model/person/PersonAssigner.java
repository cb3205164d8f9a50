package org.backstrat.model.person;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.backstrat.core.cohort.Cohort;
import org.backstrat.core.scoring.CohortScorer;
import org.backstrat.core.scoring.SbtRisk;
import org.backstrat.model.AssignedRow;
import org.backstrat.model.FallbackModel;
import org.backstrat.model.FrozenModel;
import org.backstrat.model.FrozenVariant;
import org.backstrat.model.Placement;
import org.backstrat.model.StratumAssigner;
import org.backstrat.model.features.FeatureEncoder;

/**
 * Assesses one person against a frozen model, as a clinic has them: the person becomes a
 * one-row cohort, is scored by the score stage with the model's scoring options and assigned by
 * {@link StratumAssigner} — the very code {@code backstrat assign} runs on a table, so the rules
 * are the same — and each variant's answer is then explained: probabilities named by stratum,
 * the stratum in plain words, the person against each stratum's profile, an outlier warning and
 * the reasons. Each variant the person's data allow is assigned (a person with STarT Back
 * answers only gets the {@code sbt} variant); the others say which features are missing.
 *
 * <p>Stateless and thread-safe: a server calls it concurrently with one shared model.
 */
public final class PersonAssigner {

  private PersonAssigner() {
  }

  /**
   * Assesses one person.
   *
   * @param model the frozen model
   * @param person the person, already checked by {@link PersonRecord.Builder#build}
   * @return one answer per variant of the model and the screening tools' risk groups
   */
  public static PersonAssessment assess(FrozenModel model, PersonRecord person) {
    Cohort scored = CohortScorer.withDefaults().withOptions(model.scoring())
        .score(person.toCohort()).cohort();
    List<VariantAssessment> variants = new ArrayList<>();
    for (FrozenVariant v : model.variants()) {
      AssignedRow row = StratumAssigner.assign(v, scored).get(0);
      variants.add(row.placement().isPresent()
          ? explain(v, scored, row)
          : notAssigned(v, row));
    }
    return new PersonAssessment(person, screening(scored), variants);
  }

  private static ScreeningScores screening(Cohort scored) {
    double sbtTotal = first(scored, "sbt_total");
    double sbtPsy = first(scored, "sbt_psychosocial");
    double sbtRisk = first(scored, "sbt_risk");
    double ompsqTotal = first(scored, "ompsq_total");
    double ompsqHigh = first(scored, "ompsq_high_risk");
    return new ScreeningScores(sbtTotal, sbtPsy,
        Double.isNaN(sbtRisk) ? Optional.empty() : Optional.of(SbtRisk.values()[(int) sbtRisk]),
        ompsqTotal, Double.isNaN(ompsqHigh) ? Optional.empty() : Optional.of(ompsqHigh == 1));
  }

  private static double first(Cohort c, String column) {
    return c.has(column) ? c.values(column)[0] : Double.NaN;
  }

  private static VariantAssessment notAssigned(FrozenVariant v, AssignedRow row) {
    return new VariantAssessment(v.name(), VariantAssessment.Basis.NOT_ASSIGNED, Double.NaN,
        Optional.empty(), List.of(), "", List.of(), Optional.empty(), List.of(),
        row.missingFeatures(), "no stratum in the " + v.name() + " variant: missing "
            + String.join(", ", row.missingFeatures()));
  }

  private static VariantAssessment explain(FrozenVariant v, Cohort scored, AssignedRow row) {
    Placement p = row.placement().orElseThrow();
    boolean fallback = p.basis() == Placement.Basis.FALLBACK;
    FallbackModel f = fallback ? v.fallback().orElseThrow() : null;
    List<String> columns = fallback ? f.columns() : v.columns();
    double[] x = FeatureEncoder.encode(scored, v.name(), fallback ? f.features() : v.features(),
        false).matrix()[0];
    double[] prob = p.probabilities();
    List<StratumProbability> named = new ArrayList<>();
    int runnerUp = -1;
    int best = p.stratum().id() - 1;
    for (int c = 0; c < v.k(); c++) {
      named.add(new StratumProbability(v.strata().get(c), prob[c]));
      if (c != best && (runnerUp < 0 || prob[c] > prob[runnerUp])) {
        runnerUp = c;
      }
    }
    double[][] centres = v.clustering().centersOriginal();
    List<ProfileRow> profile = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      String col = columns.get(i);
      int j = v.columns().indexOf(col);
      double[] cj = new double[v.k()];
      for (int c = 0; c < v.k(); c++) {
        cj[c] = centres[c][j];
      }
      profile.add(new ProfileRow(col, FeatureWords.of(col), x[i], cj,
          v.clustering().scaler().center()[j]));
    }
    List<String> reasons = new ArrayList<>();
    for (String col : p.topFeatures()) {
      int i = columns.indexOf(col);
      int j = v.columns().indexOf(col);
      String a = v.strata().get(best).label();
      String b = v.strata().get(runnerUp).label();
      reasons.add(FeatureWords.of(col) + ": " + number(x[i]) + (fallback
          ? ", which favours " + a + " over " + b + " in the fallback model (stratum centres "
              + number(centres[best][j]) + " and " + number(centres[runnerUp][j]) + ")"
          : ", nearer the " + a + " centre (" + number(centres[best][j]) + ") than the " + b
              + " centre (" + number(centres[runnerUp][j]) + ")"));
    }
    Optional<String> warning = Optional.empty();
    if (p.outlier()) {
      double fraction = v.clustering().fit().trimFraction();
      warning = Optional.of("Outlier: this person lies farther from every stratum centre (distance "
          + number(p.distance()) + ") than the trim radius (" + number(v.clustering().fit()
          .trimRadius()) + ") beyond which the " + percent(fraction) + " most unusual people of "
          + "the training cohort were set aside. The nearest stratum is shown, but the person is "
          + "unlike those the model was trained on: interpret with care.");
    }
    if (fallback) {
      return new VariantAssessment(v.name(), VariantAssessment.Basis.FALLBACK, f.accuracyMean(),
          Optional.of(p), named, StratumWords.describe(v, best), profile, warning, reasons,
          row.missingFeatures(), "no " + String.join(", ", row.missingFeatures()) + ": the "
              + "stratum comes from the fallback model (questionnaire and demographics), "
              + "cross-validated accuracy " + (Double.isFinite(f.accuracyMean())
              ? number(f.accuracyMean()) : "unknown") + ", less sure than the clustering");
    }
    return new VariantAssessment(v.name(), VariantAssessment.Basis.CLUSTERING,
        v.training().accuracyMean(), Optional.of(p), named, StratumWords.describe(v, best),
        profile, warning, reasons, List.of(), "");
  }

  /** A number for people: whole numbers as such, others to at most 2 decimals. */
  public static String number(double x) {
    if (Double.isNaN(x)) {
      return "–";
    }
    if (x == Math.rint(x) && Math.abs(x) < 1e15) {
      return Long.toString((long) x);
    }
    return new BigDecimal(x).setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros()
        .toPlainString();
  }

  private static String percent(double fraction) {
    return number(fraction * 100) + "%";
  }
}
