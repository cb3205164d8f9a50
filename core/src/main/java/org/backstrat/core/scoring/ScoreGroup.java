package org.backstrat.core.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.backstrat.core.cohort.Variable;

/**
 * A group of derived scores computed together from one set of raw columns (DESIGN.md, "Derived
 * scores"). The score stage computes a group when its raw columns are in the cohort and skips it
 * when they are all absent; {@link #derived()} lists the columns it appends, in output order,
 * with their kinds, ranges, units and meanings.
 */
public enum ScoreGroup {
  /** STarT Back total, psychosocial subscale and risk group, from sbt items 1–9. */
  SBT("STarT Back Tool scores", List.of(
      Variable.integer("sbt_total", 0, 9, "STarT Back total score (sum of 9 scored items)"),
      Variable.integer("sbt_psychosocial", 0, 5,
          "STarT Back psychosocial subscale (scored items 5-9)"),
      Variable.category("sbt_risk",
          "STarT Back risk group (high: psychosocial >= 4; low: total <= 3; else medium)",
          SbtRisk.levels().toArray(String[]::new)))),
  /** ÖMPSQ-short total, high-risk flag and five factor scores, from ompsq items 1–10. */
  OMPSQ("ÖMPSQ short form scores", ompsqVariables()),
  /** Disc degeneration summaries from the five Pfirrmann grades. */
  DISC_DEGENERATION("disc degeneration scores", List.of(
      Variable.integer("dd_sum", 5, 25, "sum of the five Pfirrmann grades"),
      Variable.integer("dd_max", 1, 5, "largest Pfirrmann grade"),
      Variable.integer("dd_n_degenerated", 0, 5, "number of disc levels with Pfirrmann grade >= "
          + DiscDegeneration.DEGENERATED_FROM_GRADE))),
  /** Facet tropism per level, maximum and threshold flags, from the six facet angles. */
  FACET_TROPISM("facet tropism scores", List.of(
      Variable.number("ft_l3l4", 0, 90, "degrees", "facet tropism |left - right| at l3l4"),
      Variable.number("ft_l4l5", 0, 90, "degrees", "facet tropism |left - right| at l4l5"),
      Variable.number("ft_l5s1", 0, 90, "degrees", "facet tropism |left - right| at l5s1"),
      Variable.number("ft_max", 0, 90, "degrees", "largest facet tropism over l3l4, l4l5, l5s1"),
      Variable.bool("ft_any_7", "facet tropism >= 7 degrees at any level"),
      Variable.bool("ft_any_10", "facet tropism >= 10 degrees at any level"))),
  /** The binary outcome {@code lbp_bothersome_frequent}. */
  LBP_OUTCOME("LBP outcome", List.of(outcomeVariable(ScoringOptions.withDefaults())));

  private final String displayName;
  private final List<Variable> derived;

  ScoreGroup(String displayName, List<Variable> derived) {
    this.displayName = displayName;
    this.derived = List.copyOf(derived);
  }

  /** Name for people, e.g. {@code facet tropism scores}. */
  public String displayName() {
    return displayName;
  }

  /**
   * The derived columns in output order. For {@link #LBP_OUTCOME} the meaning states the
   * default thresholds; the scorer writes the thresholds actually used.
   */
  public List<Variable> derived() {
    return derived;
  }

  /** Every derived column of every group, in output order. */
  public static List<Variable> allDerived() {
    List<Variable> out = new ArrayList<>();
    for (ScoreGroup g : values()) {
      out.addAll(g.derived);
    }
    return List.copyOf(out);
  }

  /** The derived column of this name, if it is one. */
  public static Optional<Variable> derivedVariable(String name) {
    for (ScoreGroup g : values()) {
      for (Variable v : g.derived) {
        if (v.name().equals(name)) {
          return Optional.of(v);
        }
      }
    }
    return Optional.empty();
  }

  /** The {@code lbp_bothersome_frequent} column, its meaning stating the given thresholds. */
  static Variable outcomeVariable(ScoringOptions options) {
    return Variable.bool("lbp_bothersome_frequent", "LBP frequency >= "
        + options.lbpFrequencyAtLeast() + " and bothersomeness >= "
        + formatRating(options.lbpBothersomenessAtLeast()));
  }

  private static String formatRating(double rating) {
    return rating == Math.rint(rating) ? Long.toString((long) rating) : Double.toString(rating);
  }

  private static List<Variable> ompsqVariables() {
    List<Variable> out = new ArrayList<>();
    out.add(Variable.integer("ompsq_total", 1, 100,
        "ÖMPSQ-short total (sum of 10 scored items; items 3, 4, 8 reversed)"));
    out.add(Variable.bool("ompsq_high_risk", "ÖMPSQ-short total >= "
        + OmpsqShortForm.HIGH_RISK_TOTAL_FROM));
    for (OmpsqFactor f : OmpsqFactor.values()) {
      out.add(Variable.integer(f.column(), f.min(), f.max(), "ÖMPSQ-short factor: "
          + f.meaning()));
    }
    return out;
  }
}
