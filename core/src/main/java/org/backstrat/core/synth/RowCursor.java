package org.backstrat.core.synth;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Walks rows 0 … n − 1 of a synthetic cohort in order. Rows come in fixed blocks of
 * {@link #BLOCK_ROWS}; block b draws from its own XO_RO_SHI_RO_128_PP generator seeded from
 * (seed, b) through SplitMix64 mixing. A row therefore depends only on the spec, the seed and
 * its own index, never on n or on how rows are consumed, so blocks could be generated in
 * parallel and written in order with the same bytes.
 */
final class RowCursor {

  /** Rows per independently seeded block; part of the output contract (changing it changes files). */
  static final int BLOCK_ROWS = 4096;

  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

  private final SynthModel model;
  private final long n;
  private final long seed;
  private long next;
  private UniformRandomProvider rng;
  private NormalizedGaussianSampler normal;

  RowCursor(SynthModel model, long n, long seed) {
    this.model = model;
    this.n = n;
    this.seed = seed;
  }

  /** Index of the row the next call to {@link #next} fills. */
  long index() {
    return next;
  }

  /** Fills {@code r} with the next row; false when all n rows have been produced. */
  boolean next(RowValues r) {
    if (next >= n) {
      return false;
    }
    if (next % BLOCK_ROWS == 0) {
      rng = blockSource(seed, next / BLOCK_ROWS);
      normal = ZigguratSampler.NormalizedGaussian.of(rng);
    }
    model.generate(rng, normal, r);
    next++;
    return true;
  }

  /** The generator of one block: two SplitMix64-mixed words of (seed, block). */
  static UniformRandomProvider blockSource(long seed, long block) {
    long s0 = mix(seed + GOLDEN_GAMMA * (2 * block + 1));
    long s1 = mix(mix(seed) + GOLDEN_GAMMA * (2 * block + 2));
    if ((s0 | s1) == 0) {
      s1 = GOLDEN_GAMMA;
    }
    return RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {s0, s1});
  }

  /** The SplitMix64 finaliser (Steele, Lea and Flood 2014): a bijective 64-bit mix. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
