package org.backstrat.model.person;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.backstrat.cluster.data.Scaler;
import org.backstrat.model.FrozenVariant;
import org.backstrat.model.features.FeatureSpec;

/**
 * Describes a stratum in plain words: what its name means under the naming rule of the analysis
 * (psychosocial, degenerative, mixed, low-burden), then which features its centre has clearly
 * above or below the training cohort's typical value. "Clearly" is half a scale unit or more
 * (scale = the IQR for robust scaling, the SD for z-scores), measured on the scaled columns only:
 * 0/1 and category columns are left to the profile table, where every centre is shown.
 */
public final class StratumWords {
  /** Standardised distance of a centre from the cohort's centre that counts as higher/lower. */
  public static final double CLEARLY = 0.5;

  private StratumWords() {
  }

  /** The meaning of a stratum name under the analysis' naming rule. */
  public static String ofLabel(String label) {
    return switch (label.toLowerCase(Locale.ROOT)) {
      case "psychosocial" -> "Psychosocial-dominated: questionnaire scores above the cohort's "
          + "typical values, imaging findings not.";
      case "degenerative" -> "Degeneration-dominated: more disc degeneration or facet tropism on "
          + "MRI, questionnaire scores not raised.";
      case "mixed" -> "Mixed: questionnaire scores and imaging findings both raised or "
          + "intermediate.";
      case "low-burden" -> "Low burden: neither questionnaire scores nor imaging findings "
          + "raised.";
      default -> "Stratum \"" + label + "\".";
    };
  }

  /**
   * The description of stratum {@code index} (0-based) of a variant: the meaning of its name and
   * the features its centre has clearly above or below the training cohort's centre.
   */
  public static String describe(FrozenVariant v, int index) {
    Scaler scaler = v.clustering().scaler();
    double[] centre = v.clustering().centerOriginal(index);
    List<String> higher = new ArrayList<>();
    List<String> lower = new ArrayList<>();
    for (int j = 0; j < v.width(); j++) {
      if (!isScaled(v, j)) {
        continue;
      }
      double z = (centre[j] - scaler.center()[j]) / scaler.scale()[j];
      if (z >= CLEARLY) {
        higher.add(FeatureWords.of(v.columns().get(j)));
      } else if (z <= -CLEARLY) {
        lower.add(FeatureWords.of(v.columns().get(j)));
      }
    }
    StringBuilder sb = new StringBuilder(ofLabel(v.strata().get(index).label()));
    if (higher.isEmpty() && lower.isEmpty()) {
      sb.append(" Its centre is close to the training cohort's typical values on every scaled "
          + "feature.");
    } else {
      sb.append(" Compared with the training cohort's typical values its centre has");
      if (!higher.isEmpty()) {
        sb.append(" higher ").append(String.join(", ", higher));
      }
      if (!lower.isEmpty()) {
        sb.append(higher.isEmpty() ? "" : ";").append(" lower ").append(String.join(", ", lower));
      }
      sb.append('.');
    }
    return sb.toString();
  }

  /**
   * Whether encoded column {@code j} is scaled from the data: numeric features are, and so are
   * numeric columns encoded as ordinal; categories and 0/1 columns are not.
   */
  static boolean isScaled(FrozenVariant v, int j) {
    String source = v.sourceFeature().get(j);
    FeatureSpec spec = v.features().stream().filter(f -> f.name().equals(source)).findFirst()
        .orElseThrow();
    return switch (spec.encoding()) {
      case NUMERIC -> true;
      case ORDINAL -> !v.categoryLevels().containsKey(source);
      case BINARY, ONE_HOT -> false;
    };
  }
}
