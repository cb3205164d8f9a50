/**
 * Library jobs of the verbs whose outputs include the report: {@link
 * org.backstrat.report.job.AnalyzeJob} runs {@code analyze} from a request to a finished output
 * directory; the command line only parses options and calls it.
 */
package org.backstrat.report.job;
