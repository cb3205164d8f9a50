package org.backstrat.report.svg;

import java.util.Locale;

/**
 * Append-only builder of one self-contained SVG document: every text is XML-escaped and every
 * number is written with {@link Locale#ROOT} and a fixed number of decimals, so the same chart
 * gives the same bytes on every machine. Charts use it; it knows nothing about charts.
 *
 * <p>The document carries {@code role="img"}, a {@code <title>} and a {@code <desc>} so that
 * screen readers and the HTML report can name it. Ids are prefixed with the chart id so that
 * several charts can live in one HTML page.
 */
public final class SvgCanvas {
  /** Font stack available on every platform; no web font is ever loaded. */
  public static final String FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', Arial, sans-serif";

  private final StringBuilder out = new StringBuilder(4096);
  private final String id;
  private boolean closed;

  /**
   * Opens a document of the given size.
   *
   * @param id chart id, unique in the page ([A-Za-z0-9_-]+)
   * @param widthPx nominal width in CSS pixels (the viewBox; the SVG scales to its container)
   * @param heightPx nominal height in CSS pixels
   * @param title accessible title, also shown as a tooltip
   * @param description longer accessible description
   */
  public SvgCanvas(String id, double widthPx, double heightPx, String title, String description) {
    if (id == null || !id.matches("[A-Za-z][A-Za-z0-9_-]*")) {
      throw new IllegalArgumentException("chart id must match [A-Za-z][A-Za-z0-9_-]*: " + id);
    }
    this.id = id;
    out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"").append(id)
        .append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title ").append(id)
        .append("-desc\" viewBox=\"0 0 ").append(num(widthPx)).append(' ').append(num(heightPx))
        .append("\" width=\"").append(num(widthPx)).append("\" height=\"").append(num(heightPx))
        .append("\" font-family=\"").append(escape(FONT_FAMILY)).append("\" font-size=\"12\">\n");
    out.append("<title id=\"").append(id).append("-title\">").append(escape(title)).append("</title>\n");
    out.append("<desc id=\"").append(id).append("-desc\">").append(escape(description)).append("</desc>\n");
    out.append("<rect x=\"0\" y=\"0\" width=\"").append(num(widthPx)).append("\" height=\"")
        .append(num(heightPx)).append("\" fill=\"#ffffff\"/>\n");
  }

  /** @return the chart id, used as a prefix for ids inside the document */
  public String id() {
    return id;
  }

  /** Appends a raw, already well-formed fragment produced by this class's helpers. */
  private SvgCanvas raw(String s) {
    if (closed) {
      throw new IllegalStateException("document already closed");
    }
    out.append(s);
    return this;
  }

  /** Draws a rectangle; {@code extra} is an attribute string built with {@link #attr}. */
  public SvgCanvas rect(double x, double y, double w, double h, String fill, String extra) {
    return raw("<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(Math.max(0, w))
        + "\" height=\"" + num(Math.max(0, h)) + "\" fill=\"" + escape(fill) + "\"" + extra + "/>\n");
  }

  /** Draws a straight line. */
  public SvgCanvas line(double x1, double y1, double x2, double y2, String stroke, double widthPx,
                        String extra) {
    return raw("<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\""
        + num(y2) + "\" stroke=\"" + escape(stroke) + "\" stroke-width=\"" + num(widthPx) + "\""
        + extra + "/>\n");
  }

  /** Draws a path from a path-data string built with {@link PathData}. */
  public SvgCanvas path(String d, String fill, String stroke, double widthPx, String extra) {
    return raw("<path d=\"" + escape(d) + "\" fill=\"" + escape(fill) + "\" stroke=\"" + escape(stroke)
        + "\" stroke-width=\"" + num(widthPx) + "\"" + extra + "/>\n");
  }

  /** Draws a circle. */
  public SvgCanvas circle(double cx, double cy, double r, String fill, String extra) {
    return raw("<circle cx=\"" + num(cx) + "\" cy=\"" + num(cy) + "\" r=\"" + num(r) + "\" fill=\""
        + escape(fill) + "\"" + extra + "/>\n");
  }

  /**
   * Writes text.
   *
   * @param anchor start, middle or end
   * @param extra further attributes built with {@link #attr}
   */
  public SvgCanvas text(double x, double y, String text, String anchor, double sizePx, String extra) {
    return raw("<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + escape(anchor)
        + "\" font-size=\"" + num(sizePx) + "\"" + extra + ">" + escape(text) + "</text>\n");
  }

  /** Writes text rotated by {@code degrees} about its anchor point. */
  public SvgCanvas rotatedText(double x, double y, String text, String anchor, double sizePx,
                               double degrees, String extra) {
    return text(x, y, text, anchor, sizePx, extra + attr("transform",
        "rotate(" + num(degrees) + " " + num(x) + " " + num(y) + ")"));
  }

  /** Opens a group; {@code extra} holds its attributes. Close with {@link #endGroup()}. */
  public SvgCanvas group(String extra) {
    return raw("<g" + extra + ">\n");
  }

  /** Closes the innermost group. */
  public SvgCanvas endGroup() {
    return raw("</g>\n");
  }

  /** Opens a group whose tooltip is {@code tooltip} (an SVG {@code <title>} child). */
  public SvgCanvas groupWithTooltip(String tooltip, String extra) {
    return raw("<g" + extra + "><title>" + escape(tooltip) + "</title>\n");
  }

  /**
   * Defines a rectangular clip path and returns its page-unique id.
   *
   * @param suffix distinguishes several clip paths of one chart
   */
  public String clipRect(String suffix, double x, double y, double w, double h) {
    String clipId = id + "-clip-" + suffix;
    raw("<defs><clipPath id=\"" + clipId + "\"><rect x=\"" + num(x) + "\" y=\"" + num(y)
        + "\" width=\"" + num(w) + "\" height=\"" + num(h) + "\"/></clipPath></defs>\n");
    return clipId;
  }

  /** Defines a horizontal linear gradient through the given stops and returns its id. */
  public String horizontalGradient(String suffix, String[] colours) {
    String gradientId = id + "-grad-" + suffix;
    StringBuilder sb = new StringBuilder("<defs><linearGradient id=\"" + gradientId
        + "\" x1=\"0\" y1=\"0\" x2=\"1\" y2=\"0\">");
    for (int i = 0; i < colours.length; i++) {
      double offset = colours.length == 1 ? 0 : (double) i / (colours.length - 1);
      sb.append("<stop offset=\"").append(num(offset)).append("\" stop-color=\"")
          .append(escape(colours[i])).append("\"/>");
    }
    sb.append("</linearGradient></defs>\n");
    raw(sb.toString());
    return gradientId;
  }

  /** Closes the document and returns it; the canvas accepts nothing afterwards. */
  public String finish() {
    if (!closed) {
      out.append("</svg>\n");
      closed = true;
    }
    return out.toString();
  }

  /** Formats an attribute {@code name="value"} with a leading space, escaping the value. */
  public static String attr(String name, String value) {
    return " " + name + "=\"" + escape(value) + "\"";
  }

  /** Formats a numeric attribute with a leading space. */
  public static String attr(String name, double value) {
    return " " + name + "=\"" + num(value) + "\"";
  }

  /**
   * Formats a coordinate with at most two decimals, {@link Locale#ROOT}, no trailing zeros and
   * never "-0"; non-finite values are refused because they would make the SVG invalid.
   */
  public static String num(double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("non-finite coordinate " + v);
    }
    long hundredths = Math.round(v * 100.0);
    if (hundredths == 0) {
      return "0";
    }
    StringBuilder sb = new StringBuilder(12);
    if (hundredths < 0) {
      sb.append('-');
      hundredths = -hundredths;
    }
    sb.append(hundredths / 100);
    long frac = hundredths % 100;
    if (frac != 0) {
      sb.append('.');
      sb.append((char) ('0' + frac / 10));
      if (frac % 10 != 0) {
        sb.append((char) ('0' + frac % 10));
      }
    }
    return sb.toString();
  }

  /** Escapes the five XML special characters, and drops control characters XML forbids. */
  public static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> {
          if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            sb.append(' ');
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }
}
