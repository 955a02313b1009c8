package dev.switchboard.core;

import dev.switchboard.core.bus.CallEvent;
import dev.switchboard.core.bus.ClientMessage;
import dev.switchboard.core.bus.CloseSession;
import dev.switchboard.core.bus.CoreAddress;
import dev.switchboard.core.bus.CoreBus;
import dev.switchboard.core.bus.CoreCall;
import dev.switchboard.core.bus.CoreReply;
import dev.switchboard.core.bus.ListenSession;
import dev.switchboard.core.bus.LoopAddresses;
import dev.switchboard.core.bus.OpenSession;
import dev.switchboard.core.bus.StopListening;
import dev.switchboard.core.bus.Traced;
import dev.switchboard.core.protocol.JsonRpcError;
import dev.switchboard.core.protocol.McpException;
import dev.switchboard.core.trace.TraceContext;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.tracing.TracingPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Serves the core's event-bus addresses ({@link CoreAddress}) with the shared {@link CoreServices}. Several instances
 * may be deployed; they share the services and the event bus spreads requests across them. Each message's trace
 * ({@link Traced}) is put on the context that handles it (a context of its own per message), so that the backend
 * requests it leads to carry it.
 */
public final class CoreVerticle extends VerticleBase {
  private static final System.Logger LOG = System.getLogger(CoreVerticle.class.getName());
  /** Replies carry no trace either: like every message on the bus (see {@link CoreBus}), untraced. */
  private static final DeliveryOptions REPLY = new DeliveryOptions().setTracingPolicy(TracingPolicy.IGNORE);
  private final CoreServices services;
  private final LoopAddresses loopAddresses;
  private CoreBus bus;

  public CoreVerticle(CoreServices services) {
    this(services, null);
  }

  /**
   * @param loopAddresses also serve calls, session opens and session closes on these private addresses of this
   *                      verticle's event loop (see {@link LoopAddresses}); may be null
   */
  public CoreVerticle(CoreServices services, LoopAddresses loopAddresses) {
    this.services = services;
    this.loopAddresses = loopAddresses;
  }

  @Override
  public Future<?> start() {
    CoreBus.registerCodecs(vertx);
    bus = new CoreBus(vertx, Duration.ofSeconds(30));
    EventBus eventBus = vertx.eventBus();
    List<MessageConsumer<?>> consumers = new ArrayList<>(serve(eventBus, LoopAddresses.SHARED));
    if (loopAddresses != null) {
      consumers.addAll(serve(eventBus, loopAddresses));
    }
    consumers.addAll(List.of(
      eventBus.<ClientMessage>localConsumer(CoreAddress.CLIENT_MESSAGE,
        traced(msg -> services.clientMessage(msg.body()))),
      eventBus.<ListenSession>localConsumer(CoreAddress.SESSION_LISTEN, traced(msg -> services.listen(msg.body()))),
      eventBus.<StopListening>localConsumer(CoreAddress.SESSION_UNLISTEN,
        msg -> services.stopListening(msg.body()))));
    return Future.all(consumers.stream().map(MessageConsumer::completion).toList());
  }

  /** Serves calls, session opens and session closes on {@code addresses}. */
  private List<MessageConsumer<?>> serve(EventBus eventBus, LoopAddresses addresses) {
    return List.of(
      eventBus.<OpenSession>localConsumer(addresses.open(), traced(this::open)),
      eventBus.<CoreCall>localConsumer(addresses.call(), traced(this::call)),
      eventBus.<CloseSession>localConsumer(addresses.close(), traced(msg -> services.close(msg.body()))));
  }

  /** {@code handler}, after putting the message's trace on the message's own context. */
  private static <T extends Traced> Handler<Message<T>> traced(Handler<Message<T>> handler) {
    return msg -> {
      TraceContext trace = msg.body().trace();
      if (trace != null) {
        TraceContext.attach(Vertx.currentContext(), trace);
      }
      handler.handle(msg);
    };
  }

  private void open(Message<OpenSession> msg) {
    services.open(msg.body()).onComplete(ar -> {
      if (ar.succeeded()) {
        msg.reply(ar.result(), REPLY);
      } else {
        Throwable failure = ar.cause();
        int code = failure instanceof McpException mcp ? mcp.code() : JsonRpcError.INTERNAL_ERROR;
        LOG.log(System.Logger.Level.WARNING, "opening session " + msg.body().client().sessionId() + " failed", failure);
        msg.reply(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, code, failure.getMessage()), REPLY);
      }
    });
  }

  /** Answers with one {@link CallEvent}; a failure goes back as it is, for the transport to map. */
  private void call(Message<CoreCall> msg) {
    CoreCall call = msg.body();
    services.call(call).onComplete(ar -> bus.callEvent(call,
      CallEvent.replied(call, ar.succeeded() ? ar.result() : CoreReply.failed(ar.cause()))));
  }
}
