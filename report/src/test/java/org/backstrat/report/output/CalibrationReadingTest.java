package org.backstrat.report.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Issue 14: the calibration caption says what the slopes found mean, not only what a slope
 * means in general (the demo's ridge model has slopes of 1.4 to 2.7, too cautious).
 */
class CalibrationReadingTest {

  @Test
  void slopesAboveOneAreReadAsTooCautiousProbabilities() {
    assertThat(EvidenceReport.calibrationReading(new double[] {2.13, 2.74, 1.59}))
        .contains("above 1", "too cautious", "ridge");
  }

  @Test
  void slopesBelowOneAreReadAsOverfitting() {
    assertThat(EvidenceReport.calibrationReading(new double[] {0.5, 0.7}))
        .contains("below 1", "too extreme", "overfitting");
  }

  @Test
  void slopesNearOneAreReadAsCalibratedAndMixedSlopesAsMixed() {
    assertThat(EvidenceReport.calibrationReading(new double[] {0.95, 1.1}))
        .contains("within 0.8 to 1.2");
    assertThat(EvidenceReport.calibrationReading(new double[] {0.5, 1.0, 2.0}))
        .contains("differ between strata");
  }
}
