package org.backstrat.report.svg;

/**
 * The five numbers a box plot draws for one group.
 *
 * @param label group label on the x axis
 * @param lowerWhisker end of the lower whisker
 * @param q1 first quartile (box bottom)
 * @param median median (thick line)
 * @param q3 third quartile (box top)
 * @param upperWhisker end of the upper whisker
 * @param style palette index of the group's colour
 */
public record BoxStats(String label, double lowerWhisker, double q1, double median, double q3,
                       double upperWhisker, int style) {
}
