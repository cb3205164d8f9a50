package org.backstrat.analysis.dca;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@link DcaJob#run} did: the file written, how many rows were used and why others were
 * left out, the curves, the bootstrap bands if requested, and where each predictor beats both
 * treat-all and treat-none.
 *
 * @param output the CSV written
 * @param rowsRead data rows in the input
 * @param rowsUsed rows with outcome and every predictor present
 * @param rowsExcluded rows left out for a missing cell
 * @param missingByColumn per requested column, rows with that cell missing (a row missing two
 *     cells counts in both)
 * @param curves the decision curves
 * @param bands bootstrap bands, when B &gt; 0
 * @param superiorRanges per predictor, in request order
 */
public record DcaJobResult(Path output, int rowsRead, int rowsUsed, int rowsExcluded,
                           List<MissingCount> missingByColumn, DecisionCurves curves,
                           Optional<BootstrapBands> bands, List<PredictorRanges> superiorRanges) {

  public DcaJobResult {
    missingByColumn = List.copyOf(missingByColumn);
    superiorRanges = List.copyOf(superiorRanges);
  }

  /**
   * Rows with a missing cell in one column.
   *
   * @param column column name as in the file header
   * @param rows number of rows
   */
  public record MissingCount(String column, int rows) {
  }

  /**
   * Where one predictor beats both default strategies.
   *
   * @param predictor predictor name
   * @param ranges its superior ranges
   */
  public record PredictorRanges(String predictor, SuperiorRanges ranges) {
  }
}
