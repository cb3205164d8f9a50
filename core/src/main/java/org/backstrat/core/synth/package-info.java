/**
 * The synthetic NFBC1966-like cohort: its documented generative model (every parameter with its
 * source), compiled for speed and streamed block by block so that any row depends only on the
 * seed and its block. Lets the whole pipeline be demonstrated and tested without personal data.
 */
package org.backstrat.core.synth;
