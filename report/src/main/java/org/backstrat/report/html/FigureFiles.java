package org.backstrat.report.html;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every figure of the report also as its own SVG file ({@code figures/<chart id>.svg}), for a
 * journal's figure upload or a vector editor. The figures are the very SVG documents the report
 * embeds (each is self-contained: its own namespace, title, description and fonts).
 */
public final class FigureFiles {
  /** Folder of the figure files inside the output directory. */
  public static final String FIGURES_DIR = "figures";

  private static final Pattern SVG = Pattern.compile(
      "<svg xmlns=\"http://www.w3.org/2000/svg\"[^>]*\\bid=\"([A-Za-z][A-Za-z0-9_-]*)\".*?</svg>",
      Pattern.DOTALL);

  private FigureFiles() {
  }

  /** The SVG documents in a rendered report, by chart id, in page order. */
  public static Map<String, String> figures(String html) {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = SVG.matcher(html);
    while (m.find()) {
      out.putIfAbsent(m.group(1), m.group());
    }
    return out;
  }

  /** Writes every figure of {@code html} into {@code dir/figures/}. */
  public static void writeAll(String html, Path dir) {
    Path figures = dir.resolve(FIGURES_DIR);
    try {
      Files.createDirectories(figures);
      for (Map.Entry<String, String> e : figures(html).entrySet()) {
        Files.writeString(figures.resolve(e.getKey() + ".svg"),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + e.getValue() + "\n",
            StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the figures in " + figures, e);
    }
  }
}
