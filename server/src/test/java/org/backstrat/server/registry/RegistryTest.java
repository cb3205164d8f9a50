package org.backstrat.server.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.backstrat.testkit.Prerequisites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry on SQLite (always) and PostgreSQL (a real server: {@code BACKSTRAT_TEST_PG_URL},
 * by default {@value #DEFAULT_PG}; skipped when unreachable, but failing when
 * {@code BACKSTRAT_REQUIRE_DB=1}, which {@code .ci/run} sets after starting Debian's
 * PostgreSQL): migrations, concurrent group commit with every acknowledged row stored exactly
 * once, CSV export, and nothing acknowledged after close.
 */
class RegistryTest {
  static final String DEFAULT_PG =
      "jdbc:postgresql://127.0.0.1:5432/backstrat_test?user=backstrat&password=backstrat";

  static AssessmentRecord record(String id, int i) {
    return new AssessmentRecord(id, Instant.parse("2026-12-01T10:00:00Z").plusMillis(i),
        "p" + i, "json", new ModelIdentity("a".repeat(64), "backstrat.model/2",
        "2026-11-28T00:00:00Z", "0.1.0"), "sbt=1 mixed; ompsq=-",
        "{\"person_id\":\"p" + i + "\",\"bmi\":27.5}", "{\"schema\":\"backstrat.assessment/1\"}");
  }

  @Test
  void sqliteStoresEveryAcknowledgedAssessmentOnce(@TempDir Path dir) throws Exception {
    RegistryUrl url = RegistryUrl.sqliteFile(dir.resolve("r.db"));
    exercise(url);
    assertThat(url.sqlitePath()).exists();
  }

  @Test
  void postgresqlStoresEveryAcknowledgedAssessmentOnce() throws Exception {
    String pg = System.getenv().getOrDefault("BACKSTRAT_TEST_PG_URL", DEFAULT_PG);
    boolean reachable;
    String unreachable = null;
    try (Connection c = DriverManager.getConnection(pg)) {
      reachable = true;
      try (Statement s = c.createStatement()) {
        s.execute("DROP TABLE IF EXISTS assessment");
        s.execute("DROP TABLE IF EXISTS flyway_schema_history");
      }
    } catch (SQLException e) {
      reachable = false;
      unreachable = e.getMessage();
    }
    Prerequisites.require(reachable, Prerequisites.REQUIRE_DB, "PostgreSQL at "
        + RegistryUrl.parse(pg).redacted() + " (" + unreachable + "; set BACKSTRAT_TEST_PG_URL)");
    exercise(RegistryUrl.parse(pg));
  }

  private static void exercise(RegistryUrl url) throws Exception {
    int n = 2000;
    List<String> ids = new ArrayList<>();
    try (Registry r = Registry.open(url)) {
      ExecutorService pool = Executors.newFixedThreadPool(16);
      List<CompletableFuture<Void>> acks = new ArrayList<>();
      List<CompletableFuture<CompletableFuture<Void>>> submitted = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String id = UUID.randomUUID().toString();
        ids.add(id);
        int k = i;
        submitted.add(CompletableFuture.supplyAsync(() -> r.record(record(id, k)), pool));
      }
      for (var s : submitted) {
        acks.add(s.get(60, TimeUnit.SECONDS));
      }
      CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
      pool.shutdown();
      assertThat(r.count()).isEqualTo(n);
      assertThat(r.find(ids.get(17)).orElseThrow().personId()).isEqualTo("p17");
      StringWriter csv = new StringWriter();
      assertThat(r.exportCsv(csv)).isEqualTo(n);
      String[] lines = csv.toString().split("\n");
      assertThat(lines).hasSize(n + 1);
      assertThat(lines[0]).isEqualTo(Registry.COLUMNS);
      assertThat(lines[1]).startsWith(ids.get(0) + ",2026-12-01T10:00:00.000Z,p0,json,")
          .contains("\"{\"\"person_id\"\":\"\"p0\"\",\"\"bmi\"\":27.5}\"");
    }
    // migrations are idempotent: a second open finds the schema current and the rows kept
    Registry again = Registry.open(url);
    try {
      assertThat(again.count()).isEqualTo(n);
    } finally {
      again.close();
    }
    CompletableFuture<Void> late = again.record(record(UUID.randomUUID().toString(), n));
    assertThat(late).isCompletedExceptionally();
  }

  @Test
  void anInMemoryOrUnknownDatabaseIsRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> RegistryUrl.parse("jdbc:sqlite::memory:"))
        .hasMessageContaining("in-memory");
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> RegistryUrl.parse("jdbc:mysql://x/y?password=secret"))
        .hasMessageContaining("unsupported").hasMessageNotContaining("secret");
  }
}
