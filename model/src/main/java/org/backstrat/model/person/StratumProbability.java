package org.backstrat.model.person;

import java.util.Objects;
import org.backstrat.model.Stratum;

/**
 * The probability of one stratum, named: a {@code p_k} of the assignment with the stratum it
 * belongs to.
 *
 * @param stratum the stratum (id and label)
 * @param probability its soft membership, 0–1
 */
public record StratumProbability(Stratum stratum, double probability) {
  public StratumProbability {
    Objects.requireNonNull(stratum, "stratum");
  }
}
