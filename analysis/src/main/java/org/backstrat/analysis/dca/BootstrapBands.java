package org.backstrat.analysis.dca;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * Percentile bootstrap bands of net benefit per model and threshold, from
 * {@link DecisionCurveBootstrap}.
 *
 * @param replicates B
 * @param seed the seed used
 * @param level coverage, e.g. 0.95
 * @param bands one per model: treat_all, treat_none, then predictors
 */
public record BootstrapBands(int replicates, long seed, double level, List<Band> bands) {

  public BootstrapBands {
    bands = List.copyOf(bands);
  }

  /**
   * The band of one model.
   *
   * @param model model name
   * @param lower lower limit per threshold
   * @param upper upper limit per threshold
   */
  public record Band(String model, double[] lower, double[] upper) {

    public Band {
      lower = lower.clone();
      upper = upper.clone();
    }

    @Override
    public double[] lower() {
      return lower.clone();
    }

    @Override
    public double[] upper() {
      return upper.clone();
    }
  }

  /** The band of a model by name. */
  public Band band(String model) {
    for (Band b : bands) {
      if (b.model().equals(model)) {
        return b;
      }
    }
    throw new NoSuchElementException("no band for " + model);
  }
}
