package org.backstrat.server.registry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.backstrat.core.BadInputException;

/**
 * Where the registry lives: a SQLite file (the embedded default; a plain path or a
 * {@code jdbc:sqlite:} URL) or a PostgreSQL database ({@code jdbc:postgresql://host/db}, with
 * {@code user} and {@code password} as URL parameters or in the environment variables
 * {@code BACKSTRAT_DB_USER} / {@code BACKSTRAT_DB_PASSWORD}, which keep a password off the
 * command line).
 *
 * @param jdbcUrl the JDBC URL
 * @param kind which database
 */
public record RegistryUrl(String jdbcUrl, Kind kind) {
  private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");

  /** The databases the registry runs on. */
  public enum Kind {
    /** An embedded SQLite file (xerial sqlite-jdbc). */
    SQLITE,
    /** A PostgreSQL server. */
    POSTGRESQL
  }

  public RegistryUrl {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(kind, "kind");
  }

  /**
   * Reads a {@code --db} value: a {@code jdbc:sqlite:} or {@code jdbc:postgresql:} URL, or a
   * file path taken as SQLite.
   *
   * @throws BadInputException for another JDBC URL or an empty value
   */
  public static RegistryUrl parse(String value) {
    if (value == null || value.isBlank()) {
      throw new BadInputException("--db: empty; expected a SQLite file path, jdbc:sqlite:FILE or "
          + "jdbc:postgresql://HOST/DATABASE");
    }
    String lower = value.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:sqlite:")) {
      String file = value.substring("jdbc:sqlite:".length());
      if (file.isBlank() || file.startsWith(":memory:") || file.contains("mode=memory")) {
        throw new BadInputException("--db " + value + ": expected a SQLite file (an in-memory "
            + "database would lose every assessment when the server stops)");
      }
      return new RegistryUrl(value, Kind.SQLITE);
    }
    if (lower.startsWith("jdbc:postgresql:")) {
      return new RegistryUrl(value, Kind.POSTGRESQL);
    }
    if (lower.startsWith("jdbc:")) {
      throw new BadInputException("--db " + redacted(value) + ": unsupported database; expected "
          + "a SQLite file path, jdbc:sqlite:FILE or jdbc:postgresql://HOST/DATABASE");
    }
    return sqliteFile(Path.of(value));
  }

  /** A SQLite registry in this file. */
  public static RegistryUrl sqliteFile(Path file) {
    return new RegistryUrl("jdbc:sqlite:" + file.toAbsolutePath(), Kind.SQLITE);
  }

  /** The SQLite file, for a SQLite registry. */
  public Path sqlitePath() {
    if (kind != Kind.SQLITE) {
      throw new IllegalStateException("not a SQLite registry");
    }
    String rest = jdbcUrl.substring("jdbc:sqlite:".length());
    int q = rest.indexOf('?');
    return Path.of(q < 0 ? rest : rest.substring(0, q));
  }

  /** Whether the database exists already (always assumed for PostgreSQL). */
  public boolean exists() {
    return kind != Kind.SQLITE || Files.isRegularFile(sqlitePath());
  }

  /** The URL with any password replaced by {@code ***}, for messages and logs. */
  public String redacted() {
    return redacted(jdbcUrl);
  }

  private static String redacted(String url) {
    return PASSWORD.matcher(url).replaceAll("$1***");
  }

  @Override
  public String toString() {
    return redacted();
  }
}
