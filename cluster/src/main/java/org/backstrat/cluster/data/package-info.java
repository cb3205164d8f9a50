/**
 * Numeric data as the clustering engine sees it: a dense row-major feature matrix, its scaling
 * (robust, z-score or none, stored so new rows are scaled alike), squared Euclidean distances and
 * principal components. Shared by the engine, K selection, the model and the report's projection.
 */
package org.backstrat.cluster.data;
