package dev.switchboard.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SwitchboardApplicationTest {
  private String before;

  @BeforeEach
  void remember() {
    before = System.getProperty(SwitchboardApplication.ALLOCATOR_PROPERTY);
  }

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty(SwitchboardApplication.ALLOCATOR_PROPERTY);
    } else {
      System.setProperty(SwitchboardApplication.ALLOCATOR_PROPERTY, before);
    }
  }

  @Test
  void nettyPoolsItsBuffersUnlessTheOperatorChoseAnAllocator() {
    System.clearProperty(SwitchboardApplication.ALLOCATOR_PROPERTY);

    SwitchboardApplication.preferPooledBuffers();

    assertThat(System.getProperty(SwitchboardApplication.ALLOCATOR_PROPERTY)).isEqualTo("pooled");
  }

  @Test
  void theOperatorsAllocatorStays() {
    System.setProperty(SwitchboardApplication.ALLOCATOR_PROPERTY, "adaptive");

    SwitchboardApplication.preferPooledBuffers();

    assertThat(System.getProperty(SwitchboardApplication.ALLOCATOR_PROPERTY)).isEqualTo("adaptive");
  }
}
