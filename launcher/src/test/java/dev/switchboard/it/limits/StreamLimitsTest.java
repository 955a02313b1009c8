package dev.switchboard.it.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.protocol.Results;
import dev.switchboard.it.TestBackends;
import dev.switchboard.launcher.Gateway;
import dev.switchboard.testkit.Awaits;
import dev.switchboard.testkit.McpTestClient;
import dev.switchboard.testkit.McpTestClient.Answer;
import dev.switchboard.testkit.McpTestClient.OpenStream;
import dev.switchboard.transport.kit.McpServerBuilder;
import dev.switchboard.transport.kit.RunningServer;
import dev.switchboard.transport.limits.LimitsOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Faults 4 and 5 of issue 10 at the front door: a client that does not read its POST's SSE answer made the gateway
 * buffer everything (heap 37 to 425 MB); a 10,000-request batch was answered with 92 MB; 500 GET streams were
 * accepted on one session. Now a slow reader's stream is closed once {@code maxBufferedBytesPerStream} wait for it and
 * its call is cancelled at the backend; batches and GET streams per session are bounded.
 */
@ExtendWith(VertxExtension.class)
class StreamLimitsTest {
  private static final int BATCH = 10;
  private static final int STREAMS = 2;
  private static final long BUFFERED = 256 * 1024;
  private static final int FLOOD_MESSAGE_CHARS = 16 * 1024;
  /** 48 MiB offered to a client that reads nothing: far beyond the bound and the sockets' buffers. */
  private static final int FLOOD_MESSAGES = 3000;

  private Vertx vertx;
  private RunningServer backend;
  private Gateway gateway;
  private final AtomicInteger floodSent = new AtomicInteger();
  private final AtomicBoolean floodCancelled = new AtomicBoolean();

  @BeforeEach
  void start(Vertx vertx) {
    this.vertx = vertx;
    McpServerBuilder builder = TestBackends.named("alpha", 0, "echo");
    builder.tool(TestBackends.textTool("flood", "sends log messages until cancelled"), (ctx, args) -> {
      Promise<JsonObject> done = Promise.promise();
      ctx.onCancel(v -> floodCancelled.set(true));
      String text = "x".repeat(FLOOD_MESSAGE_CHARS);
      vertx.setPeriodic(1, timer -> {
        if (ctx.cancelled() || floodSent.get() >= FLOOD_MESSAGES) {
          vertx.cancelTimer(timer);
          done.tryComplete(Results.text("flooded"));
        } else {
          floodSent.incrementAndGet();
          ctx.log("info", text);
        }
      });
      return done.future();
    });
    backend = TestBackends.start(vertx, builder).await();
    LimitsOptions limits = LimitsOptions.defaults().withStreams(BATCH, STREAMS, BUFFERED);
    gateway = LimitsHarness.start(vertx, limits, List.of(LimitsHarness.backend("alpha", backend.url()))).await();
  }

  @AfterEach
  void stop() {
    gateway.stop().await();
    backend.close().await();
  }

  @Test
  void aBatchBeyondTheLimitIsRefusedWhole() {
    McpTestClient client = new McpTestClient(vertx, gateway.url());
    client.initialize("2025-03-26").await();
    JsonArray batch = new JsonArray();
    for (int i = 0; i < BATCH + 1; i++) {
      batch.add(client.message(client.nextId(), "ping", null));
    }

    Answer answer = client.request().body(batch).send().await();

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.error().getInteger("code")).isEqualTo(-32600);
  }

  /**
   * Resumptions add streams (each tails its stream until it ends); a plain GET takes the session's standalone
   * stream and ends the GET that held it, so it replaces a stream rather than adding one and is never refused for it.
   */
  @Test
  void getStreamsBeyondTheLimitAreRefusedUntilOneCloses() throws Exception {
    McpTestClient client = new McpTestClient(vertx, gateway.url());
    client.initialize().await();
    OpenStream standalone = client.openStream(getStream(client, null)).await();
    List<OpenStream> resumed = new ArrayList<>();
    for (int i = 1; i < STREAMS; i++) {
      resumed.add(client.openStream(getStream(client, "pElsewhere" + i + ".3")).await());
    }

    Answer refused = client.exchange(getStream(client, "pElsewhere9.3")).await();
    OpenStream replacement = client.openStream(getStream(client, null)).await();

    assertThat(refused.status()).isEqualTo(429);
    assertThat(standalone.response.statusCode()).isEqualTo(200);
    assertThat(resumed).allSatisfy(s -> assertThat(s.response.statusCode()).isEqualTo(200));
    assertThat(replacement.response.statusCode()).isEqualTo(200);
    Awaits.until(() -> standalone.ended, Duration.ofSeconds(10), "the replaced GET is ended");
    resumed.get(0).response.request().reset();
    Awaits.until(() -> {
      OpenStream again = client.openStream(getStream(client, "pElsewhere8.3")).await();
      boolean accepted = again.response.statusCode() == 200;
      again.response.request().reset();
      return accepted;
    });
  }

  private static McpTestClient.Exchange getStream(McpTestClient client, String lastEventId) {
    McpTestClient.Exchange get = client.request().method(HttpMethod.GET).header("Accept", "text/event-stream")
      .header("Content-Type", null).body((Object) null);
    return lastEventId == null ? get : get.header("Last-Event-ID", lastEventId);
  }

  @Test
  void aClientThatDoesNotReadHasItsStreamClosedAndItsCallCancelled() throws Exception {
    McpTestClient client = new McpTestClient(vertx, gateway.url());
    client.initialize().await();
    String call = client.message(99, "tools/call", new JsonObject().put("name", "alpha_flood")
      .put("arguments", new JsonObject())).encode();
    long heapBefore = LimitsHarness.liveHeap();

    try (Socket reader = new Socket()) {
      reader.setReceiveBufferSize(4096);
      reader.connect(new InetSocketAddress("127.0.0.1", gateway.port()));
      OutputStream out = reader.getOutputStream();
      out.write(("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + "Accept: application/json, text/event-stream\r\nMCP-Protocol-Version: 2025-11-25\r\n"
        + "Mcp-Session-Id: " + client.sessionId() + "\r\nContent-Length: " + call.length() + "\r\n\r\n" + call)
        .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();

      Awaits.until(floodCancelled::get, Duration.ofSeconds(30), "the backend sees the call cancelled");
      McpTestClient other = new McpTestClient(vertx, gateway.url());
      other.initialize().await();
      Answer served = other.callTool("alpha_echo", new JsonObject().put("text", "still here")).await();
      long heapAfter = LimitsHarness.liveHeap();

      System.out.printf("[figure] slow reader: %d of %d messages sent before the cancel, live heap %+.2f MiB%n",
        floodSent.get(), FLOOD_MESSAGES, (heapAfter - heapBefore) / 1048576.0);
      assertThat(floodSent.get()).isLessThan(FLOOD_MESSAGES);
      assertThat(served.result().getJsonArray("content").getJsonObject(0).getString("text")).contains("still here");
      assertThat(heapAfter - heapBefore).isLessThan(32L * 1024 * 1024);
    }
  }
}
