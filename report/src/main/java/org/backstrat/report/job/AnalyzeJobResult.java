package org.backstrat.report.job;

import java.nio.file.Path;
import org.backstrat.analysis.pipeline.StratificationResult;
import org.backstrat.model.FrozenModel;

/**
 * What an {@code analyze} job did.
 *
 * @param output the directory written
 * @param result the analysis
 * @param model the frozen model written as model.json
 */
public record AnalyzeJobResult(Path output, StratificationResult result, FrozenModel model) {
}
