package dev.switchboard.perf.relay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.perf.load.LoadGenerator;
import dev.switchboard.perf.load.LoadOptions;
import dev.switchboard.perf.load.LoadResult;
import dev.switchboard.perf.load.Target;
import dev.switchboard.perf.proc.PlainRelayProcess;
import dev.switchboard.perf.proc.Ports;
import dev.switchboard.perf.stub.RunningStub;
import dev.switchboard.perf.stub.StubOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The relay in front of real stubs: MCP sessions work through it, whole and as SSE, and its bounds answer. */
class PlainRelayTest {
  private static Vertx vertx;
  private static RunningStub json;
  private static RunningStub sse;
  private static HttpClient client;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    json = await(RunningStub.deploy(vertx, Ports.LOOPBACK, new StubOptions()));
    sse = await(RunningStub.deploy(vertx, Ports.LOOPBACK, new StubOptions().setSse(true)));
    client = vertx.createHttpClient();
  }

  @AfterAll
  static void stop() throws Exception {
    await(vertx.close());
  }

  @Test
  void sessionsAndCallsGoThroughAndEveryAnswerChecksOut() throws Exception {
    int port = relay(json.port());
    LoadResult calls = load(port, new LoadOptions().setPayloadSize(1000).setListRatio(0.5)
      .setExpectedTools(StubOptions.DEFAULT_TOOLS));
    assertThat(calls.errors().total()).as(calls.errors().brief()).isZero();
    assertThat(calls.requests()).isPositive();
    int before = json.sessionCount();
    LoadResult churn = load(port, new LoadOptions().setChurn(true));
    assertThat(churn.errors().total()).as(churn.errors().brief()).isZero();
    assertThat(churn.requests()).isPositive();
    assertThat(json.sessionCount()).as("each session's DELETE reached the stub").isEqualTo(before);
  }

  @Test
  void sseAnswersAreRelayedAsTheyCame() throws Exception {
    LoadResult result = load(relay(sse.port()), new LoadOptions());
    assertThat(result.errors().total()).as(result.errors().brief()).isZero();
    assertThat(result.requests()).isPositive();
  }

  @Test
  void aBodyAboveTheBoundIsRefusedUnread() throws Exception {
    int port = relay(json.port());
    HttpClientResponse response = await(client.request(new RequestOptions().setMethod(HttpMethod.POST)
        .setHost(Ports.LOOPBACK).setPort(port).setURI("/mcp")
        .putHeader(HttpHeaders.CONTENT_LENGTH, Long.toString(PlainRelay.MAX_BODY + 1)))
      .compose(request -> request.sendHead().compose(sent -> request.response())));
    assertThat(response.statusCode()).isEqualTo(413);
  }

  @Test
  void anUpstreamThatIsNotThereIsABadGateway() throws Exception {
    int port = relay(Ports.free());
    HttpClientResponse response = await(client.request(HttpMethod.POST, port, Ports.LOOPBACK, "/mcp")
      .compose(request -> request.send(Buffer.buffer("{}"))));
    assertThat(response.statusCode()).isEqualTo(502);
  }

  private static int relay(int upstreamPort) throws Exception {
    int port = Ports.free();
    await(vertx.deployVerticle(new PlainRelay(Ports.LOOPBACK, port, upstreamPort, 4)));
    return port;
  }

  private static LoadResult load(int port, LoadOptions options) throws Exception {
    return await(LoadGenerator.run(vertx, options.setTarget(Target.of(PlainRelayProcess.NAME, "http://"
      + Ports.LOOPBACK + ":" + port + "/mcp")).setDuration(Duration.ofMillis(300)).setConcurrency(2)
      .setProgress(false)));
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
