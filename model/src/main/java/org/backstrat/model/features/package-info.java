/**
 * From cohort columns to the numbers a variant clusters: feature specs (name, encoding, weight)
 * and the encoder shared by training ({@code analyze}) and assignment ({@code assign}), so that
 * both code a person the same way.
 */
package org.backstrat.model.features;
