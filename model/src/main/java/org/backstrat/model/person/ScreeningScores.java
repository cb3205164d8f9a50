package org.backstrat.model.person;

import java.util.Optional;
import org.backstrat.core.scoring.SbtRisk;

/**
 * The questionnaires' own published risk groups, shown beside the strata so that a clinician
 * sees what each screening tool says on its own: the STarT Back risk group (Hill et al. 2008)
 * and the ÖMPSQ-short high-risk flag (total ≥ 50; Linton et al. 2011). Scores of a
 * questionnaire the person did not answer are NaN and its group empty.
 *
 * @param sbtTotal STarT Back total 0–9
 * @param sbtPsychosocial STarT Back psychosocial subscale 0–5
 * @param sbtRisk STarT Back risk group
 * @param ompsqTotal ÖMPSQ-short total 1–100
 * @param ompsqHighRisk whether the ÖMPSQ-short total is 50 or more
 */
public record ScreeningScores(double sbtTotal, double sbtPsychosocial, Optional<SbtRisk> sbtRisk,
                              double ompsqTotal, Optional<Boolean> ompsqHighRisk) {
}
