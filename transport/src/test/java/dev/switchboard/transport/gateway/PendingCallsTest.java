package dev.switchboard.transport.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.bus.CallEvent;
import dev.switchboard.core.bus.ClientSession;
import dev.switchboard.core.bus.CoreAddress;
import dev.switchboard.core.bus.CoreBus;
import dev.switchboard.core.bus.CoreCall;
import dev.switchboard.core.bus.CoreReply;
import dev.switchboard.core.bus.Identity;
import dev.switchboard.core.bus.SessionContext;
import dev.switchboard.core.bus.StreamMessage;
import dev.switchboard.core.catalog.AggregationOptions;
import dev.switchboard.core.catalog.Aggregators;
import dev.switchboard.core.protocol.McpException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The transport's side of a call to core: one reply address, stream messages before the reply, a bounded wait. */
@ExtendWith(VertxExtension.class)
class PendingCallsTest {
  private static final SessionContext SESSION = new SessionContext(
    new ClientSession("s1", Identity.ANONYMOUS, "2025-11-25", new JsonObject(), new JsonObject()), Map.of(),
    Aggregators.create(AggregationOptions.defaults()).aggregate(List.of()));

  private Vertx vertx;
  private CoreBus bus;
  private final List<CoreCall> received = new CopyOnWriteArrayList<>();
  private volatile Consumer<CoreCall> core = call -> { };

  @BeforeEach
  void fakeCore(Vertx vertx) {
    this.vertx = vertx;
    CoreBus.registerCodecs(vertx);
    bus = new CoreBus(vertx, Duration.ofMillis(300));
    vertx.eventBus().<CoreCall>localConsumer(CoreAddress.CALL, msg -> {
      received.add(msg.body());
      core.accept(msg.body());
    }).completion().await();
  }

  @AfterEach
  void noCallLeftBehind() {
    received.clear();
  }

  /** Runs on the calls' own context, as a transport verticle does. */
  private <T> T onContext(Supplier<Future<T>> action) throws Exception {
    Context context = vertx.getOrCreateContext();
    CompletableFuture<Future<T>> result = new CompletableFuture<>();
    context.runOnContext(v -> result.complete(action.get()));
    return result.get(5, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
  }

  @Test
  void streamMessagesArriveBeforeTheReplyInOrder() throws Exception {
    core = call -> {
      for (int i = 1; i <= 3; i++) {
        bus.callEvent(call, CallEvent.streamed(call, StreamMessage.of(new JsonObject().put("n", i))));
      }
      bus.callEvent(call, CallEvent.replied(call, CoreReply.ok(new JsonObject().put("done", true))));
    };
    List<Object> seen = new CopyOnWriteArrayList<>();
    PendingCalls[] calls = new PendingCalls[1];

    CoreReply reply = onContext(() -> {
      calls[0] = new PendingCalls(vertx, bus);
      return calls[0].call(SESSION, 1, "tools/call", null, m -> seen.add(m.message().getInteger("n")))
        .onSuccess(r -> seen.add("reply"));
    });

    assertThat(reply.result().getBoolean("done")).isTrue();
    assertThat(seen).containsExactly(1, 2, 3, "reply");
    assertThat(calls[0].size()).isZero();
  }

  @Test
  void everyCallOfAVerticleSharesOneReplyAddress() throws Exception {
    core = call -> bus.callEvent(call, CallEvent.replied(call, CoreReply.ok(new JsonObject())));
    PendingCalls[] calls = new PendingCalls[1];
    onContext(() -> {
      calls[0] = new PendingCalls(vertx, bus);
      return Future.all(List.of(calls[0].call(SESSION, 1, "ping", null, null),
        calls[0].call(SESSION, 2, "ping", null, m -> { }), calls[0].call(SESSION, 3, "ping", null, null)));
    });

    assertThat(received).extracting(CoreCall::replyTo).hasSize(3).containsOnly(received.get(0).replyTo());
    assertThat(received).extracting(CoreCall::callId).doesNotHaveDuplicates();
    assertThat(received).extracting(CoreCall::streams).containsExactly(false, true, false);
  }

  @Test
  void aFailureTravelsAsItIs() throws Exception {
    McpException unknown = McpException.invalidParams("Unknown tool: x");
    core = call -> bus.callEvent(call, CallEvent.replied(call, CoreReply.failed(unknown)));

    CoreReply reply = onContext(() -> new PendingCalls(vertx, bus).call(SESSION, 1, "tools/call", null, null));

    assertThat(reply.failure()).isSameAs(unknown);
  }

  @Test
  void aCallCoreNeverAnswersFailsAfterTheTimeout() throws Exception {
    long start = System.nanoTime();

    Throwable failure = onContext(() -> new PendingCalls(vertx, bus).call(SESSION, 1, "tools/call", null, null)
      .map(r -> (Throwable) null).otherwise(err -> err));

    assertThat(failure).isInstanceOf(TimeoutException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
  }

  @Test
  void closingFailsTheCallsStillWaiting() throws Exception {
    PendingCalls[] calls = new PendingCalls[1];
    Future<CoreReply> waiting = onContext(() -> {
      calls[0] = new PendingCalls(vertx, bus);
      return Future.succeededFuture(calls[0].call(SESSION, 1, "tools/call", null, null));
    });

    vertx.getOrCreateContext().runOnContext(v -> calls[0].close());

    assertThat(waiting.map(r -> (Throwable) null).otherwise(err -> err).await(5, TimeUnit.SECONDS))
      .isInstanceOf(TimeoutException.class);
  }
}
