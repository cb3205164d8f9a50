/**
 * Reading and writing files: delimited text and .xlsx tables, plain numbers, pretty JSON and
 * atomic output (a temporary sibling renamed into place, so nothing is ever half-written and an
 * existing output is never replaced without being asked).
 */
package org.backstrat.core.io;
