package org.backstrat.analysis.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.backstrat.analysis.config.AnalysisConfig;
import org.backstrat.cluster.kmeans.ClusterMethod;
import org.backstrat.cluster.kmeans.Clusterer;
import org.junit.jupiter.api.Test;

/**
 * The evidence's clusterings use {@code evidence_restarts} restarts and otherwise exactly the
 * variant's own settings (method, trim, seed, iterations), for the observed data and the
 * permuted ones alike.
 */
class EvidenceStageTest {

  @Test
  void theEvidenceClustersWithEvidenceRestartsAndEveryOtherSettingOfTheVariant() {
    Clusterer variant = Clusterer.builder().method(ClusterMethod.TRIMMED).trimFraction(0.1)
        .restarts(100).seed(42).maxIterations(77).threads(3).build();
    KChoice choice = new KChoice(null, null, variant, null, Optional.empty(), List.of());
    AnalysisConfig config = AnalysisConfig.builder().evidenceRestarts(7).build();
    assertThat(EvidenceStage.clusterer(choice, config))
        .isEqualTo(variant.toBuilder().restarts(7).build());
  }

  @Test
  void theShippedDefaultIsTenRestartsAndZeroIsRefused() {
    assertThat(AnalysisConfig.defaults().evidenceRestarts()).isEqualTo(10);
    assertThatThrownBy(() -> AnalysisConfig.builder().evidenceRestarts(0).build())
        .hasMessageContaining("evidence_restarts").hasMessageContaining("1 to 10000");
  }
}
