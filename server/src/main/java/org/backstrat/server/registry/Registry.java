package org.backstrat.server.registry;

import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.backstrat.core.BadInputException;
import org.backstrat.core.cohort.CohortWriter;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The registry of assessments: a SQLite file or a PostgreSQL database whose schema is created
 * and upgraded by Flyway migrations ({@code db/migration/V*.sql}), written by one thread with
 * group commit.
 *
 * <p>Durability contract: {@link #record} returns a future that completes only after the
 * transaction holding the assessment has committed (SQLite in WAL mode with
 * {@code synchronous=FULL}, PostgreSQL with its default synchronous commit); the server answers
 * the client only then. Concurrent assessments are gathered into one transaction (up to
 * {@value #MAX_BATCH} rows, as many as are waiting), so one disk flush serves many requests:
 * group commit, as databases do for their own logs. A failed transaction fails every assessment
 * in it and none is acknowledged. When the queue is full (the database cannot keep up) new
 * assessments are refused at once rather than piling up.
 *
 * <p>Nothing here logs: the registry holds personal data, its messages never do.
 */
public final class Registry implements AutoCloseable {
  /** Most assessments committed in one transaction. */
  public static final int MAX_BATCH = 512;
  /** Assessments waiting for the writer beyond which new ones are refused. */
  public static final int QUEUE_CAPACITY = 8192;

  static final String COLUMNS = "assessment_id,assessed_at,person_id,channel,model_sha256,"
      + "model_schema,model_created_at,software_version,summary,inputs_json,result_json";
  private static final String INSERT = "INSERT INTO assessment (" + COLUMNS
      + ") VALUES (?,?,?,?,?,?,?,?,?,?,?)";

  /**
   * Stored times have a fixed width (always milliseconds) so that text order is time order
   * ({@code Instant.toString} drops zero milliseconds, which would sort 10:00:00Z after
   * 10:00:00.001Z).
   */
  static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter
      .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

  private final RegistryUrl url;
  private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
  private final Thread writer;
  private volatile boolean closing;
  private Connection connection;

  private record Pending(AssessmentRecord record, CompletableFuture<Void> committed) {
  }

  private Registry(RegistryUrl url) throws SQLException {
    this.url = url;
    this.connection = connect(url);
    this.writer = new Thread(this::writeLoop, "registry-writer");
    this.writer.setDaemon(true);
    this.writer.start();
  }

  /**
   * Opens the registry, creating the database (SQLite) and bringing its schema up to date.
   *
   * @throws BadInputException when the database cannot be reached or migrated (with the URL,
   *     password redacted, and the database's own reason)
   */
  public static Registry open(RegistryUrl url) {
    migrate(url);
    try {
      return new Registry(url);
    } catch (SQLException e) {
      throw unreachable(url, e);
    }
  }

  /** Brings the schema up to date (Flyway); safe to run on an up-to-date database. */
  static void migrate(RegistryUrl url) {
    try {
      Properties p = credentials();
      Flyway.configure(Registry.class.getClassLoader())
          .dataSource(url.jdbcUrl(), p.getProperty("user"), p.getProperty("password"))
          .locations("classpath:db/migration")
          .load()
          .migrate();
    } catch (FlywayException e) {
      Throwable cause = e;
      while (cause.getCause() != null && !(cause instanceof SQLException)) {
        cause = cause.getCause();
      }
      throw new BadInputException("registry " + url.redacted() + ": cannot open or migrate it: "
          + cause.getMessage());
    }
  }

  private static Properties credentials() {
    Properties p = new Properties();
    String user = System.getenv("BACKSTRAT_DB_USER");
    String password = System.getenv("BACKSTRAT_DB_PASSWORD");
    if (user != null) {
      p.setProperty("user", user);
    }
    if (password != null) {
      p.setProperty("password", password);
    }
    return p;
  }

  private static Connection connect(RegistryUrl url) throws SQLException {
    Properties p = credentials();
    if (url.kind() == RegistryUrl.Kind.SQLITE) {
      // WAL: readers (export) do not block the writer; FULL: a commit is on disk before it
      // returns, so an acknowledged assessment survives a crash or a power cut
      p.setProperty("journal_mode", "WAL");
      p.setProperty("synchronous", "FULL");
      p.setProperty("busy_timeout", "10000");
    }
    Connection c = DriverManager.getConnection(url.jdbcUrl(), p);
    c.setAutoCommit(false);
    return c;
  }

  private static BadInputException unreachable(RegistryUrl url, SQLException e) {
    return new BadInputException("registry " + url.redacted() + ": cannot connect: "
        + e.getMessage());
  }

  /** Where the registry lives (password redacted). */
  public RegistryUrl url() {
    return url;
  }

  /**
   * Queues an assessment for the next group commit.
   *
   * @return a future completing when the assessment is committed, or exceptionally with
   *     {@link RegistryUnavailableException} when it was not (queue full, database error,
   *     registry closing)
   */
  public CompletableFuture<Void> record(AssessmentRecord record) {
    Objects.requireNonNull(record, "record");
    CompletableFuture<Void> f = new CompletableFuture<>();
    if (closing) {
      f.completeExceptionally(new RegistryUnavailableException("the registry is closing"));
    } else if (!queue.offer(new Pending(record, f))) {
      f.completeExceptionally(new RegistryUnavailableException("the registry is busy ("
          + QUEUE_CAPACITY + " assessments waiting)"));
    }
    return f;
  }

  private void writeLoop() {
    List<Pending> batch = new ArrayList<>(MAX_BATCH);
    while (!closing || !queue.isEmpty()) {
      try {
        Pending first = queue.poll(50, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        commit(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } finally {
        batch.clear();
      }
    }
    for (Pending p = queue.poll(); p != null; p = queue.poll()) {
      p.committed.completeExceptionally(new RegistryUnavailableException("the registry closed"));
    }
  }

  private void commit(List<Pending> batch) {
    try {
      if (connection == null || connection.isClosed()) {
        connection = connect(url);
      }
      try (PreparedStatement ps = connection.prepareStatement(INSERT)) {
        for (Pending p : batch) {
          bind(ps, p.record);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      connection.commit();
    } catch (SQLException e) {
      rollbackQuietly();
      RegistryUnavailableException failure =
          new RegistryUnavailableException("the registry could not store the assessment");
      for (Pending p : batch) {
        p.committed.completeExceptionally(failure);
      }
      return;
    }
    for (Pending p : batch) {
      p.committed.complete(null);
    }
  }

  private void rollbackQuietly() {
    try {
      if (connection != null) {
        connection.rollback();
      }
    } catch (SQLException again) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // the connection is replaced at the next batch either way
      }
      connection = null;
    }
  }

  private static void bind(PreparedStatement ps, AssessmentRecord r) throws SQLException {
    ps.setString(1, r.assessmentId());
    ps.setString(2, TIME.format(r.assessedAt()));
    ps.setString(3, r.personId());
    ps.setString(4, r.channel());
    ps.setString(5, r.model().sha256());
    ps.setString(6, r.model().schema());
    ps.setString(7, r.model().createdAt());
    ps.setString(8, r.model().softwareVersion());
    ps.setString(9, r.summary());
    ps.setString(10, r.inputsJson());
    ps.setString(11, r.resultJson());
  }

  /** Number of assessments stored (committed). */
  public long count() {
    try (Connection c = readConnection(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM assessment")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw unreachable(url, e);
    }
  }

  /** The stored assessment with this id, if any. */
  public java.util.Optional<AssessmentRecord> find(String assessmentId) {
    try (Connection c = readConnection();
         PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
             + " FROM assessment WHERE assessment_id = ?")) {
      ps.setString(1, assessmentId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? java.util.Optional.of(read(rs)) : java.util.Optional.empty();
      }
    } catch (SQLException e) {
      throw unreachable(url, e);
    }
  }

  /**
   * Writes every stored assessment as CSV (UTF-8 text, header row, in order of time then id):
   * the columns of the table ({@value #COLUMNS}).
   *
   * @return the number of assessments written
   */
  public long exportCsv(Writer out) throws IOException {
    long n = 0;
    try (Connection c = readConnection(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT " + COLUMNS
             + " FROM assessment ORDER BY assessed_at, assessment_id")) {
      out.write(COLUMNS);
      out.write('\n');
      int width = COLUMNS.split(",").length;
      while (rs.next()) {
        for (int i = 1; i <= width; i++) {
          if (i > 1) {
            out.write(',');
          }
          out.write(CohortWriter.quote(rs.getString(i)));
        }
        out.write('\n');
        n++;
      }
    } catch (SQLException e) {
      throw unreachable(url, e);
    }
    return n;
  }

  private static AssessmentRecord read(ResultSet rs) throws SQLException {
    return new AssessmentRecord(rs.getString(1), Instant.parse(rs.getString(2)), rs.getString(3),
        rs.getString(4), new ModelIdentity(rs.getString(5), rs.getString(6), rs.getString(7),
        rs.getString(8)), rs.getString(9), rs.getString(10), rs.getString(11));
  }

  private Connection readConnection() throws SQLException {
    Connection c = connect(url);
    c.setAutoCommit(true);
    return c;
  }

  /**
   * Stops taking assessments, commits those already queued, and closes the database.
   */
  @Override
  public void close() {
    closing = true;
    try {
      writer.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      if (connection != null) {
        connection.close();
      }
    } catch (SQLException ignored) {
      // closing: nothing is left uncommitted that was acknowledged
    }
  }
}
