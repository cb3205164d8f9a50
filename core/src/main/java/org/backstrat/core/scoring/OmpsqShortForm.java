package org.backstrat.core.scoring;

import java.util.ArrayList;
import java.util.List;

/**
 * Scoring of the Örebro Musculoskeletal Pain Screening Questionnaire short form (Linton SJ,
 * Nicholas M, MacDonald S. Spine 2011;36:1891–1895), as fixed in DESIGN.md: item 1 (duration
 * category 1–10) is scored as is, items 2–10 (answered 0–10) as ticked except items 3, 4 and 8,
 * which are reverse-scored {@code 10 − x}. The total is the sum of the ten scored items
 * (1–100); high risk is total ≥ 50 (the published cut-off); five factor scores sum two scored
 * items each ({@link OmpsqFactor}).
 *
 * <p>Answers are passed in the published item order ({@link Instrument#OMPSQ}'s constructs),
 * as doubles with {@code NaN} for missing. A score is {@code NaN} when any item it needs is
 * missing: each factor needs its two items, the total and the high-risk flag all ten.
 */
public final class OmpsqShortForm {

  /** Number of items. */
  public static final int ITEMS = 10;
  /** Total from which a person is at high risk. */
  public static final int HIGH_RISK_TOTAL_FROM = 50;
  /** A reversed item is scored {@code REVERSAL_BASE − answer}. */
  public static final int REVERSAL_BASE = 10;

  private static final OmpsqFactor[] FACTORS = OmpsqFactor.values();

  private OmpsqShortForm() {
  }

  /**
   * The scored value of one answer: {@code 10 − answer} for the reversed items 3, 4 and 8, the
   * answer itself otherwise.
   *
   * @param construct an ÖMPSQ construct
   * @param answer the answer as ticked, NaN when missing
   * @return the scored value, NaN when missing
   * @throws IllegalArgumentException when the answer is outside the item's range or not whole
   */
  public static double scoreItem(Construct construct, double answer) {
    construct.requireAnswerOf(Instrument.OMPSQ, answer);
    if (Double.isNaN(answer)) {
      return Double.NaN;
    }
    return construct.reversed() ? REVERSAL_BASE - answer : answer;
  }

  /**
   * Total score 1–100.
   *
   * @param answers ten answers in published order, NaN = missing
   * @return the total, or NaN when any item is missing
   */
  public static double total(double[] answers) {
    // the five factors partition the ten items, so their sum is the sum of all scored items
    double sum = 0;
    for (OmpsqFactor f : FACTORS) {
      sum += factor(f, answers); // NaN propagates
    }
    return sum;
  }

  /**
   * High-risk flag from a total: 1 when total ≥ 50, 0 below, NaN when the total is missing.
   */
  public static double highRisk(double total) {
    if (Double.isNaN(total)) {
      return Double.NaN;
    }
    return total >= HIGH_RISK_TOTAL_FROM ? 1 : 0;
  }

  /**
   * One factor score.
   *
   * @param factor the factor
   * @param answers ten answers in published order, NaN = missing; only the factor's two items
   *     are read
   * @return the sum of the two scored items, or NaN when either is missing
   */
  public static double factor(OmpsqFactor factor, double[] answers) {
    checkLength(answers);
    Construct a = factor.first();
    Construct b = factor.second();
    return scoreItem(a, answers[a.position() - 1])
        + scoreItem(b, answers[b.position() - 1]); // NaN propagates
  }

  /**
   * Scores whole columns.
   *
   * @param itemColumns ten columns in published order, all of one length, NaN = missing
   * @return total, high-risk flag and the five factor scores per person
   */
  public static Scores score(double[][] itemColumns) {
    int n = ColumnBlock.rows(itemColumns, ITEMS, "ÖMPSQ item");
    double[] total = new double[n];
    double[] highRisk = new double[n];
    double[][] factors = new double[FACTORS.length][n];
    double[] answers = new double[ITEMS];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < ITEMS; k++) {
        answers[k] = itemColumns[k][i];
      }
      total[i] = total(answers);
      highRisk[i] = highRisk(total[i]);
      for (int f = 0; f < FACTORS.length; f++) {
        factors[f][i] = factor(FACTORS[f], answers);
      }
    }
    return new Scores(total, highRisk, factors);
  }

  /**
   * ÖMPSQ scores of a column-wise cohort; arrays are owned by the caller.
   *
   * @param total {@code ompsq_total}, NaN = missing
   * @param highRisk {@code ompsq_high_risk} as 1/0, NaN = missing
   * @param factors factor scores indexed by {@link OmpsqFactor#ordinal()}, NaN = missing
   */
  public record Scores(double[] total, double[] highRisk, double[][] factors) {

    /** The column of one factor. */
    public double[] factor(OmpsqFactor factor) {
      return factors[factor.ordinal()];
    }

    /** The columns in the order of {@link ScoreGroup#OMPSQ}'s derived variables. */
    public List<double[]> columns() {
      List<double[]> out = new ArrayList<>(List.of(total, highRisk));
      out.addAll(List.of(factors));
      return out;
    }
  }

  private static void checkLength(double[] answers) {
    if (answers.length != ITEMS) {
      throw new IllegalArgumentException("ÖMPSQ short form needs " + ITEMS + " answers, got "
          + answers.length);
    }
  }
}
