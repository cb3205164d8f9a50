package org.backstrat.core.synth;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * The generative model of {@link SynthSpec}, compiled into primitive arrays once so that the
 * per-row work is plain arithmetic. {@link #generate} fills one {@link RowValues} from a random
 * source; the number and order of draws depend only on the row's own draws, so a block of rows
 * generated from the same seeded source is always the same.
 *
 * <p>Per person: stratum (or gross outlier) → sex, age, smoking (independent of stratum) →
 * latents psychosocial P, degeneration D, tropism T ~ N(stratum mean, 1) → BMI → Pfirrmann grades
 * (ordered probit on D) → facet angles (orientation + tropism from T) → pain latent
 * L = aP·P + aD·D + aT·T + noise → lbp_frequency (ordered cut of L) → bothersomeness → SBT items
 * (logistic in P and L; item 9 from bothersomeness) → ÖMPSQ items (linear in P, L, frequency).
 */
final class SynthModel {

  private static final int FACET_LEVELS = 3;

  private final double femaleShare;
  private final int ageMinTenths;
  private final int ageSteps;
  private final double bmiMean;
  private final double bmiSd;
  private final double bmiMin;
  private final double bmiMax;
  private final double[] smokingCumulative;

  private final double outlierShare;
  private final double[] stratumCumulative;
  private final double[] psychosocialMean;
  private final double[] degenerationMean;
  private final double[] tropismMean;
  private final double[] bmiShift;

  private final double outlierLatentSd;
  private final double outlierBmiMin;
  private final double outlierBmiMax;
  private final double outlierHalfRange;

  private final double pfLoading;
  private final double pfNoiseSd;
  private final double[][] pfCuts;

  private final double[] facetMean;
  private final double facetPersonSd;
  private final double facetLevelSd;
  private final double tropismLogMedian;
  private final double tropismLogLoading;
  private final double tropismLogNoiseSd;

  private final double painP;
  private final double painD;
  private final double painT;
  private final double painNoiseSd;
  private final double[] frequencyCuts;
  private final double botherIntercept;
  private final double botherPain;
  private final double botherPsych;
  private final double botherFrequency;
  private final double botherNoiseSd;

  private final double[] sbtIntercept;
  private final double[] sbtPsych;
  private final double[] sbtPain;
  private final double[] sbtNoLbpShift;
  private final double sbt9NoiseSd;
  private final double[] sbt9Cuts;

  private final double[] ompsqMean;
  private final double[] ompsqPsych;
  private final double[] ompsqPain;
  private final double[] ompsqFrequency;
  private final double[] ompsqNoiseSd;

  SynthModel(SynthSpec spec) {
    SynthSpec.Demographics d = spec.demographics();
    femaleShare = d.femaleShare();
    ageMinTenths = (int) Math.round(d.ageMinYears() * 10);
    ageSteps = (int) Math.round(d.ageMaxYears() * 10) - ageMinTenths + 1;
    bmiMean = d.bmiMeanKgPerM2();
    bmiSd = d.bmiSdKgPerM2();
    bmiMin = d.bmiMinKgPerM2();
    bmiMax = d.bmiMaxKgPerM2();
    smokingCumulative = cumulative(d.smokingShares());

    int k = spec.strata().size();
    outlierShare = spec.outliers().share();
    double[] shares = new double[k];
    psychosocialMean = new double[k];
    degenerationMean = new double[k];
    tropismMean = new double[k];
    bmiShift = new double[k];
    for (int s = 0; s < k; s++) {
      SynthSpec.Stratum st = spec.strata().get(s);
      shares[s] = st.share();
      psychosocialMean[s] = st.psychosocialMean();
      degenerationMean[s] = st.degenerationMean();
      tropismMean[s] = st.tropismMean();
      bmiShift[s] = st.bmiShiftKgPerM2();
    }
    stratumCumulative = cumulative(shares);

    SynthSpec.Outliers o = spec.outliers();
    outlierLatentSd = o.latentSd();
    outlierBmiMin = o.bmiMinKgPerM2();
    outlierBmiMax = o.bmiMaxKgPerM2();
    outlierHalfRange = o.facetHalfRangeDegrees();

    SynthSpec.Pfirrmann p = spec.pfirrmann();
    pfLoading = p.degenerationLoading();
    pfNoiseSd = p.levelNoiseSd();
    pfCuts = new double[p.gradeShares().size()][];
    double[] pfMeans = new double[k];
    double[] pfSds = new double[k];
    for (int s = 0; s < k; s++) {
      pfMeans[s] = pfLoading * degenerationMean[s];
      pfSds[s] = Math.hypot(pfLoading, pfNoiseSd);
    }
    for (int level = 0; level < pfCuts.length; level++) {
      pfCuts[level] = OrdinalCuts.solve(shares, pfMeans, pfSds,
          toArray(p.gradeShares().get(level)));
    }

    SynthSpec.Facet f = spec.facet();
    facetMean = toArray(f.meanAngleDegrees());
    facetPersonSd = f.personSdDegrees();
    facetLevelSd = f.levelSdDegrees();
    tropismLogMedian = Math.log(f.tropismMedianDegrees());
    tropismLogLoading = f.tropismLogLoading();
    tropismLogNoiseSd = f.tropismLogNoiseSd();

    SynthSpec.Lbp l = spec.lbp();
    painP = l.painPsychosocialLoading();
    painD = l.painDegenerationLoading();
    painT = l.painTropismLoading();
    painNoiseSd = l.painNoiseSd();
    double[] painMeans = new double[k];
    double[] painSds = new double[k];
    double painSd = Math.sqrt(painP * painP + painD * painD + painT * painT
        + painNoiseSd * painNoiseSd);
    for (int s = 0; s < k; s++) {
      painMeans[s] = painP * psychosocialMean[s] + painD * degenerationMean[s]
          + painT * tropismMean[s];
      painSds[s] = painSd;
    }
    frequencyCuts = OrdinalCuts.solve(shares, painMeans, painSds, toArray(l.frequencyShares()));
    botherIntercept = l.bothersomenessIntercept();
    botherPain = l.bothersomenessPainLoading();
    botherPsych = l.bothersomenessPsychosocialLoading();
    botherFrequency = l.bothersomenessFrequencyLoading();
    botherNoiseSd = l.bothersomenessNoiseSd();

    SynthSpec.Sbt b = spec.sbt();
    sbtIntercept = toArray(b.itemIntercepts());
    sbtPsych = toArray(b.itemPsychosocialLoadings());
    sbtPain = toArray(b.itemPainLoadings());
    sbtNoLbpShift = toArray(b.itemNoLbpShifts());
    sbt9NoiseSd = b.item9NoiseSd();
    sbt9Cuts = toArray(b.item9Cuts());

    SynthSpec.Ompsq q = spec.ompsq();
    ompsqMean = toArray(q.itemMeans());
    ompsqPsych = toArray(q.itemPsychosocialLoadings());
    ompsqPain = toArray(q.itemPainLoadings());
    ompsqFrequency = toArray(q.itemFrequencyLoadings());
    ompsqNoiseSd = toArray(q.itemNoiseSds());
  }

  /** Fills {@code r} with one person drawn from {@code rng} (and {@code z} built on it). */
  void generate(UniformRandomProvider rng, NormalizedGaussianSampler z, RowValues r) {
    double u = rng.nextDouble();
    boolean outlier = u < outlierShare;
    int s = outlier ? -1 : pick(stratumCumulative, (u - outlierShare) / (1 - outlierShare));
    r.stratum = s;
    r.female = rng.nextDouble() < femaleShare ? 1 : 0;
    r.ageTenthsYears = ageMinTenths + rng.nextInt(ageSteps);
    r.smoking = pick(smokingCumulative, rng.nextDouble());

    double psych;
    double degeneration;
    double tropism;
    if (outlier) {
      psych = outlierLatentSd * z.sample();
      degeneration = outlierLatentSd * z.sample();
      tropism = outlierLatentSd * z.sample();
      double bmi = outlierBmiMin + (outlierBmiMax - outlierBmiMin) * rng.nextDouble();
      r.bmiTenthsKgPerM2 = tenths(bmi);
      for (int level = 0; level < r.pfirrmann.length; level++) {
        r.pfirrmann[level] = 1 + rng.nextInt(5);
      }
      for (int i = 0; i < r.facetTenthsDegrees.length; i++) {
        double angle = facetMean[i / 2] + outlierHalfRange * (2 * rng.nextDouble() - 1);
        r.facetTenthsDegrees[i] = tenths(clip(angle, 0, 90));
      }
    } else {
      psych = psychosocialMean[s] + z.sample();
      degeneration = degenerationMean[s] + z.sample();
      tropism = tropismMean[s] + z.sample();
      double bmi = bmiMean + bmiShift[s] + bmiSd * z.sample();
      r.bmiTenthsKgPerM2 = tenths(clip(bmi, bmiMin, bmiMax));
      for (int level = 0; level < r.pfirrmann.length; level++) {
        double latent = pfLoading * degeneration + pfNoiseSd * z.sample();
        r.pfirrmann[level] = 1 + category(pfCuts[level], latent);
      }
      facetAngles(rng, z, tropism, r);
    }

    double pain = painP * psych + painD * degeneration + painT * tropism
        + painNoiseSd * z.sample();
    int frequency = category(frequencyCuts, pain);
    r.lbpFrequency = frequency;
    double botherNoise = z.sample();
    if (frequency == 0) {
      r.lbpBothersomeness = 0;
    } else {
      double bother = botherIntercept + botherPain * pain + botherPsych * psych
          + botherFrequency * frequency + botherNoiseSd * botherNoise;
      r.lbpBothersomeness = (int) clip(Math.rint(bother), 0, 10);
    }

    for (int i = 0; i < sbtIntercept.length; i++) {
      double eta = sbtIntercept[i] + sbtPsych[i] * psych + sbtPain[i] * pain
          + (frequency == 0 ? sbtNoLbpShift[i] : 0);
      double agree = 1 / (1 + Math.exp(-eta));
      r.sbt[i] = rng.nextDouble() < agree ? 1 : 0;
    }
    r.sbt[8] = category(sbt9Cuts, r.lbpBothersomeness + sbt9NoiseSd * z.sample());

    for (int i = 0; i < ompsqMean.length; i++) {
      double raw = ompsqMean[i] + ompsqPsych[i] * psych + ompsqPain[i] * pain
          + ompsqFrequency[i] * frequency + ompsqNoiseSd[i] * z.sample();
      r.ompsq[i] = (int) clip(Math.rint(raw), i == 0 ? 1 : 0, 10);
    }
  }

  private void facetAngles(UniformRandomProvider rng, NormalizedGaussianSampler z,
                           double tropism, RowValues r) {
    double person = facetPersonSd * z.sample();
    for (int level = 0; level < FACET_LEVELS; level++) {
      double orientation = facetMean[level] + person + facetLevelSd * z.sample();
      double difference = Math.exp(tropismLogMedian + tropismLogLoading * tropism
          + tropismLogNoiseSd * z.sample());
      double half = rng.nextBoolean() ? 0.5 * difference : -0.5 * difference;
      r.facetTenthsDegrees[2 * level] = tenths(clip(orientation + half, 0, 90));
      r.facetTenthsDegrees[2 * level + 1] = tenths(clip(orientation - half, 0, 90));
    }
  }

  /** Number of cuts at or below x: the 0-based category of an ordered cut. */
  private static int category(double[] cuts, double x) {
    int c = 0;
    while (c < cuts.length && x >= cuts[c]) {
      c++;
    }
    return c;
  }

  /** The index whose cumulative share first exceeds u (the last index guards rounding). */
  private static int pick(double[] cumulative, double u) {
    for (int i = 0; i < cumulative.length - 1; i++) {
      if (u < cumulative[i]) {
        return i;
      }
    }
    return cumulative.length - 1;
  }

  private static int tenths(double x) {
    return (int) Math.round(x * 10);
  }

  private static double clip(double x, double lo, double hi) {
    return Math.max(lo, Math.min(hi, x));
  }

  private static double[] cumulative(double[] shares) {
    double[] out = new double[shares.length];
    double sum = 0;
    for (int i = 0; i < shares.length; i++) {
      sum += shares[i];
      out[i] = sum;
    }
    return out;
  }

  private static double[] cumulative(List<Double> shares) {
    return cumulative(toArray(shares));
  }

  private static double[] toArray(List<Double> values) {
    double[] out = new double[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }
}
