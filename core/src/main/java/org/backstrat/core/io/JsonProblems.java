package org.backstrat.core.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jackson's parse errors in words for people: the reason and the line, without Jackson's class
 * names or settings (a document nested too deep reads {@code nested more than 1000 levels
 * deep}), and never a NullPointerException where Jackson knows no location.
 */
public final class JsonProblems {
  private static final Pattern DEPTH = Pattern.compile("maximum allowed \\((\\d+)");

  private JsonProblems() {
  }

  /** A JSON error in words, or the first line of another read error's message. */
  public static String describe(java.io.IOException e) {
    if (e instanceof JsonProcessingException json) {
      return describe(json);
    }
    return String.valueOf(e.getMessage()).lines().findFirst().orElse("");
  }

  /** The reason and, where known, the line of a JSON parse error. */
  public static String describe(JsonProcessingException e) {
    if (e instanceof StreamConstraintsException) {
      String message = String.valueOf(e.getOriginalMessage());
      Matcher m = DEPTH.matcher(message);
      if (message.contains("nesting depth") && m.find()) {
        return "nested more than " + m.group(1) + " levels deep";
      }
      return "too large (" + message.replaceAll(" \\(from `[^`]*`\\)", "") + ")";
    }
    JsonLocation at = e.getLocation();
    String message = String.valueOf(e.getOriginalMessage());
    return at == null || at.getLineNr() < 1 ? message : message + " (line " + at.getLineNr() + ")";
  }
}
