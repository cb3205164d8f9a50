package org.backstrat.core;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The time recorded in outputs (report, model provenance): {@code SOURCE_DATE_EPOCH} when set,
 * the reproducible-builds convention, so two runs can write byte-identical files; else now,
 * to the second.
 */
public final class CreationTime {
  private CreationTime() {
  }

  /**
   * The time to record.
   *
   * @throws BadInputException when SOURCE_DATE_EPOCH is set but not whole seconds
   */
  public static Instant now() {
    return of(System.getenv("SOURCE_DATE_EPOCH"));
  }

  /** The time for a given SOURCE_DATE_EPOCH value (null or blank: now). */
  static Instant of(String epoch) {
    if (epoch == null || epoch.isBlank()) {
      return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }
    try {
      return Instant.ofEpochSecond(Long.parseLong(epoch.strip()));
    } catch (NumberFormatException | java.time.DateTimeException e) {
      throw new BadInputException("SOURCE_DATE_EPOCH: value \"" + epoch
          + "\": expected whole seconds since 1970-01-01");
    }
  }
}
