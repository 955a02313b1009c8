package dev.switchboard.perf.stub;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StubTextTest {
  @Test
  void textHasTheRequestedSizeAndItsPrefix() {
    String text = StubText.build(42, 100, StubText.filler(100));
    assertThat(text).hasSize(100).startsWith("seq:42 ");
    assertThat(StubText.matches(text, 42, 100)).isTrue();
  }

  @Test
  void textShorterThanThePrefixIsThePrefix() {
    assertThat(StubText.build(7, 0, "")).isEqualTo("seq:7 ");
    assertThat(StubText.matches("seq:7 ", 7, 0)).isTrue();
  }

  @Test
  void answerToAnotherRequestDoesNotMatch() {
    String text = StubText.build(41, 64, StubText.filler(64));
    assertThat(StubText.matches(text, 42, 64)).isFalse();
    assertThat(StubText.matches(text, 41, 65)).isFalse();
    assertThat(StubText.matches(null, 41, 64)).isFalse();
  }
}
