package dev.switchboard.transport.streamable;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class SseWriterTest {

  @Test
  void writesHeadersEventsRetryAndComments(Vertx vertx) throws Exception {
    AtomicInteger closes = new AtomicInteger();
    int port = vertx.createHttpServer().requestHandler(req -> {
      SseWriter sse = SseWriter.start(req.response());
      sse.closeHandler(v -> closes.incrementAndGet());
      sse.event("s1-0", "");
      sse.event(null, "line one\nline two");
      sse.retry(1500);
      sse.comment("ping");
      sse.end();
      sse.end();
      assertThat(sse.closed()).isTrue();
      assertThat(sse.event("x", "late").failed()).isTrue();
    }).listen(0, "127.0.0.1").await(5, TimeUnit.SECONDS).actualPort();

    String response = RawHttp.exchange(vertx, port, "GET /mcp HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

    assertThat(response).startsWith("HTTP/1.1 200")
      .containsIgnoringCase("content-type: text/event-stream")
      .containsIgnoringCase("cache-control: no-cache")
      .containsIgnoringCase("x-accel-buffering: no")
      .containsIgnoringCase("transfer-encoding: chunked")
      .contains("id: s1-0\ndata: \n\n")
      .contains("data: line one\ndata: line two\n\n")
      .contains("retry: 1500\n\n")
      .contains(": ping\n\n");
    assertThat(closes.get()).isEqualTo(1);
  }
}
