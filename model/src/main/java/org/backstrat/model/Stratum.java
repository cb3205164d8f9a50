package org.backstrat.model;

import java.util.Objects;

/**
 * One stratum of a frozen model: its number and its name.
 *
 * @param id 1-based stratum number, as in assignments.csv and the report
 * @param label the stratum's name from the naming rule (e.g. {@code psychosocial}); a hint, the
 *     centre's numbers are the truth
 */
public record Stratum(int id, String label) {
  public Stratum {
    Objects.requireNonNull(label, "label");
    if (id < 1) {
      throw new IllegalArgumentException("stratum ids start at 1, not " + id);
    }
  }
}
