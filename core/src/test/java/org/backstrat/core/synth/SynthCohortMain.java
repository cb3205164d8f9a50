package org.backstrat.core.synth;

import java.nio.file.Path;

/**
 * Writes a synthetic cohort from the command line, for the calibration scripts and the
 * benchmark (bench/synth/run.sh) until the CLI's {@code synth} verb is wired. Not a test.
 *
 * <p>Usage: {@code SynthCohortMain N SEED OUT.csv [SPEC.json]}; overwrites OUT.csv. Prints the
 * elapsed wall time in milliseconds on stderr.
 */
public final class SynthCohortMain {

  private SynthCohortMain() {
  }

  /** Entry point: N SEED OUT [SPEC]. */
  public static void main(String[] args) {
    if (args.length < 3 || args.length > 4) {
      System.err.println("usage: SynthCohortMain N SEED OUT.csv [SPEC.json]");
      System.exit(2);
    }
    long n = Long.parseLong(args[0]);
    long seed = Long.parseLong(args[1]);
    Path out = Path.of(args[2]);
    SynthSpec spec = args.length == 4 ? SynthSpec.read(Path.of(args[3])) : SynthSpec.defaults();
    long start = System.nanoTime();
    CohortSynthesizer.withSpec(spec).write(out, n, seed, true);
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.err.println("wrote " + n + " rows to " + out + " in " + millis + " ms");
  }
}
