package org.backstrat.spark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.backstrat.core.BadInputException;

/**
 * The options of one {@link SparkMain} verb: {@code --name value} pairs and {@code --flag}s,
 * each checked against the verb's known names (a misspelt option is an error, not ignored).
 */
final class SparkArgs {
  private final String verb;
  private final Map<String, String> values = new LinkedHashMap<>();

  SparkArgs(String verb, List<String> args, Set<String> valued, Set<String> flags) {
    this.verb = verb;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (!a.startsWith("--")) {
        throw new BadInputException(verb + ": unexpected argument " + a + " (options start with"
            + " --)");
      }
      String name = a.substring(2);
      if (flags.contains(name)) {
        values.put(name, "true");
      } else if (valued.contains(name)) {
        if (i + 1 >= args.size()) {
          throw new BadInputException(verb + ": option --" + name + " needs a value");
        }
        values.put(name, args.get(++i));
      } else {
        throw new BadInputException(verb + ": unknown option --" + name + " (known: --"
            + String.join(", --", valued) + (flags.isEmpty() ? "" : ", --"
            + String.join(", --", flags)) + ")");
      }
    }
  }

  String required(String name) {
    String v = values.get(name);
    if (v == null) {
      throw new BadInputException(verb + ": option --" + name + " is required");
    }
    return v;
  }

  String get(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  boolean flag(String name) {
    return values.containsKey(name);
  }

  int integer(String name, int fallback) {
    String v = values.get(name);
    try {
      return v == null ? fallback : Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new BadInputException(verb + ": --" + name + " " + v + ": expected a whole number");
    }
  }

  double number(String name, double fallback) {
    String v = values.get(name);
    try {
      return v == null ? fallback : Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      throw new BadInputException(verb + ": --" + name + " " + v + ": expected a number");
    }
  }
}
