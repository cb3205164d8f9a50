/**
 * The {@code backstrat} command line: one picocli command per verb, each a thin layer over a
 * library job, plus the mapping of failures to exit codes (2 bad input, 1 internal error). Kept
 * thin so that every verb's behaviour is testable, and reusable, as a library call.
 */
package org.backstrat.cli;
