package org.backstrat.report.svg;

import java.util.List;
import org.backstrat.report.model.ParticipantFlow;

/**
 * A small CONSORT-style flow diagram of one variant: rows read, people left out for missing
 * values (with the features that were missing), people clustered (and how many of them had
 * values imputed), outliers trimmed, people in the strata with each stratum's size. The numbers
 * come from a {@link ParticipantFlow}, whose constructor checks that they add up.
 */
public final class FlowDiagram {
  private static final double WIDTH = 380;
  private static final double BOX_W = 190;
  private static final double BOX_H = 40;
  private static final double SIDE_X = 205;
  private static final double SIDE_W = 170;

  private FlowDiagram() {
  }

  /**
   * The diagram as an SVG document.
   *
   * @param id chart id, unique in the page
   * @param variant the variant's name (title)
   * @param flow the counts
   * @param strataSizes people per stratum (kept, not trimmed), in stratum order
   */
  public static String svg(String id, String variant, ParticipantFlow flow,
                           List<Integer> strataSizes) {
    double height = 3 * BOX_H + 2 * 50 + 20;
    SvgCanvas c = new SvgCanvas(id, WIDTH, height, "Participant flow, variant " + variant,
        flow.nRead() + " rows read; " + flow.nExcludedMissing() + " left out for missing values; "
            + flow.nClustered() + " clustered; " + flow.nOutliers() + " trimmed as outliers; "
            + flow.nInStrata() + " in " + strataSizes.size() + " strata");
    double x = 5;
    double y1 = 10;
    double y2 = y1 + BOX_H + 50;
    double y3 = y2 + BOX_H + 50;
    box(c, x, y1, BOX_W, flow.nRead() + " rows read", "");
    box(c, x, y2, BOX_W, flow.nClustered() + " clustered", flow.nImputed() > 0
        ? flow.nImputed() + " with imputed values" : "");
    StringBuilder sizes = new StringBuilder();
    for (int s = 0; s < strataSizes.size(); s++) {
      sizes.append(s == 0 ? "" : " / ").append(strataSizes.get(s));
    }
    box(c, x, y3, BOX_W, flow.nInStrata() + " in " + strataSizes.size() + " strata",
        sizes.toString());
    double mid = x + BOX_W / 2;
    arrow(c, mid, y1 + BOX_H, y2);
    arrow(c, mid, y2 + BOX_H, y3);
    String excluded = flow.excludedList();
    side(c, mid, y1 + BOX_H + 25, flow.nExcludedMissing() + " left out: missing values",
        excluded.length() > 30 ? excluded.substring(0, 29) + "…" : excluded);
    side(c, mid, y2 + BOX_H + 25, flow.nOutliers() + " trimmed as outliers", "");
    return c.finish();
  }

  private static void box(SvgCanvas c, double x, double y, double w, String line1,
                          String line2) {
    c.rect(x, y, w, BOX_H, "#f4f6f8", SvgCanvas.attr("stroke", "#4a5560") + SvgCanvas.attr("stroke-width", 1));
    double cx = x + w / 2;
    if (line2.isEmpty()) {
      c.text(cx, y + BOX_H / 2 + 4, line1, "middle", 12, "");
    } else {
      c.text(cx, y + 16, line1, "middle", 12, "");
      c.text(cx, y + 31, line2, "middle", 10, SvgCanvas.attr("fill", "#4a5560"));
    }
  }

  private static void arrow(SvgCanvas c, double x, double from, double to) {
    c.line(x, from, x, to - 4, "#4a5560", 1.2, "");
    c.path("M" + SvgCanvas.num(x - 4) + " " + SvgCanvas.num(to - 6) + " L" + SvgCanvas.num(x)
        + " " + SvgCanvas.num(to) + " L" + SvgCanvas.num(x + 4) + " " + SvgCanvas.num(to - 6)
        + " Z", "#4a5560", "none", 0, "");
  }

  private static void side(SvgCanvas c, double fromX, double y, String line1, String line2) {
    c.line(fromX, y, SIDE_X, y, "#4a5560", 1, "");
    double h = line2.isEmpty() ? 26 : 36;
    c.rect(SIDE_X, y - h / 2, SIDE_W, h, "#ffffff", SvgCanvas.attr("stroke", "#4a5560") + SvgCanvas.attr("stroke-width", 1));
    if (line2.isEmpty()) {
      c.text(SIDE_X + 6, y + 4, line1, "start", 11, "");
    } else {
      c.text(SIDE_X + 6, y - 3, line1, "start", 11, "");
      c.text(SIDE_X + 6, y + 11, line2, "start", 10, SvgCanvas.attr("fill", "#4a5560"));
    }
  }
}
