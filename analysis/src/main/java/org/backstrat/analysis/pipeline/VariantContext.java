package org.backstrat.analysis.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.backstrat.analysis.config.AnalysisConfig;
import org.backstrat.analysis.config.VariantConfig;
import org.backstrat.core.Progress;
import org.backstrat.core.cohort.Cohort;

/**
 * What every stage of one variant's analysis reads: the settings, the variant, the scored
 * cohort, where progress goes, the thread budget, and the notes the user should see (each stage
 * appends its own, in stage order, so the notes read in the order the work was done).
 */
public final class VariantContext {
  private final AnalysisConfig config;
  private final VariantConfig variant;
  private final Cohort scored;
  private final Progress progress;
  private final int threads;
  private final List<String> notes = new ArrayList<>();

  /**
   * The context of one variant's run.
   *
   * @param config every analysis setting
   * @param variant the variant analysed
   * @param scored the scored cohort
   * @param progress where progress goes
   * @param threads worker threads (results do not depend on it)
   */
  public VariantContext(AnalysisConfig config, VariantConfig variant, Cohort scored,
                        Progress progress, int threads) {
    this.config = Objects.requireNonNull(config, "config");
    this.variant = Objects.requireNonNull(variant, "variant");
    this.scored = Objects.requireNonNull(scored, "scored");
    this.progress = Objects.requireNonNull(progress, "progress");
    if (threads < 1) {
      throw new IllegalArgumentException("threads >= 1");
    }
    this.threads = threads;
  }

  /** Every analysis setting. */
  public AnalysisConfig config() {
    return config;
  }

  /** The variant analysed. */
  public VariantConfig variant() {
    return variant;
  }

  /** The variant's name. */
  public String name() {
    return variant.name();
  }

  /** The scored cohort. */
  public Cohort scored() {
    return scored;
  }

  /** Where progress goes. */
  public Progress progress() {
    return progress;
  }

  /** Worker threads. */
  public int threads() {
    return threads;
  }

  /** Adds a note the user should see (exclusions, subsamples, skipped comparators). */
  public void note(String note) {
    notes.add(note);
  }

  /** The notes so far, in order (a copy). */
  public List<String> notes() {
    return List.copyOf(notes);
  }
}
