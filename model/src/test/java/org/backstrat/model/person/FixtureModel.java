package org.backstrat.model.person;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.backstrat.core.cohort.Cohort;
import org.backstrat.core.cohort.CohortReader;
import org.backstrat.core.io.TableReader;
import org.backstrat.core.scoring.CohortScorer;
import org.backstrat.model.FrozenModel;
import org.backstrat.model.ModelJson;

/** The real fixture model (see README.md beside it) and people from its training cohort. */
final class FixtureModel {
  private FixtureModel() {
  }

  static FrozenModel model(Path tmp) {
    try (InputStream in = FixtureModel.class.getResourceAsStream("fixture-model.json")) {
      Path f = tmp.resolve("model.json");
      Files.write(f, in.readAllBytes());
      return ModelJson.read(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A cohort table from CSV text, read and scored as assign does. */
  static Cohort scored(String name, String csv, FrozenModel model) {
    Cohort c = CohortReader.withDefaults()
        .check(TableReader.readText(name, csv.getBytes(StandardCharsets.UTF_8))).orThrow();
    return CohortScorer.withDefaults().withOptions(model.scoring()).score(c).cohort();
  }
}
