package org.backstrat.core;

import java.util.regex.Pattern;

/**
 * A user-supplied name that becomes part of a file name, a table, a JSON key or a web page
 * (variant names, feature and outcome column names): letters, digits, {@code _} and {@code -},
 * starting with a letter, at most {@value #MAX_LENGTH} characters. Anything else — a path
 * separator, {@code ..}, markup, quotes, spaces, control characters — is refused with a message
 * naming the setting, so a name can never write outside an output folder or inject markup.
 */
public final class SafeName {
  /** Longest name allowed. */
  public static final int MAX_LENGTH = 64;
  private static final Pattern SAFE = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,"
      + (MAX_LENGTH - 1) + "}");

  private SafeName() {
  }

  /** Whether {@code name} is a safe name. */
  public static boolean isSafe(String name) {
    return name != null && SAFE.matcher(name).matches();
  }

  /**
   * Returns {@code name} when it is safe.
   *
   * @param setting what the name is, for the message (e.g. {@code variants[1].name})
   * @throws BadInputException naming the setting, showing the name (shortened and with control
   *     characters escaped) and what is allowed
   */
  public static String require(String setting, String name) {
    if (isSafe(name)) {
      return name;
    }
    throw new BadInputException(setting + ": " + shown(name) + " is not allowed as a name: "
        + "expected letters, digits, _ and - only, starting with a letter, at most " + MAX_LENGTH
        + " characters");
  }

  private static String shown(String name) {
    if (name == null) {
      return "no name";
    }
    StringBuilder b = new StringBuilder("\"");
    int limit = Math.min(name.length(), MAX_LENGTH);
    for (int i = 0; i < limit; i++) {
      char c = name.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append(name.length() > limit ? "...\"" : "\"").toString();
  }
}
