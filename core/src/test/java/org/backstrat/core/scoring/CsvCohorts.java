package org.backstrat.core.scoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.backstrat.core.cohort.Cohort;
import org.backstrat.core.cohort.CohortSchema;
import org.backstrat.core.cohort.ValueKind;
import org.backstrat.core.cohort.Variable;

/**
 * Test fixture reader: builds a {@link Cohort} straight from a CSV resource with commons-csv
 * (the project's reader lives in another package and is not used here). Schema columns become
 * coded columns of their kind, any other column a text column; columns listed as "expected" are
 * kept aside as strings.
 */
final class CsvCohorts {

  /** A cohort read from CSV plus the expected cells of some columns, by column then row. */
  record Fixture(Cohort cohort, Map<String, List<String>> expected) {
  }

  private CsvCohorts() {
  }

  static Fixture read(String resource, Set<String> expectedColumns) {
    InputStream in = CsvCohorts.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing test resource " + resource);
    }
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return parse(resource, reader, expectedColumns);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A cohort from CSV lines given in a test (header first, comma-separated). */
  static Cohort of(String source, String... lines) {
    try {
      return parse(source, new StringReader(String.join("\n", lines) + "\n"), Set.of()).cohort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Fixture parse(String source, Reader reader, Set<String> expectedColumns)
      throws IOException {
    try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
        .get().parse(reader)) {
      List<String> header = parser.getHeaderNames();
      List<CSVRecord> records = parser.getRecords();
      List<String> ids = new ArrayList<>();
      for (CSVRecord r : records) {
        ids.add(r.get("id"));
      }
      Cohort cohort = Cohort.of(source, ids);
      Map<String, List<String>> expected = new LinkedHashMap<>();
      for (String column : header) {
        String name = column.toLowerCase(Locale.ROOT);
        if (name.equals("id")) {
          continue;
        }
        List<String> cells = new ArrayList<>();
        for (CSVRecord r : records) {
          cells.add(r.get(column));
        }
        if (expectedColumns.contains(name)) {
          expected.put(name, cells);
        } else {
          cohort = withColumn(cohort, name, cells);
        }
      }
      return new Fixture(cohort, expected);
    }
  }

  /** Adds a column of cells: coded when the schema knows it, text otherwise. */
  static Cohort withColumn(Cohort cohort, String name, List<String> cells) {
    Optional<Variable> schema = CohortSchema.standard().find(name);
    if (schema.isEmpty() || !schema.get().isNumeric()) {
      return cohort.withText(Variable.text(name, "extra column"),
          cells.stream().map(c -> c.isEmpty() ? null : c).toArray(String[]::new));
    }
    Variable v = schema.get();
    double[] values = new double[cells.size()];
    for (int i = 0; i < values.length; i++) {
      String c = cells.get(i);
      values[i] = c.isEmpty() ? Double.NaN
          : v.kind() == ValueKind.BOOLEAN ? (Boolean.parseBoolean(c) ? 1 : 0)
          : Double.parseDouble(c);
    }
    return cohort.withColumn(v, values);
  }
}
