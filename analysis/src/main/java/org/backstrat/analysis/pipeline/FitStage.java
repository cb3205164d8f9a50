package org.backstrat.analysis.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.backstrat.cluster.kmeans.ClusterFit;
import org.backstrat.cluster.kmeans.ClusterModel;
import org.backstrat.cluster.select.KSelection;
import org.backstrat.cluster.select.KSelectionRow;

/**
 * Stage 3, fit: the chosen K on everyone. When K was chosen on everyone this is the selection's
 * own model at that K. When it was chosen on a subsample (the large-n strategy), K is fitted on
 * all people with the configured restarts, which assigns everyone; the chosen row's
 * per-stratum stability is carried over by matching each full-fit centre to the nearest
 * subsample centre.
 */
public final class FitStage {
  private FitStage() {
  }

  /** Runs the stage. */
  public static StrataFit run(VariantContext ctx, VariantFeatures features, KChoice choice) {
    KSelection selection = choice.selection();
    if (choice.sample().isPresent()) {
      selection = fitEveryone(ctx, choice);
    }
    ClusterModel model = selection.chosenModel();
    ClusterFit fit = model.fit();
    int[] labels = fit.labels();
    boolean[] outlier = fit.outliers();
    int m = 0;
    for (boolean o : outlier) {
      m += o ? 0 : 1;
    }
    int[] kept = new int[m];
    int[] keptStrata = new int[m];
    int[] keptCohortRows = new int[m];
    int q = 0;
    for (int i = 0; i < outlier.length; i++) {
      if (!outlier[i]) {
        kept[q] = i;
        keptStrata[q] = labels[i];
        keptCohortRows[q] = features.encoded().cohortRows()[i];
        q++;
      }
    }
    return new StrataFit(selection, model, labels, outlier, fit.distances(), kept, keptStrata,
        keptCohortRows);
  }

  /** The subsample's selection with the chosen K fitted on everyone in its chosen row. */
  private static KSelection fitEveryone(VariantContext ctx, KChoice choice) {
    KSelection onSample = choice.selection();
    int n = choice.raw().rows();
    int k = onSample.chosenK();
    ctx.progress().step("fitting K = " + k + " on all " + n + " people");
    ClusterModel full = choice.clusterer().fit(choice.raw(), choice.scaler(), k);
    int[] match = matchCenters(full.fit(), onSample.chosenModel().fit());
    List<ClusterModel> models = new ArrayList<>(onSample.models());
    List<KSelectionRow> table = new ArrayList<>(onSample.rows());
    for (int q = 0; q < table.size(); q++) {
      KSelectionRow r = table.get(q);
      if (r.k() == k) {
        models.set(q, full);
        double[] cj = r.clusterJaccard();
        double[] permuted = new double[cj.length];
        for (int c = 0; c < cj.length; c++) {
          permuted[c] = cj[match[c]];
        }
        table.set(q, new KSelectionRow(r.k(), r.objective(), r.silhouette(),
            r.silhouetteErrorBound(), r.calinskiHarabasz(), r.gap(), r.gapSe(),
            r.stabilityJaccard(), permuted));
      }
    }
    ctx.note("K was chosen on a seeded random subsample of " + choice.sample().get().length
        + " of the " + n + " people clustered (setting selection_sample = "
        + ctx.config().selectionSample() + "): the K-selection table (objective, silhouette,"
        + " Calinski-Harabasz, gap, stability) describes that subsample; K = " + k + " was then"
        + " fitted on all " + n + " people with " + choice.clusterer().restarts()
        + " restarts, which assigned everyone");
    return new KSelection(table, models, k, onSample.fixedByUser(), onSample.gapChoiceK(),
        onSample.rule());
  }

  /**
   * For each cluster of {@code full}, the cluster of {@code sample} whose centre is nearest
   * (scaled space), matched greedily by increasing distance so the matching is one-to-one.
   */
  private static int[] matchCenters(ClusterFit full, ClusterFit sample) {
    int k = full.k();
    int[] match = new int[k];
    boolean[] usedFull = new boolean[k];
    boolean[] usedSample = new boolean[k];
    for (int round = 0; round < k; round++) {
      double best = Double.POSITIVE_INFINITY;
      int bi = -1;
      int bj = -1;
      for (int i = 0; i < k; i++) {
        for (int j = 0; j < k && !usedFull[i]; j++) {
          if (usedSample[j]) {
            continue;
          }
          double d = 0;
          double[] a = full.center(i);
          double[] b = sample.center(j);
          for (int f = 0; f < a.length; f++) {
            d += (a[f] - b[f]) * (a[f] - b[f]);
          }
          if (d < best) {
            best = d;
            bi = i;
            bj = j;
          }
        }
      }
      match[bi] = bj;
      usedFull[bi] = true;
      usedSample[bj] = true;
    }
    return match;
  }
}
