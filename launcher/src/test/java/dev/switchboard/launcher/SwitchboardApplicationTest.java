package dev.switchboard.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SwitchboardApplicationTest {
  private static final String ALLOCATOR = "io.netty.allocator.type";
  private static final String JFR = "io.netty.jfr.enabled";

  private final Map<String, String> before = new HashMap<>();

  @BeforeEach
  void remember() {
    for (String property : SwitchboardApplication.NETTY_DEFAULTS.keySet()) {
      before.put(property, System.getProperty(property));
      System.clearProperty(property);
    }
  }

  @AfterEach
  void restore() {
    before.forEach((property, value) -> {
      if (value == null) {
        System.clearProperty(property);
      } else {
        System.setProperty(property, value);
      }
    });
  }

  @Test
  void nettyPoolsItsBuffersAndSendsNoFlightRecorderEventsUnlessTheOperatorSaidOtherwise() {
    SwitchboardApplication.chooseNettyDefaults();

    assertThat(System.getProperty(ALLOCATOR)).isEqualTo("pooled");
    assertThat(System.getProperty(JFR)).isEqualTo("false");
  }

  @Test
  void theOperatorsChoicesStay() {
    System.setProperty(ALLOCATOR, "adaptive");
    System.setProperty(JFR, "true");

    SwitchboardApplication.chooseNettyDefaults();

    assertThat(System.getProperty(ALLOCATOR)).isEqualTo("adaptive");
    assertThat(System.getProperty(JFR)).isEqualTo("true");
  }

  @Test
  void anOperatorsChoiceOfOneLeavesTheOtherDefaulted() {
    System.setProperty(JFR, "true");

    SwitchboardApplication.chooseNettyDefaults();

    assertThat(System.getProperty(ALLOCATOR)).isEqualTo("pooled");
    assertThat(System.getProperty(JFR)).isEqualTo("true");
  }
}
