package org.backstrat.report.svg;

/**
 * Builder of SVG path data ({@code d} attribute) with the same fixed number formatting as
 * {@link SvgCanvas}, so paths are byte-identical between runs.
 */
public final class PathData {
  private final StringBuilder d = new StringBuilder(256);

  /** Moves the pen without drawing. */
  public PathData moveTo(double x, double y) {
    return op('M', x, y);
  }

  /** Draws a straight segment to the point. */
  public PathData lineTo(double x, double y) {
    return op('L', x, y);
  }

  /** Closes the current sub-path. */
  public PathData close() {
    d.append('Z');
    return this;
  }

  /** @return true when nothing has been drawn yet */
  public boolean isEmpty() {
    return d.length() == 0;
  }

  private PathData op(char c, double x, double y) {
    d.append(c).append(SvgCanvas.num(x)).append(' ').append(SvgCanvas.num(y));
    return this;
  }

  @Override
  public String toString() {
    return d.toString();
  }
}
