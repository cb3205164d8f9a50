package org.backstrat.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.backstrat.core.InputProblem;
import org.backstrat.core.cohort.CohortCheck;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code backstrat validate}: checks a cohort against the schema and lists every problem. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {"Check a cohort table against the schema and list every problem with its "
        + "row and column.", "Problems (one line each) and the 'not valid' summary go to "
        + "stderr; the 'valid' summary to stdout. Exit 0 when valid (warnings allowed), 2 when "
        + "there are errors."})
final class ValidateCommand implements Callable<Integer> {

  @Option(names = "--data", required = true, paramLabel = "FILE",
      description = "Cohort table: CSV, TSV, semicolon CSV or .xlsx (UTF-8).")
  Path data;

  @Option(names = {"-q", "--quiet"}, description = "Print only errors and the summary line.")
  boolean quiet;

  @Mixin
  InputOptions input;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    CohortCheck result = input.mapping().checkCohort(data);
    for (InputProblem p : result.problems()) {
      if (p.isError() || !quiet) {
        err.println(p.message());
      }
    }
    err.flush();
    int errors = result.errors().size();
    int warnings = result.warnings().size();
    if (errors == 0) {
      String format = switch (result.format().kind()) {
        case XLSX -> "Excel workbook";
        case PARQUET -> "Parquet";
        case DELIMITED_TEXT -> result.format().delimiterName() + "-separated";
      };
      out.printf("%s: valid: %d people, %d columns (%s), %d warning%s%n", data,
          result.rows(), result.columns(), format, warnings,
          warnings == 1 ? "" : "s");
      out.flush();
      return 0;
    }
    err.printf("%s: not valid: %d error%s, %d warning%s in %d rows%n", data, errors,
        errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s", result.rows());
    err.flush();
    return 2;
  }
}
