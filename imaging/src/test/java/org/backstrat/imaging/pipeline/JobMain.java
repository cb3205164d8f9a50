package org.backstrat.imaging.pipeline;

import java.nio.file.Path;

/** Runs {@code ImagingJob.withDefaults()} on args[0] into args[1]: a JVM of its own for tests. */
public final class JobMain {
  private JobMain() {
  }

  /** Entry point: input folder or manifest, output CSV. */
  public static void main(String[] args) {
    ImagingJob.Result r = ImagingJob.withDefaults().run(Path.of(args[0]), Path.of(args[1]),
        false, null);
    System.out.println(r.studies() + " studies, " + r.failed() + " failed");
  }
}
