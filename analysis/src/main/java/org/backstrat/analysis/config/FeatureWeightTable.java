package org.backstrat.analysis.config;

import java.util.Locale;
import org.backstrat.model.features.FeatureSpec;

/**
 * The variants' features, encodings and weights of a config as a Markdown table. README.md
 * carries this table for the shipped defaults between the markers {@link #BEGIN} and
 * {@link #END}, and a test compares it with {@link #markdown(AnalysisConfig)} of
 * {@link AnalysisConfig#defaults()}, so the documentation cannot drift from what ships.
 */
public final class FeatureWeightTable {
  /** Line before the generated table in README.md. */
  public static final String BEGIN = "<!-- generated from default-analysis.json by "
      + "FeatureWeightTable; a test checks it -->";
  /** Line after the generated table in README.md. */
  public static final String END = "<!-- end of generated table -->";

  private FeatureWeightTable() {
  }

  /** The table, one row per variant and feature, with a trailing newline. */
  public static String markdown(AnalysisConfig config) {
    StringBuilder sb = new StringBuilder();
    sb.append("| variant | feature | encoding | weight | role |\n");
    sb.append("|---|---|---|---|---|\n");
    for (VariantConfig v : config.variants()) {
      for (FeatureSpec f : v.features()) {
        String role = v.psychosocial().contains(f.name()) ? "psychosocial"
            : v.imaging().contains(f.name()) ? "imaging" : "demographic / lifestyle";
        sb.append("| ").append(v.name()).append(" | `").append(f.name()).append("` | ")
            .append(f.encoding().name().toLowerCase(Locale.ROOT).replace('_', '-'))
            .append(" | ").append(weight(f.weight())).append(" | ").append(role).append(" |\n");
      }
    }
    return sb.toString();
  }

  /** A weight as a short decimal, with 1/√n where it is one and not a plain fraction (n features sharing one's weight). */
  static String weight(double w) {
    String decimal = String.format(Locale.ROOT, "%.4g", w).replaceFirst("\\.?0+$", "");
    double n = 1 / (w * w);
    long whole = Math.round(n);
    long root = Math.round(Math.sqrt(whole));
    if (whole >= 2 && Math.abs(n - whole) < 1e-9 && root * root != whole) {
      return "1/√" + whole + " ≈ " + String.format(Locale.ROOT, "%.3f", w);
    }
    return decimal;
  }
}
