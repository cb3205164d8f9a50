package org.backstrat.core.synth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.backstrat.core.BadInputException;

/**
 * The parameters of the synthetic NFBC1966-like cohort (DESIGN.md, "Synthetic cohort"): stratum
 * shares and latent shifts, demographics, Pfirrmann and facet-angle models, LBP outcomes and the
 * item models of the STarT Back Tool and the ÖMPSQ short form. Immutable.
 *
 * <p>A spec is read from JSON (schema {@value #SCHEMA}) in which every parameter is an object
 * {@code {"value": ..., "source": "..."}}: the source is a citation or the word "assumption", so
 * that each number in the default cohort can be traced. {@link #defaults()} is the spec shipped
 * with backstrat; {@link #read(Path)} reads a user's spec. A bad spec is refused with a
 * {@link BadInputException} naming the file and the field.
 *
 * <p>The generative model is documented in the default spec's {@code notes} and in
 * {@link CohortSynthesizer}: each person belongs to a stratum, which shifts three latent
 * variables (psychosocial burden, degeneration, facet tropism; each N(mean, 1) within a stratum);
 * imaging, questionnaire items and LBP outcomes are generated from the latents.
 *
 * @param name a short name of the spec
 * @param demographics sex, age, BMI and smoking
 * @param strata the latent strata (not the outliers), in the order used for sampling
 * @param outliers the gross-outlier rows (stratum {@code outlier})
 * @param pfirrmann the disc degeneration model
 * @param facet the facet joint angle model
 * @param lbp the pain latent and the LBP outcomes
 * @param sbt the STarT Back item model
 * @param ompsq the ÖMPSQ-short item model
 */
public record SynthSpec(String name, Demographics demographics, List<Stratum> strata,
                        Outliers outliers, Pfirrmann pfirrmann, Facet facet, Lbp lbp, Sbt sbt,
                        Ompsq ompsq) {

  /** The schema tag a spec file must carry. */
  public static final String SCHEMA = "backstrat.synth-spec/1";
  /** The stratum written for gross-outlier rows; not allowed as a stratum name. */
  public static final String OUTLIER_STRATUM = "outlier";

  static final String DEFAULT_RESOURCE = "default-spec.json";

  public SynthSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(demographics, "demographics");
    strata = List.copyOf(strata);
    Objects.requireNonNull(outliers, "outliers");
    Objects.requireNonNull(pfirrmann, "pfirrmann");
    Objects.requireNonNull(facet, "facet");
    Objects.requireNonNull(lbp, "lbp");
    Objects.requireNonNull(sbt, "sbt");
    Objects.requireNonNull(ompsq, "ompsq");
  }

  /** The spec shipped with backstrat (resource {@code default-spec.json} of this package). */
  public static SynthSpec defaults() {
    try (InputStream in = SynthSpec.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULT_RESOURCE);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read resource " + DEFAULT_RESOURCE, e);
    }
  }

  /** Reads a spec file; a missing, unreadable or invalid file is a {@link BadInputException}. */
  public static SynthSpec read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot read the synthetic-cohort spec: "
          + e.getMessage());
    }
    return parse(text, file.toString());
  }

  /**
   * Parses spec JSON; {@code sourceName} (a file name) prefixes every error message.
   */
  public static SynthSpec parse(String json, String sourceName) {
    return new SpecReader(sourceName).read(json);
  }

  /**
   * Sex, age, BMI and smoking.
   *
   * @param femaleShare probability of {@code female}
   * @param ageMinYears smallest age (one decimal)
   * @param ageMaxYears largest age (one decimal)
   * @param bmiMeanKgPerM2 mean BMI before the stratum shift
   * @param bmiSdKgPerM2 standard deviation of BMI
   * @param bmiMinKgPerM2 BMI is clipped below here
   * @param bmiMaxKgPerM2 BMI is clipped above here
   * @param smokingShares shares of never, former, current (sum 1)
   */
  public record Demographics(double femaleShare, double ageMinYears, double ageMaxYears,
                             double bmiMeanKgPerM2, double bmiSdKgPerM2, double bmiMinKgPerM2,
                             double bmiMaxKgPerM2, List<Double> smokingShares) {
    public Demographics {
      smokingShares = List.copyOf(smokingShares);
    }
  }

  /**
   * One latent stratum.
   *
   * @param name the value written in the {@code stratum} column
   * @param share share of the non-outlier rows (strata shares sum to 1)
   * @param psychosocialMean mean of the psychosocial latent (within-stratum SD 1)
   * @param degenerationMean mean of the degeneration latent (within-stratum SD 1)
   * @param tropismMean mean of the facet tropism latent (within-stratum SD 1)
   * @param bmiShiftKgPerM2 added to the BMI mean
   */
  public record Stratum(String name, double share, double psychosocialMean,
                        double degenerationMean, double tropismMean, double bmiShiftKgPerM2) {
    public Stratum {
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * Gross outliers: implausible-but-valid combinations inside the schema ranges.
   *
   * @param share share of all rows
   * @param latentSd SD of the three latents (mean 0), wider than any stratum
   * @param bmiMinKgPerM2 BMI drawn uniformly from here ...
   * @param bmiMaxKgPerM2 ... to here
   * @param facetHalfRangeDegrees each facet angle drawn uniformly, per side and independently,
   *     within this many degrees of its level's mean angle (so |left − right| is gross)
   */
  public record Outliers(double share, double latentSd, double bmiMinKgPerM2,
                         double bmiMaxKgPerM2, double facetHalfRangeDegrees) {
  }

  /**
   * Ordered-probit model of the Pfirrmann grade per disc level: grade = cut of
   * (degenerationLoading · degeneration + levelNoiseSd · ε), with cut points solved so that the
   * non-outlier population has the target grade shares at each level.
   *
   * @param degenerationLoading weight of the degeneration latent
   * @param levelNoiseSd SD of the level-specific noise
   * @param gradeShares per level (canonical order L1/2 .. L5/S1), shares of grades 1..5
   */
  public record Pfirrmann(double degenerationLoading, double levelNoiseSd,
                          List<List<Double>> gradeShares) {
    public Pfirrmann {
      gradeShares = gradeShares.stream().map(List::copyOf).toList();
    }
  }

  /**
   * Facet joint angles at L3/4, L4/5, L5/S1: a person's orientation per level is the level mean
   * plus a person offset plus level noise; the left–right difference has magnitude
   * exp(ln(tropismMedianDegrees) + tropismLogLoading · tropism + tropismLogNoiseSd · ε) and a
   * random sign, split half to each side.
   *
   * @param meanAngleDegrees mean angle per level (canonical order)
   * @param personSdDegrees SD of the person offset shared by all levels
   * @param levelSdDegrees SD of the independent level noise
   * @param tropismMedianDegrees median |left − right| at tropism latent 0
   * @param tropismLogLoading effect of the tropism latent on log |left − right|
   * @param tropismLogNoiseSd SD of the level noise on log |left − right|
   */
  public record Facet(List<Double> meanAngleDegrees, double personSdDegrees,
                      double levelSdDegrees, double tropismMedianDegrees,
                      double tropismLogLoading, double tropismLogNoiseSd) {
    public Facet {
      meanAngleDegrees = List.copyOf(meanAngleDegrees);
    }
  }

  /**
   * LBP outcomes. A pain latent = loadings · (psychosocial, degeneration, tropism) +
   * painNoiseSd · ε; lbp_frequency is its ordered cut with cut points solved so the
   * non-outlier population has {@code frequencyShares}; lbp_bothersomeness is 0 without LBP and
   * otherwise the rounded, clipped linear predictor below.
   *
   * @param painPsychosocialLoading weight of the psychosocial latent in the pain latent
   * @param painDegenerationLoading weight of the degeneration latent
   * @param painTropismLoading weight of the tropism latent
   * @param painNoiseSd SD of the pain latent's own noise
   * @param frequencyShares target shares of lbp_frequency 0..4
   * @param bothersomenessIntercept intercept of the bothersomeness predictor (0–10 scale)
   * @param bothersomenessPainLoading weight of the pain latent
   * @param bothersomenessPsychosocialLoading weight of the psychosocial latent
   * @param bothersomenessFrequencyLoading weight of lbp_frequency
   * @param bothersomenessNoiseSd SD of the noise
   */
  public record Lbp(double painPsychosocialLoading, double painDegenerationLoading,
                    double painTropismLoading, double painNoiseSd, List<Double> frequencyShares,
                    double bothersomenessIntercept, double bothersomenessPainLoading,
                    double bothersomenessPsychosocialLoading,
                    double bothersomenessFrequencyLoading, double bothersomenessNoiseSd) {
    public Lbp {
      frequencyShares = List.copyOf(frequencyShares);
    }
  }

  /**
   * STarT Back items. Items 1–8 agree with probability logistic(intercept + psychosocial
   * loading · psychosocial + pain loading · pain + (no LBP ? no-LBP shift : 0)). Item 9 is the
   * number of {@code item9Cuts} at or below lbp_bothersomeness + item9NoiseSd · ε.
   *
   * @param itemIntercepts items 1–8
   * @param itemPsychosocialLoadings items 1–8
   * @param itemPainLoadings items 1–8
   * @param itemNoLbpShifts items 1–8: added to the logit for people with lbp_frequency 0
   * @param item9NoiseSd noise added to bothersomeness before cutting
   * @param item9Cuts four ascending cuts on the 0–10 bothersomeness scale
   */
  public record Sbt(List<Double> itemIntercepts, List<Double> itemPsychosocialLoadings,
                    List<Double> itemPainLoadings, List<Double> itemNoLbpShifts,
                    double item9NoiseSd, List<Double> item9Cuts) {
    public Sbt {
      itemIntercepts = List.copyOf(itemIntercepts);
      itemPsychosocialLoadings = List.copyOf(itemPsychosocialLoadings);
      itemPainLoadings = List.copyOf(itemPainLoadings);
      itemNoLbpShifts = List.copyOf(itemNoLbpShifts);
      item9Cuts = List.copyOf(item9Cuts);
    }
  }

  /**
   * ÖMPSQ-short raw answers (before reversal): item k = round(mean + psychosocial loading ·
   * psychosocial + pain loading · pain + frequency loading · lbp_frequency + noise SD · ε),
   * clipped to 1–10 (item 1) or 0–10. Items 3, 4 and 8 are asked positively (ability,
   * expectancy), so their loadings are negative.
   *
   * @param itemMeans items 1–10
   * @param itemPsychosocialLoadings items 1–10
   * @param itemPainLoadings items 1–10
   * @param itemFrequencyLoadings items 1–10
   * @param itemNoiseSds items 1–10
   */
  public record Ompsq(List<Double> itemMeans, List<Double> itemPsychosocialLoadings,
                      List<Double> itemPainLoadings, List<Double> itemFrequencyLoadings,
                      List<Double> itemNoiseSds) {
    public Ompsq {
      itemMeans = List.copyOf(itemMeans);
      itemPsychosocialLoadings = List.copyOf(itemPsychosocialLoadings);
      itemPainLoadings = List.copyOf(itemPainLoadings);
      itemFrequencyLoadings = List.copyOf(itemFrequencyLoadings);
      itemNoiseSds = List.copyOf(itemNoiseSds);
    }
  }
}
