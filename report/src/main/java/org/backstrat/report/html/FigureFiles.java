package org.backstrat.report.html;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.backstrat.report.svg.SvgRaster;

/**
 * Every figure of the report also as its own SVG file ({@code figures/<chart id>.svg}), for a
 * journal's figure upload or a vector editor, and as a 300 dpi PNG beside it
 * ({@code figures/<chart id>.png}) for journals that ask for bitmaps. The figures are the very
 * SVG documents the report embeds (each is self-contained: its own namespace, title,
 * description and fonts); the PNGs are drawn from them by {@link SvgRaster}.
 */
public final class FigureFiles {
  /** Folder of the figure files inside the output directory. */
  public static final String FIGURES_DIR = "figures";

  /** Resolution of the PNG copies, as journals ask for line art with text. */
  public static final int PNG_DOTS_PER_INCH = 300;

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

  /** Writes every figure of {@code html} into {@code dir/figures/}, as SVG and as PNG. */
  public static void writeAll(String html, Path dir) {
    Path figures = dir.resolve(FIGURES_DIR);
    try {
      Files.createDirectories(figures);
      Map<String, String> svgs = figures(html);
      // the bitmaps are drawn in parallel (each on its own), then written in page order
      List<byte[]> pngs = svgs.values().parallelStream()
          .map(svg -> SvgRaster.png(svg, PNG_DOTS_PER_INCH)).toList();
      int i = 0;
      for (Map.Entry<String, String> e : svgs.entrySet()) {
        Files.writeString(figures.resolve(e.getKey() + ".svg"),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + e.getValue() + "\n",
            StandardCharsets.UTF_8);
        Files.write(figures.resolve(e.getKey() + ".png"), pngs.get(i++));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the figures in " + figures, e);
    }
  }
}
