package dev.switchboard.core.backend.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The incremental SSE parser, fed by hand. */
class SseParserTest {
  private final List<SseEvent> events = new ArrayList<>();
  private final SseParser parser = new SseParser(events::add, 1024);

  @Test
  void dataLinesAreJoinedWithNewlines() {
    feed("data: one\ndata: two\ndata:three\n\n");

    assertThat(events).containsExactly(new SseEvent("", "message", Buffer.buffer("one\ntwo\nthree"), -1));
  }

  @Test
  void idEventAndRetryFieldsAreRead() {
    feed("id: 42\nevent: update\nretry: 1500\ndata: x\n\n");

    assertThat(events).containsExactly(new SseEvent("42", "update", Buffer.buffer("x"), 1500));
  }

  @Test
  void lastEventIdCarriesOverAndEventTypeResets() {
    feed("id: 1\nevent: a\ndata: x\n\ndata: y\n\n");

    assertThat(events).extracting(SseEvent::id).containsExactly("1", "1");
    assertThat(events).extracting(SseEvent::type).containsExactly("a", "message");
    assertThat(parser.lastEventId()).isEqualTo("1");
  }

  @Test
  void crlfAndCrLineEndingsAreAccepted() {
    feed("data: a\r\n\r\ndata: b\r\rdata: c\n\n");

    assertThat(events).extracting(SseEvent::text).containsExactly("a", "b", "c");
  }

  @Test
  void crlfSplitBetweenChunksIsOneLineEnd() {
    feed("data: a\r");
    feed("\ndata: b\r");
    feed("\n\r");
    feed("\n");

    assertThat(events).extracting(SseEvent::text).containsExactly("a\nb");
  }

  @Test
  void eventFedOneByteAtATimeIsParsed() {
    byte[] bytes = "id: 9\r\nevent: e\r\ndata: {\"k\": 1}\r\n\r\n".getBytes(StandardCharsets.UTF_8);
    for (byte b : bytes) {
      parser.feed(Buffer.buffer(new byte[] {b}));
    }

    assertThat(events).containsExactly(new SseEvent("9", "e", Buffer.buffer("{\"k\": 1}"), -1));
  }

  @Test
  void utf8CharacterSplitAcrossChunksIsDecoded() {
    byte[] bytes = "data: h\u00e9llo \u20ac\n\n".getBytes(StandardCharsets.UTF_8);
    parser.feed(Buffer.buffer(bytes).getBuffer(0, 8));
    parser.feed(Buffer.buffer(bytes).getBuffer(8, bytes.length));

    assertThat(events).extracting(SseEvent::text).containsExactly("h\u00e9llo \u20ac");
  }

  @Test
  void commentsAreIgnored() {
    feed(": ping\ndata: x\n: another\n\n:\n\n");

    assertThat(events).extracting(SseEvent::text).containsExactly("x");
  }

  @Test
  void primingEventWithEmptyDataIsDispatchedEmpty() {
    feed("id: p1\ndata:\n\n");

    assertThat(events).containsExactly(new SseEvent("p1", "message", Buffer.buffer(""), -1));
  }

  @Test
  void blockWithoutDataIsNotDispatchedButKeepsItsId() {
    feed("id: 5\nevent: nothing\n\ndata: x\n\n");

    assertThat(events).containsExactly(new SseEvent("5", "message", Buffer.buffer("x"), -1));
  }

  @Test
  void onlyOneLeadingSpaceIsRemovedFromAValue() {
    feed("data:  indented\n\n");

    assertThat(events).extracting(SseEvent::text).containsExactly(" indented");
  }

  @Test
  void fieldWithoutColonHasEmptyValue() {
    feed("data\ndata\n\n");

    assertThat(events).extracting(SseEvent::text).containsExactly("\n");
  }

  @Test
  void unknownFieldsAndInvalidRetryAreIgnored() {
    feed("foo: bar\nretry: 10s\ndata: x\n\n");

    assertThat(events).containsExactly(new SseEvent("", "message", Buffer.buffer("x"), -1));
  }

  @Test
  void idContainingNulIsIgnored() {
    feed("id: 1\n\nid: a\0b\ndata: x\n\n");

    assertThat(events).extracting(SseEvent::id).containsExactly("1");
  }

  @Test
  void leadingByteOrderMarkIsSkipped() {
    feed("\uFEFFdata: x\n\n");

    assertThat(events).extracting(SseEvent::text).containsExactly("x");
  }

  @Test
  void unterminatedEventIsNotDispatched() {
    feed("data: partial\n");

    assertThat(events).isEmpty();
  }

  @Test
  void lineLongerThanTheLimitFails() {
    assertThatThrownBy(() -> feed("data: " + "x".repeat(2000))).isInstanceOf(IllegalStateException.class)
      .hasMessageContaining("1024");
  }

  @Test
  void aLineOfExactlyTheLimitIsReadAndOneMoreByteAcrossChunksFails() {
    String data = "x".repeat(1024 - "data: ".length());
    feed("data: " + data.substring(0, 500));
    feed(data.substring(500) + "\n\n");
    assertThat(events).extracting(SseEvent::text).containsExactly(data);

    feed("data: " + data.substring(0, 500));
    assertThatThrownBy(() -> feed(data.substring(500) + "x")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void manyEventsInOneChunkWithMixedLineEndsAreAllDispatched() {
    feed("data: a\r\n\r\ndata: b\r\rdata: c\n\ndata: d\r");
    feed("\n\r\n");
    assertThat(events).extracting(SseEvent::text).containsExactly("a", "b", "c", "d");
  }

  @Test
  void eventDataLargerThanTheLimitFails() {
    String line = "data: " + "x".repeat(300) + "\n";

    assertThatThrownBy(() -> feed(line.repeat(5))).isInstanceOf(IllegalStateException.class);
    assertThat(events).isEmpty();
  }

  @Test
  void eventWithOnlyAnIdSetsTheLastEventId() {
    feed("id: prime\n\n");

    assertThat(events).isEmpty();
    assertThat(parser.lastEventId()).isEqualTo("prime");
  }

  @Test
  void idOfAnUnterminatedEventIsNotTheLastEventIdYet() {
    feed("id: 1\ndata: x\n\nid: 2\ndata: y\n");

    assertThat(parser.lastEventId()).isEqualTo("1");
  }

  @Test
  void parserForAReconnectionKeepsTheLastIdAndRetry() {
    SseParser resumed = new SseParser(events::add, 1024, "41", 250);
    resumed.feed(Buffer.buffer("data: x\n\n"));

    assertThat(events).containsExactly(new SseEvent("41", "message", Buffer.buffer("x"), 250));
    assertThat(resumed.lastEventId()).isEqualTo("41");
    assertThat(resumed.retry()).isEqualTo(250);
  }

  @Test
  void dataBytesArePassedOnAsTheStreamCarriedThem() {
    byte[] notUtf8 = {'d', 'a', 't', 'a', ':', ' ', (byte) 0xFF, 'x', (byte) 0xC3, '\n', '\n'};
    parser.feed(Buffer.buffer(notUtf8));

    assertThat(events).hasSize(1);
    assertThat(events.get(0).data().getBytes()).containsExactly((byte) 0xFF, 'x', (byte) 0xC3);
  }

  @Test
  void aChunkThatIsASliceOfALargerBufferIsReadFromItsOwnBytesOnly() {
    Buffer around = Buffer.buffer("data: before\n\ndata: mine\n\ndata: after\n\n");
    int from = "data: before\n\n".length();

    parser.feed(around.slice(from, from + "data: mine\n\n".length()));

    assertThat(events).extracting(SseEvent::text).containsExactly("mine");
  }

  @Test
  void aDirectBufferChunkIsParsed() {
    ByteBuf direct = Unpooled.directBuffer().writeBytes("id: d\ndata: {}\n\n".getBytes(StandardCharsets.UTF_8));
    try {
      parser.feed(BufferInternal.buffer(direct));
    } finally {
      direct.release();
    }

    assertThat(events).containsExactly(new SseEvent("d", "message", Buffer.buffer("{}"), -1));
  }

  @Test
  void eventAndIdValuesAreDecodedAsUtf8() {
    feed("id: \u00e9t\u00e9\nevent: caf\u00e9\ndata: x\n\n");

    assertThat(events).containsExactly(new SseEvent("\u00e9t\u00e9", "caf\u00e9", Buffer.buffer("x"), -1));
  }

  @Test
  void dataOfOnlyJsonWhitespaceIsBlank() {
    feed("data:  \t\ndata:\n\ndata: {}\n\n");

    assertThat(events).extracting(SseEvent::isBlank).containsExactly(true, false);
  }

  private void feed(String text) {
    parser.feed(Buffer.buffer(text, "UTF-8"));
  }
}
