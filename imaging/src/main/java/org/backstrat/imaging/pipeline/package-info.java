/**
 * The {@code backstrat imaging} stage: reads a folder of studies and writes biomarkers.csv, one
 * row per study, in the cohort table's columns plus QC columns.
 */
package org.backstrat.imaging.pipeline;
