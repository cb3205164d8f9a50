package org.backstrat.cluster.select;

import java.util.List;
import org.backstrat.cluster.kmeans.ClusterModel;

/**
 * The outcome of choosing K: the whole table, the chosen K with its model, and the rule that chose
 * it (printable in reports).
 *
 * @param rows one row per k, in increasing k
 * @param models the fitted model per k, aligned with {@code rows}
 * @param chosenK the K used (the rule's choice, or the user's fixed K)
 * @param fixedByUser true when the user fixed K
 * @param gapChoiceK the first-SE-max choice of the gap statistic (0 when gap was not computed)
 * @param rule the selection rule in words ({@link KSelector#RULE}, or a note that K was fixed)
 */
public record KSelection(List<KSelectionRow> rows, List<ClusterModel> models, int chosenK,
                         boolean fixedByUser, int gapChoiceK, String rule) {
  public KSelection {
    rows = List.copyOf(rows);
    models = List.copyOf(models);
  }

  /** The model at the chosen K. */
  public ClusterModel chosenModel() {
    for (int q = 0; q < rows.size(); q++) {
      if (rows.get(q).k() == chosenK) {
        return models.get(q);
      }
    }
    throw new IllegalStateException("chosen K " + chosenK + " not in the table");
  }

  /** The table row of the chosen K. */
  public KSelectionRow chosenRow() {
    for (KSelectionRow r : rows) {
      if (r.k() == chosenK) {
        return r;
      }
    }
    throw new IllegalStateException("chosen K " + chosenK + " not in the table");
  }
}
