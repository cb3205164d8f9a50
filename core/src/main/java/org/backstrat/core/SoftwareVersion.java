package org.backstrat.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of backstrat that is running, as recorded in every model and report so that a
 * result can be traced to the software that made it.
 */
public final class SoftwareVersion {
  private static final String VERSION = load();

  private SoftwareVersion() {
  }

  /** The version string, e.g. {@code 0.1.0}. */
  public static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = SoftwareVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
