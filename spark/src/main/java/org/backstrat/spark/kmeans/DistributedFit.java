package org.backstrat.spark.kmeans;

import java.util.Arrays;
import org.backstrat.cluster.data.Scaler;
import org.backstrat.cluster.kmeans.ClusterFit;
import org.backstrat.cluster.kmeans.ClusterMethod;
import org.backstrat.cluster.kmeans.ClusterModel;

/**
 * What a distributed fit found: centres in the scaled space (numbered as the single-machine
 * engine numbers them: largest kept cluster first, ties by the centres' lexicographic order),
 * the trimmed objective (sum of kept squared distances), kept sizes, the trim radius (largest
 * kept distance), steps of the winning restart, and the passes and bytes the fit moved between
 * the blocks and the driver. The labels of the rows stay on the cluster: {@link #model()}
 * places each row (the spark module's cluster verb writes them).
 *
 * @param scaler the transform from raw to scaled space (identity when fitted on scaled data)
 * @param trimFraction alpha
 * @param centers k x d centres, scaled space
 * @param objective trimmed within-cluster sum of squares
 * @param sizes kept rows per cluster
 * @param trimmedRows rows trimmed (floor(alpha n))
 * @param trimRadius largest kept distance to the own centre
 * @param iterations concentration steps of the winning restart
 * @param passes Spark jobs over the blocks in the whole fit
 * @param bracketMisses concentration steps (all restarts) whose trim radius fell outside the
 *     sample's bracket, or in a bin too full to gather, and so was found by exact selection
 * @param resultBytesPerBlockPerStep largest partial result one block sends per step (bytes)
 */
public record DistributedFit(Scaler scaler, double trimFraction, double[][] centers,
                             double objective, long[] sizes, long trimmedRows, double trimRadius,
                             int iterations, long passes, long bracketMisses,
                             long resultBytesPerBlockPerStep) {

  /** A model that places new raw points exactly as the single-machine engine would. */
  public ClusterModel model() {
    return new ClusterModel(scaler, ClusterFit.restored(
        trimFraction > 0 ? ClusterMethod.TRIMMED : ClusterMethod.KMEANS, trimFraction, centers,
        trimRadius));
  }

  @Override
  public String toString() {
    return "DistributedFit[objective=" + objective + ", sizes=" + Arrays.toString(sizes)
        + ", trimmed=" + trimmedRows + ", radius=" + trimRadius + ", iterations=" + iterations
        + "]";
  }
}
