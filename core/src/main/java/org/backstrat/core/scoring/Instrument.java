package org.backstrat.core.scoring;

import java.util.ArrayList;
import java.util.List;

/**
 * A psychosocial screening questionnaire scored by this package. Each instrument is a fixed set
 * of {@link Construct}s; scoring always addresses an item by its construct, never by the
 * position it happens to have in a printed version or an input file.
 */
public enum Instrument {
  /** STarT Back Screening Tool, nine items (Hill et al. 2008). */
  SBT("STarT Back Tool", "sbt"),
  /**
   * Örebro Musculoskeletal Pain Screening Questionnaire, short form, ten items (Linton et al.
   * 2011).
   */
  OMPSQ("ÖMPSQ short form", "ompsq");

  private final String displayName;
  private final String key;

  Instrument(String displayName, String key) {
    this.displayName = displayName;
    this.key = key;
  }

  /** Name for people, e.g. {@code STarT Back Tool}. */
  public String displayName() {
    return displayName;
  }

  /**
   * Lower-case key: the prefix of the instrument's construct keys ({@code sbt.fear}) and of its
   * columns in the published order ({@code sbt_5}).
   */
  public String key() {
    return key;
  }

  /** The instrument's constructs in the published item order. */
  public List<Construct> constructs() {
    List<Construct> out = new ArrayList<>();
    for (Construct c : Construct.values()) {
      if (c.instrument() == this) {
        out.add(c);
      }
    }
    return List.copyOf(out);
  }

  /** Number of items. */
  public int itemCount() {
    return constructs().size();
  }
}
