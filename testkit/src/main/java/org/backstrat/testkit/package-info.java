/**
 * Test support shared by every module, used in test scope only: where the real public data is,
 * and the one rule for a missing prerequisite (skip on a user's clone, fail in CI).
 */
package org.backstrat.testkit;
