package org.backstrat.analysis.dca;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What the generic {@code backstrat dca} verb asks for: decision curves of probability columns
 * of a CSV file for a binary outcome column.
 *
 * @param data input CSV (header row; comma, semicolon or tab separated; UTF-8)
 * @param outcomeColumn outcome column: 0/1 or true/false in any case
 * @param predictorColumns probability columns (values in [0, 1]), at least one
 * @param thresholds threshold spec {@code lo:hi:step} (see {@link ThresholdGrid#parse})
 * @param bootstrapReplicates B for percentile bands; 0 for none
 * @param seed bootstrap seed
 * @param out output CSV
 * @param force replace an existing output
 */
public record DcaRequest(Path data, String outcomeColumn, List<String> predictorColumns,
                         String thresholds, int bootstrapReplicates, long seed, Path out,
                         boolean force) {

  public DcaRequest {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(outcomeColumn, "outcomeColumn");
    Objects.requireNonNull(thresholds, "thresholds");
    Objects.requireNonNull(out, "out");
    predictorColumns = List.copyOf(predictorColumns);
    if (bootstrapReplicates < 0) {
      throw new IllegalArgumentException("bootstrapReplicates must be >= 0: " + bootstrapReplicates);
    }
  }

  /** A request with the default thresholds 0.01:0.99:0.01, no bootstrap, seed 1, no overwrite. */
  public static DcaRequest of(Path data, String outcomeColumn, List<String> predictorColumns,
                              Path out) {
    return new DcaRequest(data, outcomeColumn, predictorColumns, ThresholdGrid.DEFAULT_SPEC, 0, 1L,
        out, false);
  }

  /** A copy with another threshold spec. */
  public DcaRequest withThresholds(String spec) {
    return new DcaRequest(data, outcomeColumn, predictorColumns, spec, bootstrapReplicates, seed,
        out, force);
  }

  /** A copy with bootstrap bands from B replicates and a seed. */
  public DcaRequest withBootstrap(int replicates, long bootstrapSeed) {
    return new DcaRequest(data, outcomeColumn, predictorColumns, thresholds, replicates,
        bootstrapSeed, out, force);
  }

  /** A copy that may replace an existing output. */
  public DcaRequest withForce(boolean replace) {
    return new DcaRequest(data, outcomeColumn, predictorColumns, thresholds, bootstrapReplicates,
        seed, out, replace);
  }
}
