package org.backstrat.core.scoring;

import java.util.List;
import java.util.Locale;

/**
 * STarT Back risk group (Hill et al. 2008). Stored in a cohort as a category whose code is the
 * {@link #ordinal()}, so the codes are ordered low &lt; medium &lt; high.
 */
public enum SbtRisk {
  /** Total score 0–3 (and psychosocial subscale below 4). */
  LOW,
  /** Total score 4–9 with psychosocial subscale 0–3. */
  MEDIUM,
  /** Psychosocial subscale 4–5, whatever the total. */
  HIGH;

  /** Level name as written in outputs: {@code low}, {@code medium}, {@code high}. */
  public String level() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Level names in code order, for the derived column's {@code Variable}. */
  public static List<String> levels() {
    return List.of(LOW.level(), MEDIUM.level(), HIGH.level());
  }
}
