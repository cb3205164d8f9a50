package org.backstrat.imaging.pipeline;

/** The imaging job the phantom tests run: the phantom-trained reference models. */
final class PhantomJobs {
  private PhantomJobs() {
  }

  /** A job with the phantom-trained disc localiser and Pfirrmann grader. */
  static ImagingJob.Builder builder() {
    return ImagingJob.builder().referenceModels(ImagingJob.ReferenceModels.PHANTOM);
  }

  /** {@link #builder()} built. */
  static ImagingJob job() {
    return builder().build();
  }
}
