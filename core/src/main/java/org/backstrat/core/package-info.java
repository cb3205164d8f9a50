/**
 * What every module shares: the bad-input exception with its located problems (file, row, column,
 * value, expectation), random streams derived from one seed, safe names, progress, the software
 * version and creation time written into outputs.
 */
package org.backstrat.core;
