package org.backstrat.analysis.dca;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a model is the best of the three strategies: the maximal runs of consecutive grid
 * thresholds at which its net benefit is strictly greater than both treat-all and treat-none
 * (zero). A curve can beat both on several separate stretches, so all runs are reported, plus
 * the widest (largest hi − lo; on a tie the one at lower thresholds).
 *
 * @param ranges the runs in ascending order (empty when the model never beats both)
 * @param widest the widest run, if any
 */
public record SuperiorRanges(List<ThresholdRange> ranges, Optional<ThresholdRange> widest) {

  public SuperiorRanges {
    ranges = List.copyOf(ranges);
  }

  /**
   * A closed range of grid thresholds [lo, hi] (a single threshold has lo = hi).
   *
   * @param lo first threshold of the run
   * @param hi last threshold of the run
   */
  public record ThresholdRange(BigDecimal lo, BigDecimal hi) {

    /** hi − lo. */
    public BigDecimal width() {
      return hi.subtract(lo);
    }

    /** True when lo &lt;= a and b &lt;= hi. */
    public boolean covers(BigDecimal a, BigDecimal b) {
      return lo.compareTo(a) <= 0 && b.compareTo(hi) <= 0;
    }
  }

  /**
   * The ranges in words for people, e.g. {@code at thresholds 0.05-0.30 and 0.42}, or
   * {@code at no threshold}.
   */
  public String describe() {
    if (ranges.isEmpty()) {
      return "at no threshold";
    }
    List<String> parts = new ArrayList<>();
    for (ThresholdRange r : ranges) {
      parts.add(r.lo().compareTo(r.hi()) == 0 ? r.lo().toPlainString()
          : r.lo().toPlainString() + "-" + r.hi().toPlainString());
    }
    String last = parts.remove(parts.size() - 1);
    return "at threshold" + (ranges.size() == 1 && ranges.get(0).lo().compareTo(ranges.get(0).hi())
        == 0 ? " " : "s ") + (parts.isEmpty() ? last : String.join(", ", parts) + " and " + last);
  }

  /** The runs where {@code model} beats both {@code treatAll} and zero, on the given grid. */
  public static SuperiorRanges of(ThresholdGrid grid, double[] model, double[] treatAll) {
    if (model.length != grid.size() || treatAll.length != grid.size()) {
      throw new IllegalArgumentException("curves must have one value per threshold");
    }
    List<ThresholdRange> runs = new ArrayList<>();
    int start = -1;
    for (int t = 0; t <= grid.size(); t++) {
      boolean beats = t < grid.size() && model[t] > treatAll[t] && model[t] > 0;
      if (beats && start < 0) {
        start = t;
      } else if (!beats && start >= 0) {
        runs.add(new ThresholdRange(grid.threshold(start), grid.threshold(t - 1)));
        start = -1;
      }
    }
    ThresholdRange widest = null;
    for (ThresholdRange r : runs) {
      if (widest == null || r.width().compareTo(widest.width()) > 0) {
        widest = r;
      }
    }
    return new SuperiorRanges(runs, Optional.ofNullable(widest));
  }
}
