package dev.switchboard.transport.streamable;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

class JsonDepthTest {

  private static boolean exceeds(String json, int max) {
    return JsonDepth.exceeds(Buffer.buffer(json), max);
  }

  @Test
  void flatObjectIsDepthOne() {
    assertThat(exceeds("{\"a\":1}", 1)).isFalse();
    assertThat(exceeds("{\"a\":1}", 0)).isTrue();
  }

  @Test
  void nestedArraysAndObjectsCount() {
    String json = "{\"a\":[{\"b\":[1,2]}]}";
    assertThat(exceeds(json, 4)).isFalse();
    assertThat(exceeds(json, 3)).isTrue();
  }

  @Test
  void siblingsDoNotAddUp() {
    assertThat(exceeds("[[1],[2],[3],{\"x\":[]}]", 3)).isFalse();
    assertThat(exceeds("[[1],[2],[3],{\"x\":[]}]", 2)).isTrue();
  }

  @Test
  void bracketsInsideStringsAreIgnored() {
    assertThat(exceeds("{\"text\":\"[[[[{{{{\"}", 1)).isFalse();
  }

  @Test
  void escapedQuotesDoNotEndStrings() {
    assertThat(exceeds("{\"text\":\"a \\\" [[[[ \\\" {{{\"}", 1)).isFalse();
  }

  @Test
  void escapedBackslashBeforeQuoteEndsString() {
    assertThat(exceeds("{\"a\":\"x\\\\\",\"b\":[[1]]}", 2)).isTrue();
    assertThat(exceeds("{\"a\":\"x\\\\\",\"b\":[[1]]}", 3)).isFalse();
  }

  @Test
  void deepNestingIsDetected() {
    String deep = "[".repeat(10_000) + "]".repeat(10_000);
    assertThat(exceeds(deep, 64)).isTrue();
    assertThat(exceeds(deep, 10_000)).isFalse();
  }
}
