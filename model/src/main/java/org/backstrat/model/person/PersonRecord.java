package org.backstrat.model.person;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.backstrat.core.BadInputException;
import org.backstrat.core.InputProblem;
import org.backstrat.core.cohort.Cohort;
import org.backstrat.core.cohort.CohortSchema;
import org.backstrat.core.cohort.ValueKind;
import org.backstrat.core.cohort.Variable;

/**
 * One person's data as a clinic has it: the raw columns of the cohort table (DESIGN.md) for a
 * single person — sex, age, BMI, smoking, the STarT Back and/or ÖMPSQ-short answers as ticked,
 * and optionally the Pfirrmann grades and facet angles — checked field by field when built.
 *
 * <p>Fields are named exactly as the cohort table's columns ({@code sbt_5}, {@code bmi},
 * {@code pfirrmann_l4l5}, {@code facet_angle_l5s1_left}), so that a person entered on a web
 * page, posted as JSON or FHIR, or read from a table row is one and the same thing. The rules
 * ({@link Builder#build}): every value within its column's range (whole numbers where the
 * column is an integer, a listed level for categories); {@code sex}, {@code bmi} and
 * {@code smoking} present; at least one questionnaire; each questionnaire, the Pfirrmann grades
 * and the facet angles whole or absent. Every problem is reported, each naming its field.
 *
 * @param id the person's pseudonymous id (never a name or a national identifier)
 * @param values numbers per column (categories as their level name in {@link #categories})
 * @param categories level per category column ({@code sex}, {@code smoking})
 */
public record PersonRecord(String id, Map<String, Double> values, Map<String, String> categories) {

  /** Where a one-person problem is said to be (there is no file). */
  public static final String SOURCE = "request";

  private static final CohortSchema SCHEMA = CohortSchema.standard();
  private static final List<String> REQUIRED = List.of("sex", "bmi", "smoking");
  /** The columns a person may have (initialised after SCHEMA, which it reads). */
  private static final List<Variable> FIELDS = schemaFields();
  /** The groups that come whole or not at all, with their columns in canonical order. */
  static final Map<CohortSchema.Group, List<String>> WHOLE_GROUPS = wholeGroups();

  public PersonRecord {
    Objects.requireNonNull(id, "id");
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    categories = Collections.unmodifiableMap(new LinkedHashMap<>(categories));
  }

  /** A builder for a person with this pseudonymous id. */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** The columns a person may have, in canonical order (the cohort schema less id, outcomes, stratum). */
  public static List<Variable> fields() {
    return FIELDS;
  }

  private static List<Variable> schemaFields() {
    List<Variable> out = new ArrayList<>();
    for (Variable v : SCHEMA.variables()) {
      CohortSchema.Group g = SCHEMA.groupOf(v);
      if (v.kind() != ValueKind.IDENTIFIER && v.kind() != ValueKind.TEXT
          && g != CohortSchema.Group.OUTCOME) {
        out.add(v);
      }
    }
    return List.copyOf(out);
  }

  /** The schema column of a field name, if it is one a person may have. */
  public static Optional<Variable> field(String name) {
    for (Variable v : FIELDS) {
      if (v.name().equals(name)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  /** Whether every column of a group (e.g. the STarT Back items) is present. */
  public boolean has(CohortSchema.Group group) {
    for (String c : WHOLE_GROUPS.get(group)) {
      if (!values.containsKey(c)) {
        return false;
      }
    }
    return true;
  }

  /** The value of a numeric column, NaN when absent. */
  public double value(String column) {
    Double v = values.get(column);
    return v == null ? Double.NaN : v;
  }

  /**
   * The person as a one-row cohort with exactly the columns present (categories coded by the
   * schema's levels), ready for the score stage and {@code StratumAssigner}, so that one person
   * goes through the very code a table does.
   */
  public Cohort toCohort() {
    Cohort c = Cohort.of(SOURCE, List.of(id));
    for (Variable v : fields()) {
      if (v.kind() == ValueKind.CATEGORY) {
        String level = categories.get(v.name());
        if (level != null) {
          c = c.withColumn(v, new double[] {v.levels().indexOf(level)});
        }
      } else if (values.containsKey(v.name())) {
        c = c.withColumn(v, new double[] {values.get(v.name())});
      }
    }
    return c;
  }

  private static Map<CohortSchema.Group, List<String>> wholeGroups() {
    Map<CohortSchema.Group, List<String>> m = new EnumMap<>(CohortSchema.Group.class);
    for (CohortSchema.Group g : List.of(CohortSchema.Group.SBT, CohortSchema.Group.OMPSQ,
        CohortSchema.Group.PFIRRMANN, CohortSchema.Group.FACET)) {
      m.put(g, SCHEMA.group(g).stream().map(Variable::name).toList());
    }
    return Collections.unmodifiableMap(m);
  }

  /**
   * Collects a person's fields; {@link #build} checks them all and reports every problem at once
   * (a {@link BadInputException} whose problems name each field, value and expectation).
   */
  public static final class Builder {
    private final String id;
    private final Map<String, Double> values = new LinkedHashMap<>();
    private final Map<String, String> categories = new LinkedHashMap<>();
    private final List<InputProblem> problems = new ArrayList<>();

    private Builder(String id) {
      this.id = id;
    }

    /** Sets a numeric field (an item answer, a grade, an angle, BMI, age). */
    public Builder number(String field, double value) {
      Optional<Variable> v = field(field);
      if (v.isEmpty()) {
        problems.add(PersonRecord.problem(field, format(value), "a known field (" + knownFields() + ")"));
      } else if (v.get().kind() == ValueKind.CATEGORY) {
        problems.add(PersonRecord.problem(field, format(value), "one of " + v.get().levels()));
      } else {
        values.put(field, value);
      }
      return this;
    }

    /** Sets a category field ({@code sex}: female/male; {@code smoking}: never/former/current). */
    public Builder category(String field, String level) {
      Optional<Variable> v = field(field);
      if (v.isEmpty()) {
        problems.add(PersonRecord.problem(field, level, "a known field (" + knownFields() + ")"));
      } else if (v.get().kind() != ValueKind.CATEGORY) {
        problems.add(PersonRecord.problem(field, "\"" + level + "\"", expected(v.get())));
      } else {
        categories.put(field, level);
      }
      return this;
    }

    /** Records a problem found while reading the field (e.g. a wrong JSON type). */
    public Builder reject(String field, String found, String expectedWords) {
      problems.add(PersonRecord.problem(field, found, expectedWords));
      return this;
    }

    /**
     * Checks every field and returns the person.
     *
     * @throws BadInputException listing every problem, each naming its field
     */
    public PersonRecord build() {
      List<InputProblem> all = new ArrayList<>(problems);
      if (id == null || id.isBlank()) {
        all.add(PersonRecord.problem("person_id", "\"" + (id == null ? "" : id) + "\"",
            "a non-empty pseudonymous id"));
      }
      for (Map.Entry<String, Double> e : values.entrySet()) {
        Variable v = field(e.getKey()).orElseThrow();
        double x = e.getValue();
        boolean ok = Double.isFinite(x) && x >= v.min() && x <= v.max()
            && (v.kind() != ValueKind.INTEGER || x == Math.rint(x));
        if (!ok) {
          all.add(PersonRecord.problem(v.name(), format(x), expected(v)));
        }
      }
      for (Map.Entry<String, String> e : categories.entrySet()) {
        Variable v = field(e.getKey()).orElseThrow();
        String level = e.getValue() == null ? "" : e.getValue().strip().toLowerCase(Locale.ROOT);
        if (!v.levels().contains(level)) {
          all.add(PersonRecord.problem(v.name(), "\"" + e.getValue() + "\"", expected(v)));
        } else {
          e.setValue(level);
        }
      }
      for (String r : REQUIRED) {
        if (!values.containsKey(r) && !categories.containsKey(r) && !mentioned(all, r)) {
          all.add(PersonRecord.problem(r, "nothing", "a value: " + expected(field(r)
              .orElseThrow()) + " (required for every variant)"));
        }
      }
      boolean anyQuestionnaire = false;
      for (Map.Entry<CohortSchema.Group, List<String>> g : WHOLE_GROUPS.entrySet()) {
        List<String> present = g.getValue().stream()
            .filter(c -> values.containsKey(c) || mentioned(all, c)).toList();
        if (present.size() == g.getValue().size() && (g.getKey() == CohortSchema.Group.SBT
            || g.getKey() == CohortSchema.Group.OMPSQ)) {
          anyQuestionnaire = true;
        }
        if (!present.isEmpty() && present.size() < g.getValue().size()) {
          for (String c : g.getValue()) {
            if (!present.contains(c)) {
              all.add(PersonRecord.problem(c, "nothing", "a value, since other "
                  + groupWords(g.getKey()) + " are given and they come all or none"));
            }
          }
        }
      }
      boolean anyItem = WHOLE_GROUPS.get(CohortSchema.Group.SBT).stream()
          .anyMatch(c -> values.containsKey(c) || mentioned(all, c))
          || WHOLE_GROUPS.get(CohortSchema.Group.OMPSQ).stream()
          .anyMatch(c -> values.containsKey(c) || mentioned(all, c));
      if (!anyQuestionnaire && !anyItem) {
        all.add(PersonRecord.problem("sbt_1..sbt_9 or ompsq_1..ompsq_10", "nothing",
            "the answers of at least one questionnaire (STarT Back or ÖMPSQ-short)"));
      }
      if (!all.isEmpty()) {
        throw new BadInputException(all);
      }
      return new PersonRecord(id, values, categories);
    }

    private static boolean mentioned(List<InputProblem> problems, String field) {
      return problems.stream().anyMatch(p -> p.column().equals(field));
    }
  }

  private static InputProblem problem(String field, String found, String expectedWords) {
    return InputProblem.error(SOURCE, 0, field, found, expectedWords);
  }

  private static String knownFields() {
    return "sex, age, bmi, smoking, sbt_1..sbt_9, ompsq_1..ompsq_10, pfirrmann_<level>, "
        + "facet_angle_<level>_<side>";
  }

  private static String groupWords(CohortSchema.Group g) {
    return switch (g) {
      case SBT -> "STarT Back answers";
      case OMPSQ -> "ÖMPSQ-short answers";
      case PFIRRMANN -> "Pfirrmann grades";
      case FACET -> "facet angles";
      default -> g.name().toLowerCase(Locale.ROOT);
    };
  }

  /** What a field accepts, in words. */
  public static String expected(Variable v) {
    return switch (v.kind()) {
      case CATEGORY -> "one of " + String.join(", ", v.levels());
      case INTEGER -> "a whole number from " + format(v.min()) + " to " + format(v.max());
      default -> "a number from " + format(v.min()) + " to " + format(v.max())
          + (v.unit().isEmpty() ? "" : " " + v.unit());
    };
  }

  private static String format(double x) {
    return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x)
        : Double.toString(x);
  }
}
