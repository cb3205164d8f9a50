package org.backstrat.cluster.kmeans;

import org.backstrat.cluster.data.FeatureMatrix;

/** Placeholder. */
final class MedoidEngine {
  MedoidEngine(Clusterer settings, FeatureMatrix data, int k) {
  }

  ClusterFit fit() {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
