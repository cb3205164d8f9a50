package org.backstrat.model;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.backstrat.cluster.data.ScaleMethod;
import org.backstrat.cluster.data.Scaler;
import org.backstrat.cluster.kmeans.ClusterFit;
import org.backstrat.cluster.kmeans.ClusterMethod;
import org.backstrat.cluster.kmeans.ClusterModel;
import org.backstrat.core.scoring.ScoringOptions;
import org.backstrat.model.features.FeatureSpec;

/** Hand-made frozen models whose answers can be worked out by hand. */
final class TestModels {
  private TestModels() {
  }

  static Provenance provenance() {
    ObjectNode config = JsonNodeFactory.instance.objectNode();
    config.put("seed", 11);
    config.put("method", "trimmed");
    return new Provenance("test", "2025-11-28T00:00:00Z", 11,
        new InputTable("train.csv", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            100), config);
  }

  /**
   * Features x (centre 1, scale 2, weight 1) and y (centre 0, scale 1, weight 0.5), centres
   * (0, 0) and (2, 0) in the scaled space, trimmed k-means with trim radius 1.
   */
  static FrozenModel twoFeatureModel() {
    ClusterModel clustering = new ClusterModel(
        new Scaler(ScaleMethod.ROBUST, List.of("x", "y"), new double[] {1, 0},
            new double[] {2, 1}, new double[] {1, 0.5}),
        ClusterFit.restored(ClusterMethod.TRIMMED, 0.05, new double[][] {{0, 0}, {2, 0}}, 1.0));
    FrozenVariant v = new FrozenVariant("v",
        List.of(new FeatureSpec("x", FeatureSpec.Encoding.NUMERIC, 1),
            new FeatureSpec("y", FeatureSpec.Encoding.NUMERIC, 0.5)),
        Map.of(), List.of("x", "y"), List.of("x", "y"), clustering,
        List.of(new Stratum(1, "low-burden"), new Stratum(2, "degenerative")),
        new TrainingSummary(100, 5, new int[] {60, 35}, 12.5, 0.9, 0.02));
    return new FrozenModel(provenance(), ScoringOptions.withDefaults(), "complete-case",
        List.of(v));
  }

  /** Smoking (ordinal never/former/current, not scaled) and x; two strata. */
  static FrozenModel smokingModel() {
    ClusterModel clustering = new ClusterModel(
        new Scaler(ScaleMethod.ROBUST, List.of("smoking", "x"), new double[] {0, 0},
            new double[] {1, 1}, new double[] {0.25, 1}),
        ClusterFit.restored(ClusterMethod.KMEANS, 0, new double[][] {{0, 0}, {0.5, 1}}, 2.0));
    FrozenVariant v = new FrozenVariant("s",
        List.of(new FeatureSpec("smoking", FeatureSpec.Encoding.ORDINAL, 0.25),
            new FeatureSpec("x", FeatureSpec.Encoding.NUMERIC, 1)),
        Map.of("smoking", List.of("never", "former", "current")), List.of("smoking", "x"),
        List.of("smoking", "x"), clustering,
        List.of(new Stratum(1, "low-burden"), new Stratum(2, "mixed")),
        new TrainingSummary(50, 0, new int[] {30, 20}, 7, Double.NaN, Double.NaN));
    return new FrozenModel(provenance(), ScoringOptions.withDefaults(), "complete-case",
        List.of(v));
  }
}
