package org.backstrat.model.person;

import java.util.Objects;

/**
 * Where a person sits on one encoded feature against every stratum's profile: the person's value
 * and each stratum's centre, both in the feature's own units (as {@code centers_original} of
 * model.json), plus the training cohort's centre of that feature.
 *
 * @param column encoded column (e.g. {@code dd_sum}, {@code smoking})
 * @param words what the column is, in plain words with its unit
 * @param personValue the person's value
 * @param stratumCentres each stratum's centre, in stratum order
 * @param cohortCentre the scaler's centre (the training median for robust scaling; 0 for
 *     columns that are not scaled)
 */
public record ProfileRow(String column, String words, double personValue,
                         double[] stratumCentres, double cohortCentre) {
  public ProfileRow {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(words, "words");
    stratumCentres = stratumCentres.clone();
  }

  /** Each stratum's centre (a copy). */
  @Override
  public double[] stratumCentres() {
    return stratumCentres.clone();
  }
}
