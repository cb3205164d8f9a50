package org.backstrat.model.features;

import org.backstrat.core.BadInputException;
import org.backstrat.core.SafeName;

/**
 * One clustering feature: a cohort column (raw or derived), how it is encoded into numbers and
 * how much it weighs after scaling. Weights let a binary or three-level feature contribute no
 * more distance than a continuous one, a deliberate choice DESIGN.md asks for.
 *
 * @param name cohort column, e.g. {@code dd_sum} or {@code smoking}
 * @param encoding how the column becomes one or more numeric columns
 * @param weight multiplier applied after scaling (1 = as scaled; 0 &lt; weight)
 */
public record FeatureSpec(String name, Encoding encoding, double weight) {

  /** How a column becomes numbers. */
  public enum Encoding {
    /** The stored number itself, then scaled. */
    NUMERIC,
    /**
     * A category's level index (never, former, current = 0, 1, 2), weighted but not scaled; a
     * numeric column encoded as ordinal is scaled like a numeric one.
     */
    ORDINAL,
    /** A two-level category as 0/1, not scaled (already unit range). */
    BINARY,
    /** One 0/1 column per level except the first, not scaled. */
    ONE_HOT
  }

  /** Largest weight allowed (a weight scales a feature's distance; beyond this it swamps all). */
  public static final double MAX_WEIGHT = 1000;

  /**
   * Checks the spec.
   *
   * @throws BadInputException when the name is not a safe name ({@link SafeName}) or the weight
   *     is not in (0, {@value #MAX_WEIGHT}]
   */
  public FeatureSpec {
    SafeName.require("feature name", name);
    if (encoding == null) {
      encoding = Encoding.NUMERIC;
    }
    if (!(weight > 0 && weight <= MAX_WEIGHT)) {
      throw new BadInputException("feature " + name + ": weight " + weight
          + ": expected a number above 0 and at most " + (int) MAX_WEIGHT);
    }
  }
}
