package org.backstrat.core.synth;

import java.util.Arrays;
import java.util.Objects;

/**
 * One synthetic person with every raw column of the cohort table (DESIGN.md, "Cohort table"),
 * exactly as {@link CohortSynthesizer#write} writes it. Immutable: the arrays are copied in and
 * out. Questionnaire answers are raw (ÖMPSQ items 3, 4 and 8 not yet reversed).
 *
 * @param id pseudonymous id
 * @param sex {@code female} or {@code male}
 * @param ageYears age, one decimal
 * @param bmiKgPerM2 BMI, one decimal
 * @param smoking {@code never}, {@code former} or {@code current}
 * @param sbt STarT Back items 1–9 (items 1–8 0/1, item 9 0–4)
 * @param ompsq ÖMPSQ-short items 1–10 as ticked (item 1 1–10, others 0–10)
 * @param pfirrmann grades 1–5 at L1/2, L2/3, L3/4, L4/5, L5/S1
 * @param facetAnglesDegrees one decimal; L3/4 left, right, L4/5 left, right, L5/S1 left, right
 * @param lbpFrequency 0–4
 * @param lbpBothersomeness 0–10
 * @param stratum the latent stratum's name, or {@code outlier}
 */
public record SynthRow(String id, String sex, double ageYears, double bmiKgPerM2, String smoking,
                       int[] sbt, int[] ompsq, int[] pfirrmann, double[] facetAnglesDegrees,
                       int lbpFrequency, int lbpBothersomeness, String stratum) {

  public SynthRow {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(sex, "sex");
    Objects.requireNonNull(smoking, "smoking");
    sbt = sbt.clone();
    ompsq = ompsq.clone();
    pfirrmann = pfirrmann.clone();
    facetAnglesDegrees = facetAnglesDegrees.clone();
    Objects.requireNonNull(stratum, "stratum");
  }

  @Override
  public int[] sbt() {
    return sbt.clone();
  }

  @Override
  public int[] ompsq() {
    return ompsq.clone();
  }

  @Override
  public int[] pfirrmann() {
    return pfirrmann.clone();
  }

  @Override
  public double[] facetAnglesDegrees() {
    return facetAnglesDegrees.clone();
  }

  /** STarT Back item {@code k} (1–9). */
  public int sbtItem(int k) {
    return sbt[k - 1];
  }

  /** ÖMPSQ-short raw item {@code k} (1–10). */
  public int ompsqItem(int k) {
    return ompsq[k - 1];
  }

  /** Equal when every column is equal (arrays compared by content). */
  @Override
  public boolean equals(Object o) {
    return o instanceof SynthRow r && id.equals(r.id) && sex.equals(r.sex)
        && Double.compare(ageYears, r.ageYears) == 0
        && Double.compare(bmiKgPerM2, r.bmiKgPerM2) == 0 && smoking.equals(r.smoking)
        && Arrays.equals(sbt, r.sbt) && Arrays.equals(ompsq, r.ompsq)
        && Arrays.equals(pfirrmann, r.pfirrmann)
        && Arrays.equals(facetAnglesDegrees, r.facetAnglesDegrees)
        && lbpFrequency == r.lbpFrequency && lbpBothersomeness == r.lbpBothersomeness
        && stratum.equals(r.stratum);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, sex, ageYears, bmiKgPerM2, smoking, Arrays.hashCode(sbt),
        Arrays.hashCode(ompsq), Arrays.hashCode(pfirrmann), Arrays.hashCode(facetAnglesDegrees),
        lbpFrequency, lbpBothersomeness, stratum);
  }

  @Override
  public String toString() {
    return "SynthRow[" + id + ", " + sex + ", " + ageYears + ", " + bmiKgPerM2 + ", " + smoking
        + ", sbt=" + Arrays.toString(sbt) + ", ompsq=" + Arrays.toString(ompsq)
        + ", pfirrmann=" + Arrays.toString(pfirrmann) + ", facet="
        + Arrays.toString(facetAnglesDegrees) + ", " + lbpFrequency + ", " + lbpBothersomeness
        + ", " + stratum + "]";
  }
}
