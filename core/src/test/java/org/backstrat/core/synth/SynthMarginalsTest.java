package org.backstrat.core.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The default cohort hits the published marginals (DESIGN.md, "Synthetic cohort") on n = 20,000,
 * each within the tolerance stated in the test. Scores are computed here from the raw items by
 * the DESIGN.md rules, independently of the scoring package.
 */
class SynthMarginalsTest {

  private static final int N = 20_000;
  private static final long SEED = 20260101L;

  private static int n;
  private static int female;
  private static int[] smoking = new int[3];
  private static int[] frequency = new int[5];
  private static int bothersomeFrequent;
  private static int ompsqHighRisk;
  private static double[] sbtTotalsWithLbp;
  private static int withLbp;
  private static long[] pfirrmannSums = new long[5];
  private static int tropism7;
  private static double bmiSum;
  private static double bmiSquares;
  private static int nonOutliers;
  private static int outliers;
  private static int[][] gradeCountsNonOutliers = new int[5][5];
  private static int[] frequencyNonOutliers = new int[5];
  private static double minAge = Double.MAX_VALUE;
  private static double maxAge = -Double.MAX_VALUE;

  @BeforeAll
  static void generate() {
    double[] sbt = new double[N];
    for (SynthRow r : CohortSynthesizer.withDefaults().rows(N, SEED)) {
      n++;
      female += r.sex().equals("female") ? 1 : 0;
      smoking[switch (r.smoking()) {
        case "never" -> 0;
        case "former" -> 1;
        default -> 2;
      }]++;
      frequency[r.lbpFrequency()]++;
      if (r.lbpFrequency() >= 3 && r.lbpBothersomeness() >= 7) {
        bothersomeFrequent++;
      }
      if (ompsqTotal(r) >= 50) {
        ompsqHighRisk++;
      }
      if (r.lbpFrequency() >= 1) {
        sbt[withLbp++] = sbtTotal(r);
      }
      int[] pf = r.pfirrmann();
      for (int i = 0; i < 5; i++) {
        pfirrmannSums[i] += pf[i];
      }
      double[] a = r.facetAnglesDegrees();
      double ftMax = 0;
      for (int level = 0; level < 3; level++) {
        ftMax = Math.max(ftMax, Math.abs(a[2 * level] - a[2 * level + 1]));
      }
      tropism7 += ftMax >= 7 ? 1 : 0;
      if (r.stratum().equals(SynthSpec.OUTLIER_STRATUM)) {
        outliers++;
      } else {
        nonOutliers++;
        for (int i = 0; i < 5; i++) {
          gradeCountsNonOutliers[i][pf[i] - 1]++;
        }
        frequencyNonOutliers[r.lbpFrequency()]++;
        bmiSum += r.bmiKgPerM2();
        bmiSquares += r.bmiKgPerM2() * r.bmiKgPerM2();
      }
      minAge = Math.min(minAge, r.ageYears());
      maxAge = Math.max(maxAge, r.ageYears());
    }
    sbtTotalsWithLbp = Arrays.copyOf(sbt, withLbp);
    Arrays.sort(sbtTotalsWithLbp);
  }

  static int sbtTotal(SynthRow r) {
    int total = 0;
    for (int k = 1; k <= 8; k++) {
      total += r.sbtItem(k);
    }
    return total + (r.sbtItem(9) >= 3 ? 1 : 0);
  }

  static int ompsqTotal(SynthRow r) {
    int total = 0;
    for (int k = 1; k <= 10; k++) {
      int x = r.ompsqItem(k);
      total += (k == 3 || k == 4 || k == 8) ? 10 - x : x;
    }
    return total;
  }

  /** Quantile with linear interpolation (R type 7, numpy's default) of sorted data. */
  static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  private static double share(int count) {
    return count / (double) n;
  }

  @Test
  void fiftySevenPercentAreWomen() {
    assertThat(share(female)).isCloseTo(0.57, within(0.015));
  }

  @Test
  void sbtTotalAmongPeopleWithLbpHasMedianOneAndIqrOneToTwo() {
    assertThat(quantile(sbtTotalsWithLbp, 0.5)).isEqualTo(1.0);
    assertThat(quantile(sbtTotalsWithLbp, 0.25)).isEqualTo(1.0);
    assertThat(quantile(sbtTotalsWithLbp, 0.75)).isEqualTo(2.0);
  }

  @Test
  void lbpIs29PercentNone56MildModerate15BothersomeFrequent() {
    double none = share(frequency[0]);
    double bf = share(bothersomeFrequent);
    assertThat(none).isCloseTo(0.29, within(0.015));
    assertThat(bf).isCloseTo(0.15, within(0.02));
    assertThat(1 - none - bf).isCloseTo(0.56, within(0.03));
  }

  @Test
  void ompsqHighRiskIsFifteenToTwentyPercent() {
    assertThat(share(ompsqHighRisk)).isBetween(0.15, 0.20);
  }

  @Test
  void pfirrmannGradesWorsenCaudally() {
    for (int i = 1; i < 5; i++) {
      assertThat(pfirrmannSums[i]).as("level %d vs %d", i, i - 1)
          .isGreaterThan(pfirrmannSums[i - 1]);
    }
  }

  @Test
  void pfirrmannGradeSharesPerLevelMatchTheSpecOutsideTheOutliers() {
    SynthSpec spec = SynthSpec.defaults();
    for (int level = 0; level < 5; level++) {
      for (int g = 0; g < 5; g++) {
        assertThat(gradeCountsNonOutliers[level][g] / (double) nonOutliers)
            .as("level %d grade %d", level, g + 1)
            .isCloseTo(spec.pfirrmann().gradeShares().get(level).get(g), within(0.015));
      }
    }
  }

  @Test
  void lbpFrequencySharesMatchTheSpecOutsideTheOutliers() {
    SynthSpec spec = SynthSpec.defaults();
    for (int f = 0; f < 5; f++) {
      assertThat(frequencyNonOutliers[f] / (double) nonOutliers).as("frequency %d", f)
          .isCloseTo(spec.lbp().frequencyShares().get(f), within(0.015));
    }
  }

  @Test
  void facetTropismOfSevenDegreesIsAMinority() {
    assertThat(share(tropism7)).isBetween(0.10, 0.45);
  }

  @Test
  void bmiHasMeanAbout27AndSdAbout4point5OutsideTheOutliers() {
    double mean = bmiSum / nonOutliers;
    double sd = Math.sqrt((bmiSquares - nonOutliers * mean * mean) / (nonOutliers - 1));
    assertThat(mean).isCloseTo(27.0, within(0.5));
    assertThat(sd).isCloseTo(4.5, within(0.5));
  }

  @Test
  void smokingIsAbout45NeverThirtyFormer25Current() {
    assertThat(share(smoking[0])).isCloseTo(0.45, within(0.015));
    assertThat(share(smoking[1])).isCloseTo(0.30, within(0.015));
    assertThat(share(smoking[2])).isCloseTo(0.25, within(0.015));
  }

  @Test
  void aboutThreePercentAreGrossOutliers() {
    assertThat(share(outliers)).isCloseTo(0.03, within(0.005));
  }

  @Test
  void agesAre46To47() {
    assertThat(minAge).isGreaterThanOrEqualTo(46.0);
    assertThat(maxAge).isLessThan(48.0);
  }
}
