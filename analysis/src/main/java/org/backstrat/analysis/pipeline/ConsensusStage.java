package org.backstrat.analysis.pipeline;

import java.util.List;
import org.backstrat.cluster.data.FeatureMatrix;
import org.backstrat.cluster.data.Scaler;
import org.backstrat.cluster.kmeans.ClusterModel;

/**
 * With multiple imputation ({@code "missing": "mice"}): clusters every imputed set at the chosen
 * K and pools the strata by consensus. Each set's strata are matched to the first set's by
 * largest co-assignment (the one-to-one matching of labels that keeps the most people together,
 * found greedily on the K x K table of shared members), and each person's consensus stratum is the
 * one they fall in most often across the m sets (ties: the first set's). The people kept, the
 * outlier flags and the frozen model's centres are the first set's; the note says how often the
 * sets agreed, so a reader can judge how much the strata depend on the imputed values.
 */
public final class ConsensusStage {
  private ConsensusStage() {
  }

  /** Runs the stage; without imputed sets it returns {@code fit} unchanged. */
  public static StrataFit run(VariantContext ctx, VariantFeatures features, KChoice choice,
                              StrataFit fit) {
    List<double[][]> sets = features.imputedSets();
    if (sets.size() < 2) {
      return fit;
    }
    int k = fit.k();
    int n = fit.labels().length;
    int m = sets.size();
    int[][] votes = new int[n][k];
    for (int i = 0; i < n; i++) {
      votes[i][fit.labels()[i]]++;
    }
    ctx.progress().step(ctx.name() + ": clustering each of the " + m + " imputed sets at K = "
        + k);
    List<int[]> perSet = new java.util.ArrayList<>();
    perSet.add(fit.labels().clone());
    for (int s = 1; s < m; s++) {
      FeatureMatrix raw = FeatureMatrix.of(sets.get(s), features.encoded().columns());
      Scaler scaler = KSelectionStage.scalerFor(ctx.config(), raw, features);
      ClusterModel model = choice.clusterer().fit(raw, scaler, k);
      int[] labels = model.fit().labels();
      int[] toFirst = match(labels, fit.labels(), k);
      int[] matched = new int[n];
      for (int i = 0; i < n; i++) {
        matched[i] = toFirst[labels[i]];
        votes[i][matched[i]]++;
      }
      perSet.add(matched);
    }
    int[] consensus = new int[n];
    int unanimous = 0;
    double agreement = 0;
    for (int i = 0; i < n; i++) {
      int best = fit.labels()[i];
      for (int c = 0; c < k; c++) {
        if (votes[i][c] > votes[i][best]) {
          best = c;
        }
      }
      consensus[i] = best;
      unanimous += votes[i][best] == m ? 1 : 0;
      agreement += (double) votes[i][best] / m;
    }
    int changed = 0;
    int[] keptStrata = new int[fit.kept().length];
    for (int q = 0; q < keptStrata.length; q++) {
      keptStrata[q] = consensus[fit.kept()[q]];
      changed += keptStrata[q] != fit.keptStrata()[q] ? 1 : 0;
    }
    ctx.note(String.format(java.util.Locale.ROOT, "strata pooled by consensus over m = %d "
        + "imputed sets (multiple imputation by chained equations; each set clustered at K = %d,"
        + " its strata matched to the first set's by co-assignment): %d of %d people fell in the"
        + " same stratum in every set, mean agreement with the consensus %.1f%%; %d kept people"
        + " changed stratum from the first set; centres and outliers are the first set's", m, k,
        unanimous, n, 100 * agreement / n, changed));
    return new StrataFit(fit.selection(), fit.model(), consensus, fit.outlier(), fit.distance(),
        fit.kept(), keptStrata, fit.keptCohortRows(), perSet);
  }

  /**
   * For each label of {@code labels}, the label of {@code reference} it is matched to: pairs
   * taken greedily by most shared people, one to one.
   */
  static int[] match(int[] labels, int[] reference, int k) {
    int[][] shared = new int[k][k];
    for (int i = 0; i < labels.length; i++) {
      shared[labels[i]][reference[i]]++;
    }
    int[] out = new int[k];
    boolean[] usedA = new boolean[k];
    boolean[] usedB = new boolean[k];
    for (int round = 0; round < k; round++) {
      int bi = -1;
      int bj = -1;
      for (int a = 0; a < k; a++) {
        for (int b = 0; b < k; b++) {
          if (!usedA[a] && !usedB[b] && (bi < 0 || shared[a][b] > shared[bi][bj])) {
            bi = a;
            bj = b;
          }
        }
      }
      out[bi] = bj;
      usedA[bi] = true;
      usedB[bj] = true;
    }
    return out;
  }
}
