package org.backstrat.core.cohort;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The raw columns of a cohort table (DESIGN.md, "Cohort table"): names, kinds, ranges and which
 * groups of columns belong together. Column names are matched case-insensitively and written
 * in this canonical form; columns not listed here are carried through as extras.
 */
public final class CohortSchema {

  /** Disc levels graded for Pfirrmann degeneration, cranial to caudal. */
  public static final List<String> DISC_LEVELS = List.of("l1l2", "l2l3", "l3l4", "l4l5", "l5s1");
  /** Levels whose facet joints are measured for tropism. */
  public static final List<String> FACET_LEVELS = List.of("l3l4", "l4l5", "l5s1");

  /** A set of columns that is present or absent as a whole (a questionnaire, a reading). */
  public enum Group {
    /** id, sex, bmi, smoking: needed by every analysis. */
    CORE,
    /** Optional single columns (age, stratum). */
    OPTIONAL,
    /** STarT Back Tool items 1–9. */
    SBT,
    /** ÖMPSQ short form items 1–10. */
    OMPSQ,
    /**
     * STarT Back given as scores only (sbt_total, sbt_psychosocial), for tables that hold no
     * item answers; ranges are checked, items cannot be.
     */
    SBT_TOTALS,
    /** ÖMPSQ-short given as its five factor scores only (ompsq_total is optional beside them). */
    OMPSQ_FACTORS,
    /** ÖMPSQ-short total given without items (optional beside the factors). */
    OMPSQ_TOTAL,
    /** Pfirrmann grades at five levels. */
    PFIRRMANN,
    /** Facet joint angles, left and right, at three levels. */
    FACET,
    /** LBP frequency and bothersomeness outcomes. */
    OUTCOME
  }

  private static final CohortSchema DEFAULT = new CohortSchema();

  private final Map<String, Variable> byName;
  private final Map<String, Group> groupOf;

  private CohortSchema() {
    Map<String, Variable> vars = new LinkedHashMap<>();
    Map<String, Group> groups = new LinkedHashMap<>();
    put(vars, groups, Group.CORE, new Variable("id", ValueKind.IDENTIFIER, Double.NaN,
        Double.NaN, List.of(), "", "pseudonymous person id"));
    put(vars, groups, Group.CORE, Variable.category("sex", "sex", "female", "male"));
    put(vars, groups, Group.OPTIONAL, Variable.number("age", 0, 120, "years", "age"));
    put(vars, groups, Group.CORE, Variable.number("bmi", 10, 80, "kg/m2", "body mass index"));
    put(vars, groups, Group.CORE,
        Variable.category("smoking", "smoking status", "never", "former", "current"));
    for (int i = 1; i <= 8; i++) {
      put(vars, groups, Group.SBT,
          Variable.integer("sbt_" + i, 0, 1, "STarT Back item " + i + " (1 = agree)"));
    }
    put(vars, groups, Group.SBT,
        Variable.integer("sbt_9", 0, 4, "STarT Back item 9, bothersomeness (0 not at all .. 4 "
            + "extremely)"));
    put(vars, groups, Group.OMPSQ,
        Variable.integer("ompsq_1", 1, 10, "ÖMPSQ-short item 1, pain duration category"));
    for (int i = 2; i <= 10; i++) {
      put(vars, groups, Group.OMPSQ,
          Variable.integer("ompsq_" + i, 0, 10, "ÖMPSQ-short item " + i + " as ticked"));
    }
    put(vars, groups, Group.SBT_TOTALS, Variable.integer("sbt_total", 0, 9,
        "STarT Back total score (given without items)"));
    put(vars, groups, Group.SBT_TOTALS, Variable.integer("sbt_psychosocial", 0, 5,
        "STarT Back psychosocial subscale, items 5-9 (given without items)"));
    put(vars, groups, Group.OMPSQ_TOTAL, Variable.integer("ompsq_total", 1, 100,
        "ÖMPSQ-short total score (given without items)"));
    put(vars, groups, Group.OMPSQ_FACTORS, Variable.integer("ompsq_pain", 1, 20,
        "ÖMPSQ-short pain factor, items 1+2 (given without items)"));
    for (String factor : List.of("function", "distress", "rtw", "fear")) {
      put(vars, groups, Group.OMPSQ_FACTORS, Variable.integer("ompsq_" + factor, 0, 20,
          "ÖMPSQ-short " + factor + " factor (given without items)"));
    }
    for (String level : DISC_LEVELS) {
      put(vars, groups, Group.PFIRRMANN,
          Variable.integer("pfirrmann_" + level, 1, 5, "Pfirrmann grade at " + level));
    }
    for (String level : FACET_LEVELS) {
      for (String side : List.of("left", "right")) {
        put(vars, groups, Group.FACET, Variable.number("facet_angle_" + level + "_" + side, 0,
            90, "degrees", "facet joint angle at " + level + ", " + side));
      }
    }
    put(vars, groups, Group.OUTCOME, Variable.integer("lbp_frequency", 0, 4,
        "LBP days in past 12 months (0 none, 1 1-7, 2 8-30, 3 >30 not daily, 4 daily)"));
    put(vars, groups, Group.OUTCOME, Variable.number("lbp_bothersomeness", 0, 10, "",
        "how bothersome the LBP has been (0-10)"));
    put(vars, groups, Group.OPTIONAL,
        Variable.text("stratum", "synthetic ground truth; never a feature"));
    this.byName = Collections.unmodifiableMap(vars);
    this.groupOf = Collections.unmodifiableMap(groups);
  }

  private static void put(Map<String, Variable> vars, Map<String, Group> groups, Group group,
                          Variable v) {
    vars.put(v.name(), v);
    groups.put(v.name(), group);
  }

  /** The schema of DESIGN.md. */
  public static CohortSchema standard() {
    return DEFAULT;
  }

  /**
   * The raw columns of a full table in canonical order: the items, not the questionnaire scores
   * a table may give instead of them (see {@link #inputVariables()}).
   */
  public List<Variable> variables() {
    List<Variable> out = new ArrayList<>();
    for (Variable v : byName.values()) {
      if (!isScoreInput(groupOf.get(v.name()))) {
        out.add(v);
      }
    }
    return List.copyOf(out);
  }

  /**
   * Every column a cohort table may hold and that is typed and checked on reading, in canonical
   * order: the raw columns and the questionnaire scores accepted in place of the items
   * (sbt_total, sbt_psychosocial, ompsq_total and the five ÖMPSQ factors).
   */
  public List<Variable> inputVariables() {
    return List.copyOf(byName.values());
  }

  private static boolean isScoreInput(Group g) {
    return g == Group.SBT_TOTALS || g == Group.OMPSQ_FACTORS || g == Group.OMPSQ_TOTAL;
  }

  /** The column with this name, compared case-insensitively and ignoring surrounding blanks. */
  public Optional<Variable> find(String name) {
    return Optional.ofNullable(byName.get(name.strip().toLowerCase(Locale.ROOT)));
  }

  /** The group a schema column belongs to. */
  public Group groupOf(Variable v) {
    Group g = groupOf.get(v.name());
    if (g == null) {
      throw new IllegalArgumentException("not a schema column: " + v.name());
    }
    return g;
  }

  /** The columns of a group, in canonical order. */
  public List<Variable> group(Group group) {
    List<Variable> out = new ArrayList<>();
    for (Map.Entry<String, Group> e : groupOf.entrySet()) {
      if (e.getValue() == group) {
        out.add(byName.get(e.getKey()));
      }
    }
    return out;
  }
}
