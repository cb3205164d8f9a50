package org.backstrat.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * What a test needs from outside the repository (the real public data in {@code ../shared/data},
 * Debian's test images, a browser, a database) and what happens when it is missing: the test is
 * skipped with a message on a user's clone, but fails when the matching {@code BACKSTRAT_REQUIRE_*}
 * environment variable is {@code 1}, as {@code .ci/run} sets them, so that CI cannot pass by
 * skipping. One helper for every module (each depends on this module in test scope), so the rule
 * is written once.
 */
public final class Prerequisites {
  /** Environment variable that makes missing test data (shared data, Debian test images) fail. */
  public static final String REQUIRE_DATA = "BACKSTRAT_REQUIRE_DATA";
  /** Environment variable that makes a missing browser (Chromium, chromedriver) fail. */
  public static final String REQUIRE_BROWSER = "BACKSTRAT_REQUIRE_BROWSER";
  /** Environment variable that makes an unreachable PostgreSQL test database fail. */
  public static final String REQUIRE_DB = "BACKSTRAT_REQUIRE_DB";
  /** System property naming the shared data folder (set by the parent pom's surefire setup). */
  public static final String SHARED_DATA_PROPERTY = "backstrat.sharedData";

  private Prerequisites() {
  }

  /**
   * Continues when {@code present}; otherwise skips the calling test, or fails it when the
   * environment variable {@code requireVariable} is {@code 1}.
   *
   * @param present whether the prerequisite is there
   * @param requireVariable one of {@link #REQUIRE_DATA}, {@link #REQUIRE_BROWSER}, {@link #REQUIRE_DB}
   * @param what what is missing and how to get it, for the message
   */
  public static void require(boolean present, String requireVariable, String what) {
    require(present, requireVariable, what, System.getenv());
  }

  /**
   * {@link #require(boolean, String, String)} against a given environment (for tests of this
   * rule).
   *
   * @param present whether the prerequisite is there
   * @param requireVariable the environment variable that turns a skip into a failure
   * @param what what is missing and how to get it, for the message
   * @param environment the environment variables
   */
  public static void require(boolean present, String requireVariable, String what,
      Map<String, String> environment) {
    if (present) {
      return;
    }
    if ("1".equals(environment.get(requireVariable))) {
      throw new AssertionFailedError(requireVariable + "=1 but missing: " + what);
    }
    throw new TestAbortedException("skipped, missing: " + what + " (set " + requireVariable
        + "=1 to fail instead)");
  }

  /**
   * The folder of real public data ({@code ../shared/data} beside the checkout).
   *
   * @return the folder; skips or fails the calling test (under {@link #REQUIRE_DATA}) when absent
   */
  public static Path sharedData() {
    return sharedData(System.getProperty(SHARED_DATA_PROPERTY), System.getenv());
  }

  /**
   * {@link #sharedData()} for a given property value and environment (for tests of this rule).
   *
   * @param property the value of {@link #SHARED_DATA_PROPERTY}, or null when unset
   * @param environment the environment variables
   * @return the folder
   */
  public static Path sharedData(String property, Map<String, String> environment) {
    boolean present = property != null && Files.isDirectory(Path.of(property));
    require(present, REQUIRE_DATA, "shared data folder (system property " + SHARED_DATA_PROPERTY
        + " = " + property + "; the real public data lives in ../shared/data)", environment);
    return Path.of(property);
  }

  /**
   * A file under the shared data folder.
   *
   * @param relative its path relative to the folder
   * @return the file; skips or fails the calling test (under {@link #REQUIRE_DATA}) when absent
   */
  public static Path sharedDataFile(String relative) {
    Path file = sharedData().resolve(relative);
    require(Files.isRegularFile(file), REQUIRE_DATA, "shared data file " + file);
    return file;
  }

  /**
   * A folder of test files installed by a Debian package (such as pydicom's or nibabel's test
   * images), which {@code .ci/run} installs.
   *
   * @param dir the folder
   * @param debianPackage the package that installs it
   * @return the folder; skips or fails the calling test (under {@link #REQUIRE_DATA}) when absent
   */
  public static Path packagedTestFiles(Path dir, String debianPackage) {
    require(Files.isDirectory(dir), REQUIRE_DATA, "test files " + dir
        + " (install them with: apt-get install -y " + debianPackage + ")");
    return dir;
  }
}
