package dev.switchboard.core.backend.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.json.ExactNumber;
import org.junit.jupiter.api.Test;

/** Integer ids in any notation are one id; a fractional one is no id (issue 10, fault 8). */
class IdNotationTest {

  @Test
  void exponentIdMatchesTheSameIntegerAnswered() {
    assertThat(RequestIds.matches(new ExactNumber("1E+2"), 100)).isTrue();
    assertThat(RequestIds.matches(100, new ExactNumber("1e2"))).isTrue();
    assertThat(RequestIds.matches(new ExactNumber("1e999999"), new ExactNumber("1E+999999"))).isTrue();
  }

  @Test
  void differentValuesDoNotMatch() {
    assertThat(RequestIds.matches(new ExactNumber("1E+2"), 101)).isFalse();
    assertThat(RequestIds.matches(new ExactNumber("1E+2"), "100")).isFalse();
  }

  @Test
  void fractionalIdIsRefused() {
    assertThatThrownBy(() -> RequestIds.checked(new ExactNumber("1.5"))).isInstanceOf(IllegalArgumentException.class);
    assertThat(RequestIds.checked(new ExactNumber("1E+2"))).isEqualTo(new ExactNumber("1E+2"));
  }
}
