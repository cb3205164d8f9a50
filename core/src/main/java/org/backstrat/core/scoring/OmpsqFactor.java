package org.backstrat.core.scoring;

import java.util.List;

/**
 * The five two-item factors of the ÖMPSQ short form (Linton, Nicholas &amp; MacDonald 2011),
 * each the sum of its two items after reversal of items 3, 4 and 8 (range 0–20; pain 1–20
 * because the duration item starts at 1).
 */
public enum OmpsqFactor {
  /** Pain: duration (1) + pain in the past week (2). */
  PAIN("ompsq_pain", "pain (duration + pain in the past week)",
      Construct.OMPSQ_DURATION, Construct.OMPSQ_PAIN),
  /** Function: light work (3, reversed) + sleep (4, reversed). */
  FUNCTION("ompsq_function", "function (light work + sleep, reversed)",
      Construct.OMPSQ_LIGHT_WORK, Construct.OMPSQ_SLEEP),
  /** Distress: tense or anxious (5) + depressed (6). */
  DISTRESS("ompsq_distress", "distress (tense/anxious + depressed)",
      Construct.OMPSQ_TENSION, Construct.OMPSQ_DEPRESSION),
  /** Return-to-work expectancy: persistence risk (7) + work chances (8, reversed). */
  RETURN_TO_WORK("ompsq_rtw", "return-to-work expectancy (persistence risk + work chances, "
      + "reversed)", Construct.OMPSQ_PERSISTENCE_RISK, Construct.OMPSQ_WORK_CHANCES),
  /** Fear-avoidance: stop when pain increases (9) + avoid normal work (10). */
  FEAR_AVOIDANCE("ompsq_fear", "fear-avoidance (stop when pain + avoid normal work)",
      Construct.OMPSQ_STOP_WHEN_PAIN, Construct.OMPSQ_AVOID_WORK);

  private final String column;
  private final String meaning;
  private final Construct first;
  private final Construct second;

  OmpsqFactor(String column, String meaning, Construct first, Construct second) {
    this.column = column;
    this.meaning = meaning;
    this.first = first;
    this.second = second;
  }

  /** Derived column name, e.g. {@code ompsq_rtw}. */
  public String column() {
    return column;
  }

  /** What the factor measures. */
  public String meaning() {
    return meaning;
  }

  /** The two items summed, in published order. */
  public List<Construct> items() {
    return List.of(first, second);
  }

  /** The first of the two items in published order. */
  public Construct first() {
    return first;
  }

  /** The second of the two items in published order. */
  public Construct second() {
    return second;
  }

  /** Smallest possible factor score. */
  public int min() {
    return first.minAnswer() + second.minAnswer();
  }

  /** Largest possible factor score. */
  public int max() {
    return first.maxAnswer() + second.maxAnswer();
  }
}
