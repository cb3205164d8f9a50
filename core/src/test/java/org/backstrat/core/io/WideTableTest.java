package org.backstrat.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.backstrat.core.BadInputException;
import org.backstrat.core.cohort.CohortReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A header of 10^5 columns did not finish in 5 minutes (issue 15): up to Excel's 16,384 columns
 * are read quickly, wider rows are refused at once.
 */
class WideTableTest {
  @TempDir
  Path tmp;

  private Path wide(int extraColumns, int rows) throws IOException {
    StringBuilder sb = new StringBuilder("id,sex,bmi,smoking,sbt_1,sbt_2,sbt_3,sbt_4,sbt_5,sbt_6,"
        + "sbt_7,sbt_8,sbt_9");
    for (int j = 0; j < extraColumns; j++) {
      sb.append(",x").append(j);
    }
    sb.append('\n');
    for (int i = 0; i < rows; i++) {
      sb.append("P").append(i).append(",female,25,never,1,0,1,0,1,0,1,0,2");
      for (int j = 0; j < extraColumns; j++) {
        sb.append(',').append(j % 7);
      }
      sb.append('\n');
    }
    Path p = tmp.resolve("wide" + extraColumns + ".csv");
    Files.writeString(p, sb);
    return p;
  }

  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS) // about 5 s on 2 loaded cores; was quadratic
  void sixteenThousandColumnsAreReadAndCheckedQuickly() throws IOException {
    Path p = wide(RecordScanner.MAX_COLUMNS - 13, 200);
    assertThat(CohortReader.withDefaults().check(p).errors()).isEmpty();
    assertThat(CohortReader.withDefaults().read(p).orThrow().size()).isEqualTo(200);
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void aHundredThousandColumnsAreRefusedAtOnceNamingTheLimit() throws IOException {
    Path p = wide(100_000, 3);
    assertThatThrownBy(() -> CohortReader.withDefaults().check(p))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining(p + ": row 1: more than 16,384 values in one row");
  }
}
