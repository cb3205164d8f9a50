package org.backstrat.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class PrerequisitesTest {

  @Test
  void missingSharedDataSkipsOnAUsersClone() {
    assertThatThrownBy(() -> Prerequisites.sharedData("/no/such/folder", Map.of()))
        .isInstanceOf(TestAbortedException.class).hasMessageContaining("/no/such/folder");
    assertThatThrownBy(() -> Prerequisites.sharedData(null, Map.of()))
        .isInstanceOf(TestAbortedException.class);
  }

  @Test
  void missingSharedDataFailsWhenCiRequiresIt() {
    Map<String, String> ci = Map.of(Prerequisites.REQUIRE_DATA, "1");
    assertThatThrownBy(() -> Prerequisites.sharedData("/no/such/folder", ci))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("BACKSTRAT_REQUIRE_DATA=1").hasMessageContaining("/no/such/folder");
    assertThatThrownBy(() -> Prerequisites.sharedData(null, ci))
        .isInstanceOf(AssertionFailedError.class);
  }

  @Test
  void presentSharedDataIsReturnedWhetherRequiredOrNot(@TempDir Path dir) {
    assertThat(Prerequisites.sharedData(dir.toString(), Map.of())).isEqualTo(dir);
    assertThat(Prerequisites.sharedData(dir.toString(), Map.of(Prerequisites.REQUIRE_DATA, "1")))
        .isEqualTo(dir);
  }

  @Test
  void onlyTheMatchingVariableSetToOneTurnsASkipIntoAFailure() {
    assertThatThrownBy(() -> Prerequisites.require(false, Prerequisites.REQUIRE_DB, "db",
        Map.of(Prerequisites.REQUIRE_DATA, "1"))).isInstanceOf(TestAbortedException.class);
    assertThatThrownBy(() -> Prerequisites.require(false, Prerequisites.REQUIRE_DB, "db",
        Map.of(Prerequisites.REQUIRE_DB, "0"))).isInstanceOf(TestAbortedException.class);
    assertThatThrownBy(() -> Prerequisites.require(false, Prerequisites.REQUIRE_DB, "db",
        Map.of(Prerequisites.REQUIRE_DB, "1"))).isInstanceOf(AssertionFailedError.class);
  }
}
