/**
 * Settings of the {@code analyze} stage: {@link org.backstrat.analysis.config.AnalysisConfig} (built
 * in code or read from a config JSON, every value checked at build time) and the feature variants
 * it clusters. Kept apart from the pipeline so that a config can be made, checked and stored
 * (model.json's provenance) without running anything.
 */
package org.backstrat.analysis.config;
