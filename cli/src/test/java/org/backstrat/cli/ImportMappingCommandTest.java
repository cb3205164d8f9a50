package org.backstrat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.backstrat.cli.CommandLineTest.Run;
import org.backstrat.core.scoring.Construct;
import org.backstrat.core.scoring.Instrument;
import org.backstrat.core.synth.CohortSynthesizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A researcher's own table in: renamed columns and items, missing-value tokens, value codes and a
 * second workbook sheet, declared once in a mapping file and honoured by every verb that reads a
 * cohort.
 */
class ImportMappingCommandTest {
  @TempDir
  Path tmp;

  private static List<String[]> rows(Path csv) throws Exception {
    List<String[]> out = new ArrayList<>();
    for (String line : Files.readAllLines(csv)) {
      out.add(line.split(",", -1));
    }
    return out;
  }

  private static int column(List<String[]> rows, String name) {
    return List.of(rows.get(0)).indexOf(name);
  }

  @Test
  void scoreMappingAcceptsRenamedItemsAsInTheReadmeExample() throws Exception {
    Path original = tmp.resolve("standard.csv");
    CohortSynthesizer.withDefaults().write(original, 40, 3, false);
    String text = Files.readString(original);
    String header = text.substring(0, text.indexOf('\n'));
    String renamed = header;
    StringBuilder items = new StringBuilder();
    for (Construct c : Instrument.SBT.constructs()) {
      String q = "q" + c.standardColumn().substring("sbt_".length());
      renamed = renamed.replace(c.standardColumn() + ",", q + ",");
      items.append(items.length() == 0 ? "" : ", ").append('"').append(c.key()).append("\": \"")
          .append(q).append('"');
    }
    Path data = tmp.resolve("renamed.csv");
    Files.writeString(data, renamed + text.substring(text.indexOf('\n')));
    Path mapping = tmp.resolve("items.json");
    Files.writeString(mapping, "{\"schema\": \"backstrat.instrument-mapping/1\", \"items\": {"
        + items + "}}");

    Run plain = CommandLineTest.run("score", "--data", original.toString(), "--out",
        tmp.resolve("a.csv").toString());
    Run mapped = CommandLineTest.run("score", "--data", data.toString(), "--mapping",
        mapping.toString(), "--out", tmp.resolve("b.csv").toString());
    assertThat(plain.exitCode()).isZero();
    assertThat(mapped.exitCode()).as(mapped.err()).isZero();
    List<String[]> a = rows(tmp.resolve("a.csv"));
    List<String[]> b = rows(tmp.resolve("b.csv"));
    for (String score : List.of("sbt_total", "sbt_psychosocial", "sbt_risk")) {
      for (int r = 1; r < a.size(); r++) {
        assertThat(b.get(r)[column(b, score)]).isEqualTo(a.get(r)[column(a, score)]);
      }
    }
  }

  @Test
  void aSpreadsheetWithCodesTokensRenamedColumnsAndASecondSheetRunsEveryVerbWithOneMapping()
      throws Exception {
    Path csv = tmp.resolve("synth.csv");
    CohortSynthesizer.withDefaults().write(csv, 240, 11, false);
    List<String[]> table = rows(csv);
    int sex = column(table, "sex");
    int smoking = column(table, "smoking");
    int bmi = column(table, "bmi");
    int id = column(table, "id");
    int stratum = column(table, "stratum");
    Path xlsx = tmp.resolve("my cohort.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
      Sheet notes = wb.createSheet("read me");
      notes.createRow(0).createCell(0).setCellValue("cohort of the spine clinic, 2024");
      Sheet sheet = wb.createSheet("Cohort");
      for (int r = 0; r < table.size(); r++) {
        Row row = sheet.createRow(r);
        String[] cells = table.get(r);
        int col = 0;
        for (int c = 0; c < cells.length; c++) {
          if (c == stratum) {
            continue;
          }
          String v = cells[c];
          if (r == 0) {
            v = c == id ? "Patient" : c == sex ? "Gender" : c == bmi ? "BMI (kg/m2)" : v;
            row.createCell(col++).setCellValue(v);
            continue;
          }
          if (c == sex) {
            v = v.equals("female") ? "F" : "M";
          } else if (c == smoking) {
            v = switch (v) {
              case "never" -> "1";
              case "former" -> "2";
              default -> "3";
            };
          } else if (c == bmi && r % 40 == 0) {
            v = "NA";
          }
          if (c != id && !v.isEmpty() && v.matches("-?[0-9.]+")) {
            row.createCell(col++).setCellValue(Double.parseDouble(v)); // numbers as Excel keeps them
          } else {
            row.createCell(col++).setCellValue(v);
          }
        }
      }
      wb.write(out);
    }
    Path mapping = tmp.resolve("mapping.json");
    Files.writeString(mapping, """
        {
          "schema": "backstrat.import-mapping/1",
          "columns": {"Patient": "id", "Gender": "sex", "BMI (kg/m2)": "bmi"},
          "missing": ["NA", ".", "-99"],
          "recode": {
            "sex": {"F": "female", "M": "male"},
            "smoking": {"1": "never", "2": "former", "3": "current"}
          },
          "sheet": "cohort"
        }
        """);
    String m = mapping.toString();

    Run unmapped = CommandLineTest.run("validate", "--data", xlsx.toString());
    assertThat(unmapped.exitCode()).isEqualTo(2);

    Run validate = CommandLineTest.run("validate", "--data", xlsx.toString(), "--mapping", m);
    assertThat(validate.exitCode()).as(validate.out()).isZero();
    assertThat(validate.out()).contains("valid: 240 people");
    // what the mapping changed is a warning: on stderr, as every problem
    assertThat(validate.err()).contains("6 cells read as missing").contains("240 cells recoded");

    Path scored = tmp.resolve("scored.csv");
    Run score = CommandLineTest.run("score", "--data", xlsx.toString(), "--mapping", m,
        "--out", scored.toString());
    assertThat(score.exitCode()).as(score.err()).isZero();
    List<String[]> s = rows(scored);
    assertThat(s.get(1)[column(s, "id")]).isEqualTo(table.get(1)[id]);
    assertThat(s.get(1)[column(s, "sex")]).isEqualTo(table.get(1)[sex]);
    assertThat(s.get(40)[column(s, "bmi")]).isEmpty();

    Path config = tmp.resolve("quick.json");
    Files.writeString(config, "{\"k\": 3, \"restarts\": 4, \"stability_resamples\": 0, "
        + "\"gap_references\": 0, \"repeats\": 1, \"dca_bootstrap\": 0, "
        + "\"permutations\": 0}");
    Path results = tmp.resolve("results");
    Run analyze = CommandLineTest.run("analyze", "--data", xlsx.toString(), "--mapping", m,
        "--config", config.toString(), "--out", results.toString());
    assertThat(analyze.exitCode()).as(analyze.err()).isZero();

    Path assigned = tmp.resolve("assigned.csv");
    Run assign = CommandLineTest.run("assign", "--model", results.resolve("model.json")
        .toString(), "--data", xlsx.toString(), "--mapping", m, "--sheet", "2", "--out",
        assigned.toString());
    assertThat(assign.exitCode()).as(assign.err()).isZero();
    assertThat(Files.readAllLines(assigned)).hasSizeGreaterThan(240);
  }

  @Test
  void aMappingNamingAColumnTheTableLacksIsRefusedWithBothNames() throws Exception {
    Path csv = tmp.resolve("c.csv");
    CohortSynthesizer.withDefaults().write(csv, 20, 1, false);
    Path mapping = tmp.resolve("m.json");
    Files.writeString(mapping, "{\"schema\": \"backstrat.import-mapping/1\", "
        + "\"columns\": {\"Gender\": \"sex\"}}");
    Run r = CommandLineTest.run("validate", "--data", csv.toString(), "--mapping",
        mapping.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("gender").contains(mapping.toString());
  }
}
