package org.backstrat.core.scoring;

import java.util.List;

/**
 * Scoring of the STarT Back Screening Tool (Hill JC et al., Arthritis Rheum 2008;59:632–641),
 * as fixed in DESIGN.md: items 1–8 score 1 for "agree"; item 9 (bothersomeness) scores 1 for
 * "very much" or "extremely" (answer ≥ 3); the total is the sum of the nine scored items
 * (0–9), the psychosocial subscale the sum of scored items 5–9 (0–5). Risk group: high when
 * the psychosocial subscale is ≥ 4, otherwise low when the total is ≤ 3, otherwise medium.
 *
 * <p>Answers are passed in the published item order ({@link Instrument#SBT}'s constructs), as
 * doubles with {@code NaN} for a missing answer. A score is {@code NaN} when any item it needs is
 * missing: the psychosocial subscale needs items 5–9, the total and the risk group all nine.
 * Nothing is imputed.
 *
 * <p>These functions are pure and work on primitives so that the analysis and the
 * {@code assign} stage can reuse them for one person or a million.
 */
public final class StartBackTool {

  /** Number of items. */
  public static final int ITEMS = 9;
  /** Item 9 answers from which the item scores 1 (3 = very much, 4 = extremely). */
  public static final int BOTHERSOMENESS_SCORES_FROM = 3;
  /** First item (1-based) of the psychosocial subscale. */
  public static final int FIRST_PSYCHOSOCIAL_ITEM = 5;
  /** Psychosocial subscale from which the risk is high. */
  public static final int HIGH_RISK_PSYCHOSOCIAL_FROM = 4;
  /** Largest total that is low risk (when the psychosocial subscale is not high). */
  public static final int LOW_RISK_TOTAL_UP_TO = 3;

  private static final List<Construct> ITEM_CONSTRUCTS = Instrument.SBT.constructs();

  private StartBackTool() {
  }

  /**
   * The scored value (0 or 1) of one answer.
   *
   * @param construct an SBT construct
   * @param answer the answer as ticked, NaN when missing
   * @return 0 or 1, or NaN when the answer is missing
   * @throws IllegalArgumentException when the answer is outside the item's range or not whole
   */
  public static double scoreItem(Construct construct, double answer) {
    construct.requireAnswerOf(Instrument.SBT, answer);
    if (Double.isNaN(answer)) {
      return Double.NaN;
    }
    if (construct == Construct.SBT_BOTHERSOMENESS) {
      return answer >= BOTHERSOMENESS_SCORES_FROM ? 1 : 0;
    }
    return answer;
  }

  /**
   * Total score 0–9.
   *
   * @param answers nine answers in published order, NaN = missing
   * @return the total, or NaN when any item is missing
   */
  public static double total(double[] answers) {
    return sumScored(answers, 1);
  }

  /**
   * Psychosocial subscale 0–5 (items 5–9: fear, anxiety, catastrophising, depression,
   * bothersomeness).
   *
   * @param answers nine answers in published order, NaN = missing; items 1–4 are not read
   * @return the subscale, or NaN when any of items 5–9 is missing
   */
  public static double psychosocial(double[] answers) {
    return sumScored(answers, FIRST_PSYCHOSOCIAL_ITEM);
  }

  /**
   * Risk group from complete scores.
   *
   * @param total total score 0–9
   * @param psychosocial psychosocial subscale 0–5
   * @return high if psychosocial ≥ 4, else low if total ≤ 3, else medium
   */
  public static SbtRisk risk(int total, int psychosocial) {
    if (total < 0 || total > ITEMS || psychosocial < 0
        || psychosocial > ITEMS - FIRST_PSYCHOSOCIAL_ITEM + 1 || psychosocial > total) {
      throw new IllegalArgumentException("impossible STarT Back scores: total " + total
          + ", psychosocial " + psychosocial);
    }
    if (psychosocial >= HIGH_RISK_PSYCHOSOCIAL_FROM) {
      return SbtRisk.HIGH;
    }
    return total <= LOW_RISK_TOTAL_UP_TO ? SbtRisk.LOW : SbtRisk.MEDIUM;
  }

  /**
   * Risk group code ({@link SbtRisk#ordinal()}) from scores that may be missing.
   *
   * @return the code, or NaN when the total (hence some item) is missing
   */
  public static double riskCode(double total, double psychosocial) {
    if (Double.isNaN(total) || Double.isNaN(psychosocial)) {
      return Double.NaN;
    }
    return risk((int) total, (int) psychosocial).ordinal();
  }

  /**
   * Scores whole columns.
   *
   * @param itemColumns nine columns in published order, all of the same length, NaN = missing
   * @return total, psychosocial subscale and risk code per person
   */
  public static Scores score(double[][] itemColumns) {
    int n = ColumnBlock.rows(itemColumns, ITEMS, "STarT Back item");
    double[] total = new double[n];
    double[] psychosocial = new double[n];
    double[] risk = new double[n];
    double[] answers = new double[ITEMS];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < ITEMS; k++) {
        answers[k] = itemColumns[k][i];
      }
      total[i] = total(answers);
      psychosocial[i] = psychosocial(answers);
      risk[i] = riskCode(total[i], psychosocial[i]);
    }
    return new Scores(total, psychosocial, risk);
  }

  /**
   * STarT Back scores of a column-wise cohort. The arrays are owned by the caller once
   * returned (no copies are kept).
   *
   * @param total {@code sbt_total} per person, NaN = missing
   * @param psychosocial {@code sbt_psychosocial} per person, NaN = missing
   * @param riskCode {@code sbt_risk} as {@link SbtRisk#ordinal()}, NaN = missing
   */
  public record Scores(double[] total, double[] psychosocial, double[] riskCode) {

    /** The columns in the order of {@link ScoreGroup#SBT}'s derived variables. */
    public List<double[]> columns() {
      return List.of(total, psychosocial, riskCode);
    }
  }

  private static double sumScored(double[] answers, int firstItem) {
    if (answers.length != ITEMS) {
      throw new IllegalArgumentException("STarT Back needs " + ITEMS + " answers, got "
          + answers.length);
    }
    double sum = 0;
    boolean missing = false;
    for (int k = firstItem - 1; k < ITEMS; k++) {
      double s = scoreItem(ITEM_CONSTRUCTS.get(k), answers[k]);
      if (Double.isNaN(s)) {
        missing = true; // keep validating the other answers
      } else {
        sum += s;
      }
    }
    return missing ? Double.NaN : sum;
  }
}
