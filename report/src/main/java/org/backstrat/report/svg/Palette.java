package org.backstrat.report.svg;

/**
 * Colour, dash and marker choices that stay distinguishable for colour-blind readers and in
 * black-and-white print: Okabe–Ito categorical colours (Okabe &amp; Ito 2008, "Color Universal
 * Design"), ordered so the first ones contrast best on white, each paired with its own dash
 * pattern and marker shape, so no category is told apart by colour alone.
 */
public final class Palette {
  private static final String[] OKABE_ITO = {
      "#0072B2", // blue
      "#D55E00", // vermillion
      "#009E73", // bluish green
      "#CC79A7", // reddish purple
      "#E69F00", // orange
      "#56B4E9", // sky blue
      "#000000", // black
      "#B8A800", // yellow, darkened so it shows on white
  };
  private static final String[] DASHES = {"", "7 4", "2 3", "9 3 2 3", "4 4", "1 2", "12 4", "6 2 2 2 2 2"};

  private Palette() {
  }

  /** @return the categorical colour of category {@code index} (cycles after eight) */
  public static String colour(int index) {
    return OKABE_ITO[Math.floorMod(index, OKABE_ITO.length)];
  }

  /** @return the SVG dash array of category {@code index} ("" = solid) */
  public static String dash(int index) {
    return DASHES[Math.floorMod(index, DASHES.length)];
  }

  /** @return the marker shape of category {@code index} */
  public static Marker marker(int index) {
    Marker[] all = Marker.values();
    return all[Math.floorMod(index, all.length - 1)];
  }

  /** Marker shapes; {@link #CROSS} is kept for outliers and never used for a category. */
  public enum Marker {
    CIRCLE, SQUARE, TRIANGLE, DIAMOND, TRIANGLE_DOWN, CROSS;

    /**
     * Path data of this marker centred on (cx, cy) with half-size r; circles are drawn as two
     * arcs so that every marker can be a path.
     */
    public String path(double cx, double cy, double r) {
      String y = SvgCanvas.num(cy);
      return switch (this) {
        case CIRCLE -> "M" + SvgCanvas.num(cx - r) + " " + y + "a" + SvgCanvas.num(r) + " "
            + SvgCanvas.num(r) + " 0 1 0 " + SvgCanvas.num(2 * r) + " 0a" + SvgCanvas.num(r) + " "
            + SvgCanvas.num(r) + " 0 1 0 " + SvgCanvas.num(-2 * r) + " 0Z";
        case SQUARE -> new PathData().moveTo(cx - r * 0.9, cy - r * 0.9).lineTo(cx + r * 0.9, cy - r * 0.9)
            .lineTo(cx + r * 0.9, cy + r * 0.9).lineTo(cx - r * 0.9, cy + r * 0.9).close().toString();
        case TRIANGLE -> new PathData().moveTo(cx, cy - r * 1.15).lineTo(cx + r * 1.05, cy + r * 0.8)
            .lineTo(cx - r * 1.05, cy + r * 0.8).close().toString();
        case DIAMOND -> new PathData().moveTo(cx, cy - r * 1.2).lineTo(cx + r * 1.1, cy)
            .lineTo(cx, cy + r * 1.2).lineTo(cx - r * 1.1, cy).close().toString();
        case TRIANGLE_DOWN -> new PathData().moveTo(cx, cy + r * 1.15).lineTo(cx + r * 1.05, cy - r * 0.8)
            .lineTo(cx - r * 1.05, cy - r * 0.8).close().toString();
        case CROSS -> new PathData().moveTo(cx - r, cy - r).lineTo(cx + r, cy + r)
            .moveTo(cx - r, cy + r).lineTo(cx + r, cy - r).toString();
      };
    }

    /** @return true when the marker is drawn with a stroke only (no fill) */
    public boolean strokeOnly() {
      return this == CROSS;
    }
  }
}
