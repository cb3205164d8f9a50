/**
 * {@code backstrat serve}: an embedded HTTP server (Jetty 12) that assesses one person at a time
 * against a frozen model — an HTML form and result page, a JSON API described by OpenAPI, and
 * FHIR R4 (QuestionnaireResponse and Observations in, RiskAssessment out) — and records every
 * assessment in a registry (SQLite by default, PostgreSQL by JDBC URL).
 */
package org.backstrat.server;
