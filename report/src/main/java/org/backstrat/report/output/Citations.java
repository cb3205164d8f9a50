package org.backstrat.report.output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers references in the order the text first cites them, as Vancouver-style journals ask:
 * {@link #cite} returns the bracketed numbers to put in the text, {@link #list} the numbered
 * reference list. One instance per report; not shared between threads.
 */
public final class Citations {
  private final Map<Reference, Integer> numbers = new LinkedHashMap<>();

  /** The in-text citation of one or more references, e.g. {@code [3]} or {@code [3, 4]}. */
  public String cite(Reference first, Reference... more) {
    StringBuilder sb = new StringBuilder("[").append(number(first));
    for (Reference r : more) {
      sb.append(", ").append(number(r));
    }
    return sb.append(']').toString();
  }

  private int number(Reference r) {
    return numbers.computeIfAbsent(r, x -> numbers.size() + 1);
  }

  /** The reference list, {@code "n. citation"} in citation order. */
  public List<String> list() {
    List<String> out = new ArrayList<>();
    numbers.forEach((r, n) -> out.add(n + ". " + r.citation()));
    return out;
  }
}
