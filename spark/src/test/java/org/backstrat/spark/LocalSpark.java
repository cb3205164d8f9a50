package org.backstrat.spark;

import org.apache.spark.sql.SparkSession;

/**
 * One {@code local[2]} Spark session for all tests of this module (starting one costs seconds),
 * quiet, with a small shuffle partition count; stopped when the JVM exits.
 */
public final class LocalSpark {
  private static SparkSession session;

  private LocalSpark() {
  }

  /** The shared session. */
  public static synchronized SparkSession get() {
    if (session == null) {
      session = SparkSession.builder().master("local[2]").appName("backstrat-test")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "4")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .getOrCreate();
      session.sparkContext().setLogLevel("WARN");
      Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
    }
    return session;
  }
}
