package org.backstrat.analysis.dca;

import java.util.Objects;

/**
 * A named predicted risk per person (a probability in [0, 1]) to be judged by its decision
 * curve: a model's predictions, a stratum's outcome rate, or a 0/1 rule such as "high risk on
 * the STarT Back Tool".
 *
 * <p>A 0/1 rule is a valid predictor: following dcurves, a risk of exactly 1 is treated at every
 * threshold and a risk of exactly 0 at none, so its decision curve is that of "treat the people the
 * rule flags".
 *
 * @param name the model name written in outputs; not {@code treat_all} or {@code treat_none}
 * @param risk one risk per person, in the order of the outcome array
 */
public record Predictor(String name, double[] risk) {

  public Predictor {
    Objects.requireNonNull(name, "name");
    if (name.equals(DecisionCurves.TREAT_ALL) || name.equals(DecisionCurves.TREAT_NONE)) {
      throw new IllegalArgumentException("the model name " + name + " is reserved");
    }
    risk = risk.clone();
    for (int i = 0; i < risk.length; i++) {
      if (!(risk[i] >= 0 && risk[i] <= 1)) {
        throw new IllegalArgumentException(name + ": risk of person " + i + " is not in [0, 1]: " + risk[i]);
      }
    }
  }

  @Override
  public double[] risk() {
    return risk.clone();
  }

  double riskAt(int i) {
    return risk[i];
  }
}
