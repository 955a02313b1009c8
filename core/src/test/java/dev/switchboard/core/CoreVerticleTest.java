package dev.switchboard.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.bus.CallEvent;
import dev.switchboard.core.bus.ClientMessage;
import dev.switchboard.core.bus.ClientSession;
import dev.switchboard.core.bus.CloseSession;
import dev.switchboard.core.bus.CoreBus;
import dev.switchboard.core.bus.CoreCall;
import dev.switchboard.core.bus.CoreReply;
import dev.switchboard.core.bus.Identity;
import dev.switchboard.core.bus.ListenSession;
import dev.switchboard.core.bus.LoopAddresses;
import dev.switchboard.core.bus.OpenSession;
import dev.switchboard.core.bus.SessionContext;
import dev.switchboard.core.bus.SessionOpened;
import dev.switchboard.core.bus.StopListening;
import dev.switchboard.core.health.BackendStatus;
import dev.switchboard.core.trace.TraceContext;
import dev.switchboard.core.trace.impl.TraceparentTracerFactory;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.core.tracing.TracingOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The core verticle behind the event bus, with the gateway's tracer installed: a message's trace reaches the context
 * that handles it, and the bus itself carries no {@code traceparent}.
 */
class CoreVerticleTest {
  private static final String REPLY_TO = "test.call-events";
  private final Queue<String> busHeaders = new ConcurrentLinkedQueue<>();
  /** The trace on the handling context of each message core handled, in order (empty: none). */
  private final BlockingQueue<Optional<TraceContext>> seen = new LinkedBlockingQueue<>();
  /** The thread that handled each message, in order. */
  private final BlockingQueue<Thread> handlers = new LinkedBlockingQueue<>();
  private Vertx vertx;
  private CoreBus bus;

  @BeforeEach
  void start() {
    vertx = Vertx.builder().with(new VertxOptions().setTracingOptions(new TracingOptions()))
      .withTracer(new TraceparentTracerFactory()).build();
    vertx.eventBus().addInboundInterceptor(delivery -> {
      busHeaders.addAll(delivery.message().headers().names());
      delivery.next();
    });
    vertx.deployVerticle(new CoreVerticle(new RecordingServices())).await();
    bus = new CoreBus(vertx, Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  private static SessionContext session() {
    return new SessionContext(new ClientSession("s1", Identity.ANONYMOUS, "2025-11-25", new JsonObject(),
      new JsonObject()), Map.of(), null);
  }

  /** Runs {@code send} on a request's context of its own, with {@code trace} attached (null: none). */
  private void sendFromARequest(TraceContext trace, Runnable send) {
    ContextInternal request = ((ContextInternal) vertx.getOrCreateContext()).duplicate();
    request.runOnContext(v -> {
      if (trace != null) {
        TraceContext.attach(request, trace);
      }
      send.run();
    });
  }

  private CallEvent call(TraceContext trace) {
    Promise<CallEvent> replied = Promise.promise();
    vertx.eventBus().<CallEvent>localConsumer(REPLY_TO, msg -> replied.tryComplete(msg.body()));
    sendFromARequest(trace, () -> bus.call(new CoreCall(session(), 1, "tools/call", new JsonObject(), REPLY_TO, 7,
      true)));
    return replied.future().await();
  }

  @Test
  void aCallsTraceIsOnTheContextThatHandlesItAndNotOnTheBus() {
    TraceContext trace = TraceContext.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

    CallEvent event = call(trace);

    assertThat(event.callId()).isEqualTo(7);
    assertThat(seen).containsExactly(Optional.of(trace));
    assertThat(busHeaders).as("no traceparent encoded on the bus, either way").isEmpty();
  }

  @Test
  void aCallMadeOutsideARequestCarriesNoTrace() {
    call(null);

    assertThat(seen).containsExactly(Optional.empty());
  }

  @Test
  void everyMessageThatLeadsToBackendRequestsCarriesItsTrace() throws InterruptedException {
    TraceContext trace = TraceContext.newRoot();
    sendFromARequest(trace, () -> {
      bus.close(new CloseSession(session()));
      bus.clientMessage(new ClientMessage(session(), new JsonObject()));
      bus.listen(new ListenSession(session(), "test.listen"));
    });
    Promise<Void> openAnswered = Promise.promise();
    sendFromARequest(trace, () -> bus.open(new OpenSession(session().client(), null, null, null))
      .onComplete(answer -> openAnswered.complete()));

    for (int i = 0; i < 4; i++) {
      assertThat(seen.poll(5, TimeUnit.SECONDS)).as("message %d", i).isEqualTo(Optional.of(trace));
    }
    openAnswered.future().await();
    assertThat(busHeaders).as("no traceparent on the bus, the open's reply included").isEmpty();
  }

  @Test
  void opensCallsAndClosesSentToALoopsAddressesAreHandledOnThatLoopOnly() throws InterruptedException {
    LoopAddresses loop = LoopAddresses.of("a");
    vertx.deployVerticle(new CoreVerticle(new RecordingServices(), loop)).await();
    vertx.deployVerticle(new CoreVerticle(new RecordingServices(), LoopAddresses.of("b"))).await();
    CoreBus toLoop = new CoreBus(vertx, Duration.ofSeconds(5), loop);
    Promise<CallEvent> lastCall = Promise.promise();
    vertx.eventBus().<CallEvent>localConsumer(REPLY_TO, msg -> {
      if (msg.body().callId() == 5) {
        lastCall.tryComplete(msg.body());
      }
    });

    for (int i = 0; i < 6; i++) {
      int id = i;
      sendFromARequest(null, () -> {
        toLoop.open(new OpenSession(session().client(), null, null, null));
        toLoop.call(new CoreCall(session(), id, "tools/call", new JsonObject(), REPLY_TO, id, true));
        toLoop.close(new CloseSession(session()));
      });
    }
    lastCall.future().await();

    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 18; i++) {
      threads.add(handlers.poll(5, TimeUnit.SECONDS));
    }
    assertThat(threads).doesNotContainNull().containsOnly(threads.get(0));
  }

  /** Records the trace on the current context when each message is handled. */
  private final class RecordingServices implements CoreServices {
    private void record() {
      seen.add(Optional.ofNullable(TraceContext.current()));
      handlers.add(Thread.currentThread());
    }

    @Override
    public Future<SessionOpened> open(OpenSession request) {
      record();
      return Future.failedFuture("not needed");
    }

    @Override
    public Future<CoreReply> call(CoreCall call) {
      record();
      return Future.succeededFuture(CoreReply.ok(new JsonObject()));
    }

    @Override
    public void clientMessage(ClientMessage message) {
      record();
    }

    @Override
    public void listen(ListenSession request) {
      record();
    }

    @Override
    public void stopListening(StopListening request) {
    }

    @Override
    public void close(CloseSession request) {
      record();
    }

    @Override
    public List<String> availableBackends() {
      return List.of();
    }

    @Override
    public Future<Void> reconfigure(CoreOptions options) {
      return Future.succeededFuture();
    }

    @Override
    public List<BackendStatus> backendStatuses() {
      return List.of();
    }

    @Override
    public Future<Void> shutdown() {
      return Future.succeededFuture();
    }
  }
}
