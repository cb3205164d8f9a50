/**
 * The registry of assessments: SQLite (embedded default) or PostgreSQL, schema by Flyway
 * migrations, one writer thread with group commit, and CSV export.
 */
package org.backstrat.server.registry;
