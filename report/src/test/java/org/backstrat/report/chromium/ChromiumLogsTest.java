package org.backstrat.report.chromium;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Checks that the Chromium log readers catch what they must, on lines captured from real bad pages. */
class ChromiumLogsTest {

  private static String resource(String name) throws Exception {
    try (InputStream in = ChromiumLogsTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void pageRequestsAreFoundAndBrowserBackgroundRequestsIgnored() throws Exception {
    String log = resource("netlog-excerpt.json");
    assertThat(ChromiumLogs.pageRequests(log))
        .containsExactly("http://neg-test.invalid/x.css", "http://127.0.0.1:9/pixel.png");
    assertThat(log).contains("clients2.google.com");
    assertThat(ChromiumLogs.isCompleteNetLog(log)).isTrue();
  }

  @Test
  void consoleErrorsUncaughtExceptionsAndCspViolationsAreFoundButNoiseIsNot() throws Exception {
    assertThat(ChromiumLogs.consoleMessages(resource("stderr-excerpt.txt")))
        .hasSize(3)
        .anyMatch(l -> l.contains("\"boom\""))
        .anyMatch(l -> l.contains("Uncaught ReferenceError"))
        .anyMatch(l -> l.contains("Content Security Policy"));
  }
}
