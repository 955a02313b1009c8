package dev.switchboard.transport.streamable;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.session.memory.InMemoryEventLog;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The answer to a POST: JSON while only responses come, SSE once anything must go first. */
@ExtendWith(VertxExtension.class)
class PostAnswerTest {
  private static final String NEW = "2025-11-25";
  private static final String OLD = "2025-06-18";

  private final Map<String, Handler<HttpServerRequest>> scenarios = new ConcurrentHashMap<>();
  private StreamRegistry streams;
  private HttpClient client;
  private int port;

  /** What a client received. */
  private record Received(int status, String contentType, String body) {
  }

  @BeforeEach
  void server(Vertx vertx) {
    streams = new StreamRegistry(new InMemoryEventLog(), 1000);
    port = vertx.createHttpServer().requestHandler(req -> scenarios.get(req.path()).handle(req))
      .listen(0, "127.0.0.1").await().actualPort();
    client = vertx.createHttpClient();
  }

  private Received post(String scenario, Handler<HttpServerRequest> handler) throws Exception {
    scenarios.put("/" + scenario, handler);
    return client.request(HttpMethod.POST, port, "127.0.0.1", "/" + scenario)
      .compose(req -> req.send())
      .compose(resp -> resp.body().map(body -> received(resp, body.toString())))
      .await(5, TimeUnit.SECONDS);
  }

  private static Received received(HttpClientResponse resp, String body) {
    return new Received(resp.statusCode(), resp.getHeader("Content-Type"), body);
  }

  private PostAnswer answer(HttpServerRequest req, String version, int expected, boolean batch) {
    return new PostAnswer(req.response(), streams, "s1", version, expected, batch);
  }

  private static JsonObject response(int id) {
    return new JsonObject().put("jsonrpc", "2.0").put("id", id).put("result", new JsonObject());
  }

  private static JsonObject progress() {
    return new JsonObject().put("jsonrpc", "2.0").put("method", "notifications/progress");
  }

  @Test
  void aLoneResponseIsPlainJson() throws Exception {
    Received got = post("json", req -> answer(req, NEW, 1, false).respond(response(1)));

    assertThat(got.status()).isEqualTo(200);
    assertThat(got.contentType()).isEqualTo("application/json");
    assertThat(new JsonObject(got.body()).getInteger("id")).isEqualTo(1);
  }

  @Test
  void aMessageBeforeTheResponseTurnsTheAnswerIntoAPrimedStream() throws Exception {
    Received got = post("sse", req -> {
      PostAnswer answer = answer(req, NEW, 1, false);
      answer.send(progress());
      answer.respond(response(1));
    });

    assertThat(got.contentType()).isEqualTo("text/event-stream");
    assertThat(got.body()).containsSubsequence("id: p", "data: \n", "retry: 1000", "notifications/progress",
      "\"id\":1");
  }

  @Test
  void anOlderSessionGetsNoPrimingEvent() throws Exception {
    Received got = post("old", req -> {
      PostAnswer answer = answer(req, OLD, 1, false);
      answer.send(progress());
      answer.respond(response(1));
    });

    assertThat(got.body()).doesNotContain("retry:").startsWith("id: p");
    assertThat(got.body().lines().filter(l -> l.startsWith("data: ")).count()).isEqualTo(2);
  }

  @Test
  void aBatchGathersItsResponsesIntoOneArray() throws Exception {
    Received got = post("batch", req -> {
      PostAnswer answer = answer(req, "2025-03-26", 2, true);
      answer.respond(response(1));
      answer.respond(response(2));
    });

    assertThat(got.contentType()).isEqualTo("application/json");
    assertThat(got.body()).startsWith("[").contains("\"id\":1", "\"id\":2");
  }

  @Test
  void anAnswerWhoseResponsesAreAllDroppedIsAnEmptyStream() throws Exception {
    Received got = post("dropped", req -> answer(req, NEW, 1, false).drop());

    assertThat(got.status()).isEqualTo(200);
    assertThat(got.contentType()).isEqualTo("text/event-stream");
    assertThat(got.body()).isEmpty();
  }

  @Test
  void pausingIsRefusedToAnOlderSession() throws Exception {
    boolean[] paused = new boolean[1];
    post("refused", req -> {
      PostAnswer answer = answer(req, OLD, 1, false);
      paused[0] = answer.pause();
      answer.respond(response(1));
    });

    assertThat(paused[0]).isFalse();
  }

  @Test
  void aPausedAnswerEndsTheConnectionAndKeepsTheStreamForResumption() throws Exception {
    PostAnswer[] held = new PostAnswer[1];
    Received got = post("paused", req -> {
      held[0] = answer(req, NEW, 1, false);
      held[0].send(progress());
      assertThat(held[0].pause()).isTrue();
    });
    String streamId = EventIds.streamOf(got.body().lines().filter(l -> l.startsWith("id: ")).findFirst()
      .orElseThrow().substring(4));

    held[0].respond(response(1));

    assertThat(got.body()).doesNotContain("\"id\":1");
    assertThat(streams.log().after("s1", streamId, null).await().stream().map(e -> e.data()))
      .anySatisfy(data -> assertThat(data).contains("\"id\":1"));
  }
}
