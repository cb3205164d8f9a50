/**
 * One person at a time, as a clinic has them: {@link org.backstrat.model.person.PersonRecord}
 * (the cohort table's raw columns for one person, checked field by field) and
 * {@link org.backstrat.model.person.PersonAssigner}, which scores and assigns the person through
 * the same code as {@code backstrat assign} and explains each variant's answer (named
 * probabilities, plain-words stratum, profile, outlier warning, reasons). Used by the server and
 * usable by any batch job.
 */
package org.backstrat.model.person;
