package org.backstrat.core.scoring;

import java.util.Locale;
import java.util.Optional;

/**
 * What one questionnaire item measures, independent of where a printed version or an input file
 * puts it. Scoring functions key items by construct; an {@link InstrumentMapping} says which input
 * column holds each construct.
 *
 * <p>Each construct carries its position in the published item order (Hill et al. 2008 for the
 * STarT Back Tool; Linton, Nicholas &amp; MacDonald 2011 for the ÖMPSQ short form), the range of
 * admissible answers, and whether it is reverse-scored.
 */
public enum Construct {
  /** SBT 1: back pain has spread down the leg(s) in the last two weeks (1 = agree). */
  SBT_LEG_PAIN(Instrument.SBT, 1, "leg_pain", 0, 1, false,
      "back pain spread down the leg(s)"),
  /** SBT 2: pain in the shoulder or neck (comorbid pain). */
  SBT_SHOULDER_NECK_PAIN(Instrument.SBT, 2, "shoulder_neck_pain", 0, 1, false,
      "pain in the shoulder or neck"),
  /** SBT 3: only walked short distances because of back pain (disability). */
  SBT_WALKING(Instrument.SBT, 3, "walking", 0, 1, false,
      "only walked short distances because of back pain"),
  /** SBT 4: dressed more slowly than usual (disability). */
  SBT_DRESSING(Instrument.SBT, 4, "dressing", 0, 1, false, "dressed more slowly than usual"),
  /** SBT 5: not really safe to be physically active (fear). */
  SBT_FEAR(Instrument.SBT, 5, "fear", 0, 1, false,
      "not really safe to be physically active (fear)"),
  /** SBT 6: worrying thoughts (anxiety). */
  SBT_ANXIETY(Instrument.SBT, 6, "anxiety", 0, 1, false, "worrying thoughts (anxiety)"),
  /** SBT 7: back pain is terrible and never going to get better (catastrophising). */
  SBT_CATASTROPHISING(Instrument.SBT, 7, "catastrophising", 0, 1, false,
      "pain is terrible and will never get better (catastrophising)"),
  /** SBT 8: not enjoyed things as usual (depression). */
  SBT_DEPRESSION(Instrument.SBT, 8, "depression", 0, 1, false,
      "not enjoyed things as usual (depression)"),
  /** SBT 9: bothersomeness, 0 not at all, 1 slightly, 2 moderately, 3 very much, 4 extremely. */
  SBT_BOTHERSOMENESS(Instrument.SBT, 9, "bothersomeness", 0, 4, false,
      "how bothersome the back pain has been (0 not at all .. 4 extremely)"),

  /** ÖMPSQ 1: duration of the current pain, category 1 (0–1 week) to 10 (over 1 year). */
  OMPSQ_DURATION(Instrument.OMPSQ, 1, "duration", 1, 10, false,
      "duration of the current pain (category)"),
  /** ÖMPSQ 2: pain in the past week. */
  OMPSQ_PAIN(Instrument.OMPSQ, 2, "pain", 0, 10, false, "pain in the past week"),
  /** ÖMPSQ 3: "I can do light work for an hour" (reverse-scored). */
  OMPSQ_LIGHT_WORK(Instrument.OMPSQ, 3, "light_work", 0, 10, true,
      "I can do light work for an hour"),
  /** ÖMPSQ 4: "I can sleep at night" (reverse-scored). */
  OMPSQ_SLEEP(Instrument.OMPSQ, 4, "sleep", 0, 10, true, "I can sleep at night"),
  /** ÖMPSQ 5: tense or anxious. */
  OMPSQ_TENSION(Instrument.OMPSQ, 5, "tension", 0, 10, false, "tense or anxious"),
  /** ÖMPSQ 6: bothered by feeling depressed. */
  OMPSQ_DEPRESSION(Instrument.OMPSQ, 6, "depression", 0, 10, false,
      "bothered by feeling depressed"),
  /** ÖMPSQ 7: risk that the pain becomes persistent. */
  OMPSQ_PERSISTENCE_RISK(Instrument.OMPSQ, 7, "persistence_risk", 0, 10, false,
      "risk that the pain becomes persistent"),
  /** ÖMPSQ 8: chances of working normal duties in a few months (reverse-scored). */
  OMPSQ_WORK_CHANCES(Instrument.OMPSQ, 8, "work_chances", 0, 10, true,
      "chances of working normal duties in a few months"),
  /** ÖMPSQ 9: an increase in pain means I should stop what I am doing. */
  OMPSQ_STOP_WHEN_PAIN(Instrument.OMPSQ, 9, "stop_when_pain", 0, 10, false,
      "an increase in pain means I should stop"),
  /** ÖMPSQ 10: I should not do my normal work with my present pain. */
  OMPSQ_AVOID_WORK(Instrument.OMPSQ, 10, "avoid_work", 0, 10, false,
      "I should not do my normal work with my present pain");

  private final Instrument instrument;
  private final int position;
  private final String key;
  private final int minAnswer;
  private final int maxAnswer;
  private final boolean reversed;
  private final String meaning;

  Construct(Instrument instrument, int position, String name, int minAnswer, int maxAnswer,
            boolean reversed, String meaning) {
    this.instrument = instrument;
    this.position = position;
    this.key = instrument.key() + "." + name;
    this.minAnswer = minAnswer;
    this.maxAnswer = maxAnswer;
    this.reversed = reversed;
    this.meaning = meaning;
  }

  /** The instrument this item belongs to. */
  public Instrument instrument() {
    return instrument;
  }

  /** 1-based position in the published item order. */
  public int position() {
    return position;
  }

  /** Key used in instrument mapping files, e.g. {@code sbt.fear}, {@code ompsq.sleep}. */
  public String key() {
    return key;
  }

  /** Smallest admissible answer as ticked. */
  public int minAnswer() {
    return minAnswer;
  }

  /** Largest admissible answer as ticked. */
  public int maxAnswer() {
    return maxAnswer;
  }

  /** True when the item is scored as {@code 10 − answer} (ÖMPSQ items 3, 4 and 8). */
  public boolean reversed() {
    return reversed;
  }

  /** What the item asks, in a few words. */
  public String meaning() {
    return meaning;
  }

  /** Column name in the cohort table's published order, e.g. {@code sbt_5}. */
  public String standardColumn() {
    return instrument.key() + "_" + position;
  }

  /** The construct with this mapping key, compared case-insensitively. */
  public static Optional<Construct> byKey(String key) {
    String k = key.strip().toLowerCase(Locale.ROOT);
    for (Construct c : values()) {
      if (c.key.equals(k)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /**
   * Checks an answer before it is scored.
   *
   * @param instrumentExpected the instrument whose scoring function was called
   * @param answer the answer as ticked, NaN when missing (always accepted)
   * @throws IllegalArgumentException when the construct belongs to another instrument, or the
   *     answer is not a whole number within the item's range
   */
  void requireAnswerOf(Instrument instrumentExpected, double answer) {
    if (instrument != instrumentExpected) {
      throw new IllegalArgumentException(key + " is not an item of the "
          + instrumentExpected.displayName());
    }
    if (!Double.isNaN(answer) && !isAdmissible(answer)) {
      throw new IllegalArgumentException(key + ": answer " + answer + " outside " + minAnswer
          + ".." + maxAnswer);
    }
  }

  /** True when {@code answer} is a whole number within this item's answer range. */
  public boolean isAdmissible(double answer) {
    return answer == Math.rint(answer) && answer >= minAnswer && answer <= maxAnswer;
  }
}
