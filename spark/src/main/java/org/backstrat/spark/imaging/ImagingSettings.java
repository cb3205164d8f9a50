package org.backstrat.spark.imaging;

import java.io.Serializable;
import java.nio.file.Path;
import org.backstrat.imaging.pipeline.ImagingJob;

/**
 * What an imaging job on Spark runs with, shipped to the executors: the model cards (paths
 * every executor can read; null = the bundled model) and whether label images are used.
 *
 * @param pfirrmannCard Pfirrmann grader card, or null
 * @param discCard disc localiser card, or null
 * @param facetCard facet segmentation card, or null
 * @param useLabelImages use label images beside the images when present
 */
public record ImagingSettings(String pfirrmannCard, String discCard, String facetCard,
                              boolean useLabelImages) implements Serializable {

  /** The bundled models, label images used: {@code backstrat imaging}'s defaults. */
  public static ImagingSettings defaults() {
    return new ImagingSettings(null, null, null, true);
  }

  /** The single-machine job with these settings. */
  public ImagingJob job() {
    ImagingJob.Builder job = ImagingJob.builder().labelImages(useLabelImages);
    if (pfirrmannCard != null) {
      job.pfirrmannModel(Path.of(pfirrmannCard));
    }
    if (discCard != null) {
      job.discLocaliserModel(Path.of(discCard));
    }
    if (facetCard != null) {
      job.facetSegmenterModel(Path.of(facetCard));
    }
    return job.build();
  }
}
