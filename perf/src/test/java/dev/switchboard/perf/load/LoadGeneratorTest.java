package dev.switchboard.perf.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.perf.stub.RunningStub;
import dev.switchboard.perf.stub.StubOptions;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import dev.switchboard.perf.proc.Ports;

/** The generator against real stubs: answers are validated and counted. Nothing here asserts a speed. */
class LoadGeneratorTest {
  private static Vertx vertx;
  private static RunningStub json;
  private static RunningStub sse;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    json = RunningStub.deploy(vertx, "127.0.0.1", new StubOptions()).toCompletionStage().toCompletableFuture()
      .get(30, TimeUnit.SECONDS);
    sse = RunningStub.deploy(vertx, "127.0.0.1", new StubOptions().setSse(true)).toCompletionStage()
      .toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private static LoadResult run(LoadOptions options) throws Exception {
    return LoadGenerator.run(vertx, options.setProgress(false)).toCompletionStage().toCompletableFuture()
      .get(60, TimeUnit.SECONDS);
  }

  private static LoadOptions base(RunningStub stub) {
    return new LoadOptions().setTarget(Target.of("direct", stub.url())).setDuration(Duration.ofMillis(300))
      .setConcurrency(2);
  }

  @Test
  void closedLoopMixValidatesEveryAnswer() throws Exception {
    LoadResult result = run(base(json).setListRatio(0.5).setExpectedTools(StubOptions.DEFAULT_TOOLS)
      .setPayloadSize(1000));
    assertThat(result.errors().total()).as(result.errors().brief()).isZero();
    assertThat(result.requests()).isPositive();
    assertThat(result.histogram().getTotalCount()).isEqualTo(result.requests());
  }

  @Test
  void sseAnswersAreRead() throws Exception {
    LoadResult result = run(base(sse));
    assertThat(result.errors().total()).as(result.errors().brief()).isZero();
    assertThat(result.requests()).isPositive();
  }

  @Test
  void openLoopSendsAtTheRate() throws Exception {
    LoadResult result = run(base(json).setRate(200).setDuration(Duration.ofMillis(500)));
    assertThat(result.errors().total()).as(result.errors().brief()).isZero();
    assertThat(result.requests()).isBetween(90L, 101L);
  }

  @Test
  void churnRunsWholeSessions() throws Exception {
    int before = json.sessionCount();
    LoadResult result = run(base(json).setChurn(true));
    assertThat(result.errors().total()).as(result.errors().brief()).isZero();
    assertThat(result.requests()).isPositive();
    assertThat(json.sessionCount()).isEqualTo(before);
  }

  @Test
  void spreadSessionsStayWhereTheyWereOpened() throws Exception {
    RunningStub other = RunningStub.deploy(vertx, "127.0.0.1", new StubOptions()).toCompletionStage()
      .toCompletableFuture().get(30, TimeUnit.SECONDS);
    try {
      LoadOptions options = base(json).setTargets(List.of(Target.of("a", json.url()), Target.of("b", other.url())))
        .setConcurrency(4);
      // Two stubs share no sessions: a session's request on the other stub is answered 404.
      LoadResult alternating = run(new LoadOptions(options).setMaxRequests(40));
      assertThat(alternating.errors().total()).isPositive();
      int before = json.sessionCount();
      LoadResult spread = run(new LoadOptions(options).setSpread(true));
      assertThat(spread.errors().total()).as(spread.errors().brief()).isZero();
      assertThat(spread.requests()).isPositive();
      assertThat(json.sessionCount()).isEqualTo(before);
      assertThat(other.sessionCount()).isZero(); // each DELETE went where its session lives
    } finally {
      other.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void requestBudgetStopsTheRun() throws Exception {
    LoadResult result = run(base(json).setDuration(Duration.ofSeconds(30)).setMaxRequests(50));
    assertThat(result.requests()).isEqualTo(50);
  }

  @Test
  void unknownToolIsCountedAsJsonRpcError() throws Exception {
    LoadResult result = run(base(json).setTool("no_such_tool").setMaxRequests(10));
    assertThat(result.errors().count(ErrorKind.JSON_RPC)).isEqualTo(10);
    assertThat(result.requests()).isZero();
  }

  @Test
  void unreachableTargetIsCountedAsConnectError() throws Exception {
    int port = Ports.free();
    LoadResult result = run(new LoadOptions().setTarget(Target.of("none", "http://127.0.0.1:" + port + "/mcp"))
      .setDuration(Duration.ofMillis(200)));
    assertThat(result.errors().count(ErrorKind.CONNECT)).isPositive();
  }

  @Test
  void idleSessionsStayOpen() throws Exception {
    int before = json.sessionCount();
    SessionFiller.Filled filled = SessionFiller.fill(vertx, Target.of("direct", json.url()), 20, 4,
      Duration.ofSeconds(30)).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    assertThat(filled.opened()).isEqualTo(20);
    assertThat(json.sessionCount()).isEqualTo(before + 20);
  }
}
