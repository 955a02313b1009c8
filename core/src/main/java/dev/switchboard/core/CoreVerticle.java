package dev.switchboard.core;

import dev.switchboard.core.bus.CallEvent;
import dev.switchboard.core.bus.ClientMessage;
import dev.switchboard.core.bus.CloseSession;
import dev.switchboard.core.bus.CoreAddress;
import dev.switchboard.core.bus.CoreBus;
import dev.switchboard.core.bus.CoreCall;
import dev.switchboard.core.bus.CoreReply;
import dev.switchboard.core.bus.ListenSession;
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
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
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
  private final CoreServices services;
  private final String callAddress;
  private CoreBus bus;

  public CoreVerticle(CoreServices services) {
    this(services, null);
  }

  /** @param privateCallAddress also serve calls on this address (see {@link CoreAddress#call(String)}); may be null */
  public CoreVerticle(CoreServices services, String privateCallAddress) {
    this.services = services;
    this.callAddress = privateCallAddress;
  }

  @Override
  public Future<?> start() {
    CoreBus.registerCodecs(vertx);
    bus = new CoreBus(vertx, Duration.ofSeconds(30));
    EventBus eventBus = vertx.eventBus();
    List<MessageConsumer<?>> consumers = new ArrayList<>(List.of(
      eventBus.<OpenSession>localConsumer(CoreAddress.SESSION_OPEN, traced(this::open)),
      eventBus.<CoreCall>localConsumer(CoreAddress.CALL, traced(this::call)),
      eventBus.<CloseSession>localConsumer(CoreAddress.SESSION_CLOSE, traced(msg -> services.close(msg.body()))),
      eventBus.<ClientMessage>localConsumer(CoreAddress.CLIENT_MESSAGE,
        traced(msg -> services.clientMessage(msg.body()))),
      eventBus.<ListenSession>localConsumer(CoreAddress.SESSION_LISTEN, traced(msg -> services.listen(msg.body()))),
      eventBus.<StopListening>localConsumer(CoreAddress.SESSION_UNLISTEN,
        msg -> services.stopListening(msg.body()))));
    if (callAddress != null) {
      consumers.add(eventBus.<CoreCall>localConsumer(callAddress, traced(this::call)));
    }
    return Future.all(consumers.stream().map(MessageConsumer::completion).toList());
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
        msg.reply(ar.result());
      } else {
        Throwable failure = ar.cause();
        int code = failure instanceof McpException mcp ? mcp.code() : JsonRpcError.INTERNAL_ERROR;
        LOG.log(System.Logger.Level.WARNING, "opening session " + msg.body().client().sessionId() + " failed", failure);
        msg.fail(code, failure.getMessage());
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
