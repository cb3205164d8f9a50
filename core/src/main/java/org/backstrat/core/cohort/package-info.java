/**
 * The cohort table: its schema (every column, kind, unit and admissible range), reading with
 * validation that lists every problem by row and column, and writing. The one definition of what
 * a valid cohort is, used by validate, score, analyze, assign and serve.
 */
package org.backstrat.core.cohort;
