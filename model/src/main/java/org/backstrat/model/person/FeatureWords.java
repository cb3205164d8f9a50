package org.backstrat.model.person;

import java.util.Map;

/**
 * Plain words for the feature columns a frozen model may use (the derived scores of DESIGN.md
 * and the demographic columns), for result pages and reasons. A column not listed is shown by
 * its name; a one-hot column {@code feature=level} reads "feature is level".
 */
public final class FeatureWords {
  private static final Map<String, String> WORDS = Map.ofEntries(
      Map.entry("sbt_total", "STarT Back total score (0–9)"),
      Map.entry("sbt_psychosocial", "STarT Back psychosocial subscale (0–5)"),
      Map.entry("sbt_risk", "STarT Back risk group (0 low, 1 medium, 2 high)"),
      Map.entry("ompsq_total", "ÖMPSQ-short total (1–100)"),
      Map.entry("ompsq_high_risk", "ÖMPSQ-short high risk (total ≥ 50)"),
      Map.entry("ompsq_pain", "ÖMPSQ pain (duration + pain last week, 1–20)"),
      Map.entry("ompsq_function", "ÖMPSQ function (light work + sleep, reversed, 0–20)"),
      Map.entry("ompsq_distress", "ÖMPSQ distress (tension + depression, 0–20)"),
      Map.entry("ompsq_rtw", "ÖMPSQ return-to-work expectancy (0–20)"),
      Map.entry("ompsq_fear", "ÖMPSQ fear-avoidance (0–20)"),
      Map.entry("dd_sum", "disc degeneration (sum of five Pfirrmann grades, 5–25)"),
      Map.entry("dd_max", "worst Pfirrmann grade (1–5)"),
      Map.entry("dd_n_degenerated", "discs with Pfirrmann grade ≥ 4"),
      Map.entry("ft_max", "largest facet tropism (degrees)"),
      Map.entry("ft_l3l4", "facet tropism at L3/4 (degrees)"),
      Map.entry("ft_l4l5", "facet tropism at L4/5 (degrees)"),
      Map.entry("ft_l5s1", "facet tropism at L5/S1 (degrees)"),
      Map.entry("smoking", "smoking (0 never, 1 former, 2 current)"),
      Map.entry("sex", "sex (0 female, 1 male)"),
      Map.entry("bmi", "BMI (kg/m²)"),
      Map.entry("age", "age (years)"));

  private FeatureWords() {
  }

  /** The plain words for an encoded column. */
  public static String of(String column) {
    String w = WORDS.get(column);
    if (w != null) {
      return w;
    }
    int eq = column.indexOf('=');
    if (eq > 0) {
      return column.substring(0, eq) + " is " + column.substring(eq + 1);
    }
    return column;
  }
}
