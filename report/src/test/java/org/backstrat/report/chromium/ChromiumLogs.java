package org.backstrat.report.chromium;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what headless Chromium leaves behind: console messages from its stderr log, and
 * network requests made on behalf of a file:// page from its net log.
 *
 * <p>Chromium itself talks to Google services in the background even with
 * --disable-background-networking (clock check, component updates, account lookups); those
 * requests carry a null network isolation key and "not an origin" as initiator. Requests made
 * for the page carry the page's origin, file://, in their network isolation key, and an opaque
 * ("null") initiator; only those count. Chromium writes one net-log event per line.
 */
final class ChromiumLogs {
  private static final Pattern CONSOLE = Pattern.compile(":CONSOLE[:(]");
  private static final Pattern URL = Pattern.compile("\"url\":\"((?:https?|wss?|ftp)://[^\"]*)\"");

  private ChromiumLogs() {
  }

  /** @return every console message line (errors, warnings, CSP violations, uncaught exceptions) */
  static List<String> consoleMessages(String stderr) {
    List<String> out = new ArrayList<>();
    for (String line : stderr.split("\\R")) {
      if (CONSOLE.matcher(line).find() || line.contains("Uncaught")) {
        out.add(line);
      }
    }
    return out;
  }

  /** @return the network URLs requested for a file:// page, in log order */
  static List<String> pageRequests(String netLog) {
    List<String> out = new ArrayList<>();
    for (String line : netLog.split("\\R")) {
      Matcher m = URL.matcher(line);
      if (m.find() && (line.contains("\"network_isolation_key\":\"file://") || line.contains("\"initiator\":\"null\"")
          || line.contains("site=file://"))) {
        out.add(m.group(1));
      }
    }
    return out;
  }

  /** @return true when the text looks like a complete Chromium net log (it ends its event list) */
  static boolean isCompleteNetLog(String netLog) {
    return netLog.contains("\"events\"") && netLog.stripTrailing().endsWith("}");
  }
}
