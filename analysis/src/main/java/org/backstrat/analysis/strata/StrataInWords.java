package org.backstrat.analysis.strata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Names and one-sentence descriptions of strata from their standardised centroids, for any K
 * and without duplicate names. Each stratum is described along its dimensions: the
 * psychosocial scores together (mean z), the imaging features together (mean z), and every
 * other feature on its own (z = (centroid − mean) / SD over the people clustered). A dimension
 * distinguishes a stratum when |z| ≥ {@value #DISTINCT}; the name lists the distinguishing
 * dimensions by decreasing |z| ("high BMI, low psychosocial"), the fewest (at least two where
 * there are two) that make every name unique; a stratum with none is "near average". Only when
 * two strata share the signs of every dimension does the name fall back to adding the stratum
 * number. The sentence gives every dimension: higher, lower or near the average, with its z.
 */
public final class StrataInWords {
  /** |z| from which a dimension distinguishes a stratum. */
  public static final double DISTINCT = 0.5;

  /** The rule in words, for the report's methods text and summary.json. */
  public static final String RULE = "Each stratum is described by its standardised centroid "
      + "(z = (centroid - mean) / SD over the people clustered) along its dimensions: the "
      + "psychosocial scores together (mean z), the imaging features together (mean z), and "
      + "every other feature on its own. A dimension with |z| >= 0.5 distinguishes the stratum "
      + "(high or low); the name lists the distinguishing dimensions by decreasing |z|, as few "
      + "as make every name unique (at least two where there are two); a stratum with none is "
      + "'near average'. Strata alike in every sign get their number added. The names are "
      + "hints; the centroids are the truth.";

  private StrataInWords() {
  }

  /**
   * One dimension of description.
   *
   * @param name as printed in a name ("BMI", "psychosocial")
   * @param phrase as printed in a sentence ("BMI", "psychosocial scores")
   * @param z the z per stratum
   */
  public record Dimension(String name, String phrase, double[] z) {
    public Dimension {
      z = z.clone();
    }

    @Override
    public double[] z() {
      return z.clone();
    }
  }

  /**
   * Names and sentences.
   *
   * @param names one per stratum, unique
   * @param sentences one per stratum
   */
  public record Description(List<String> names, List<String> sentences) {
    public Description {
      names = List.copyOf(names);
      sentences = List.copyOf(sentences);
    }
  }

  /**
   * Describes the strata.
   *
   * @param dimensions the dimensions, each with one z per stratum
   * @param sizes people kept per stratum
   */
  public static Description describe(List<Dimension> dimensions, int[] sizes) {
    int k = sizes.length;
    List<List<String>> terms = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      final int s = c;
      List<Dimension> sorted = new ArrayList<>(dimensions);
      sorted.sort(Comparator.comparingDouble((Dimension d) -> -Math.abs(d.z[s])));
      List<String> t = new ArrayList<>();
      for (Dimension d : sorted) {
        if (Math.abs(d.z[s]) >= DISTINCT) {
          t.add((d.z[s] > 0 ? "high " : "low ") + d.name);
        }
      }
      terms.add(t);
    }
    int most = terms.stream().mapToInt(List::size).max().orElse(0);
    List<String> names = null;
    for (int m = Math.min(2, most); m <= most; m++) {
      names = namesWith(terms, m);
      if (new HashSet<>(names).size() == k) {
        break;
      }
    }
    if (names == null || new HashSet<>(names).size() < k) {
      Map<String, Integer> count = new LinkedHashMap<>();
      names.forEach(n -> count.merge(n, 1, Integer::sum));
      List<String> numbered = new ArrayList<>();
      for (int c = 0; c < k; c++) {
        String n = names.get(c);
        numbered.add(count.get(n) > 1 ? n + " (stratum " + (c + 1) + ")" : n);
      }
      names = numbered;
    }
    List<String> sentences = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      List<String> higher = new ArrayList<>();
      List<String> lower = new ArrayList<>();
      List<String> average = new ArrayList<>();
      for (Dimension d : dimensions) {
        String z = String.format(Locale.ROOT, "%+.1f SD", d.z[c]);
        if (d.z[c] >= DISTINCT) {
          higher.add(d.phrase + " (" + z + ")");
        } else if (d.z[c] <= -DISTINCT) {
          lower.add(d.phrase + " (" + z + ")");
        } else {
          average.add(d.phrase + " (" + z + ")");
        }
      }
      List<String> parts = new ArrayList<>();
      if (!higher.isEmpty()) {
        parts.add("higher " + join(higher));
      }
      if (!lower.isEmpty()) {
        parts.add("lower " + join(lower));
      }
      if (!average.isEmpty()) {
        parts.add(join(average) + " near the average");
      }
      sentences.add("Stratum " + (c + 1) + " (" + names.get(c) + ", n = " + sizes[c] + "): "
          + String.join("; ", parts) + ".");
    }
    return new Description(names, sentences);
  }

  private static List<String> namesWith(List<List<String>> terms, int m) {
    List<String> out = new ArrayList<>();
    for (List<String> t : terms) {
      out.add(t.isEmpty() ? "near average" : String.join(", ", t.subList(0, Math.min(m, t.size()))));
    }
    return out;
  }

  private static String join(List<String> items) {
    if (items.size() == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " and "
        + items.get(items.size() - 1);
  }
}
