package org.backstrat.core.synth;

/**
 * The raw values of one synthetic person, reused from row to row so that streaming a million
 * rows allocates nothing per row. Numbers that the CSV shows with one decimal are already
 * rounded to tenths here, so the in-memory rows and the file agree exactly. Package-private and
 * mutable by design; {@link SynthRow} is the immutable public view.
 */
final class RowValues {
  /** 1 = female, 0 = male. */
  int female;
  /** Age in tenths of a year. */
  int ageTenthsYears;
  /** BMI in tenths of kg/m². */
  int bmiTenthsKgPerM2;
  /** 0 never, 1 former, 2 current. */
  int smoking;
  final int[] sbt = new int[9];
  final int[] ompsq = new int[10];
  final int[] pfirrmann = new int[5];
  /** Facet angles in tenths of a degree: l3l4 left, right, l4l5 left, right, l5s1 left, right. */
  final int[] facetTenthsDegrees = new int[6];
  int lbpFrequency;
  int lbpBothersomeness;
  /** Index into the spec's strata, or -1 for a gross outlier. */
  int stratum;
}
