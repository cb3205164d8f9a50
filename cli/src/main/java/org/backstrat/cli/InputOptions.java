package org.backstrat.cli;

import java.nio.file.Path;
import org.backstrat.core.mapping.ImportMapping;
import picocli.CommandLine.Option;

/**
 * Options of every verb that reads a cohort table: how the researcher's own columns, missing
 * codes and value codes become the cohort's ({@code --mapping}), and which workbook sheet to
 * read ({@code --sheet}).
 */
final class InputOptions {
  @Option(names = "--mapping", paramLabel = "FILE",
      description = "Import mapping JSON (backstrat.import-mapping/1): renames columns, names "
          + "the column of each questionnaire item, declares missing-value tokens (NA, ., -99) "
          + "and recodes values (F/M, 1/2); applied before the table is checked.")
  Path mapping;

  @Option(names = "--sheet", paramLabel = "NAME|N",
      description = "Excel sheet to read, by name or number from 1 (default: the mapping's "
          + "sheet, else the first).")
  String sheet;

  /** The mapping asked for (none: the table is read as it is), with --sheet applied. */
  ImportMapping mapping() {
    ImportMapping m = mapping == null ? ImportMapping.none() : ImportMapping.read(mapping);
    return m.withSheet(sheet);
  }
}
