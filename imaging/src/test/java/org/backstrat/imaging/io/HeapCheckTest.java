package org.backstrat.imaging.io;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.backstrat.core.BadInputException;
import org.junit.jupiter.api.Test;

/** An image within the voxel limit but larger than the free heap is refused before allocating. */
class HeapCheckTest {
  @Test
  void imageLargerThanTheFreeHeapIsRefusedWithTheMemoryItNeeds() {
    assertThatThrownBy(() -> ReadLimits.checkHeap("big.mha", "512x512x512", 805L << 20,
        () -> 200L << 20)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("big.mha").hasMessageContaining("805 MB")
        .hasMessageContaining("BACKSTRAT_JAVA_OPTS=-Xmx");
  }

  @Test
  void imageThatFitsIsAccepted() {
    assertThatCode(() -> ReadLimits.checkHeap("small.mha", "64x64x1", 1L << 20,
        () -> 200L << 20)).doesNotThrowAnyException();
  }
}
