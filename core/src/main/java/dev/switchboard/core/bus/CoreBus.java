package dev.switchboard.core.bus;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.tracing.TracingPolicy;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Registers the contract's codecs and sends its messages with the right delivery options.
 *
 * <p>The bus is not traced ({@link TracingPolicy#IGNORE}): the hop from transport to core is inside the gateway, so
 * it gets no span of its own. A message that may lead to backend requests carries its request's trace itself
 * ({@link Traced}), and core puts it on the context that handles the message. That costs nothing per message, where
 * a traced hop would encode, copy and parse a {@code traceparent} header and mint a span id each way.
 */
public final class CoreBus {
  private static final List<Class<?>> MESSAGE_TYPES = List.of(OpenSession.class, SessionOpened.class, CoreCall.class,
    CoreReply.class, CallEvent.class, CloseSession.class, StreamMessage.class, ClientMessage.class, ListenSession.class,
    ViewChanged.class, StopListening.class);

  private final EventBus eventBus;
  private final DeliveryOptions delivery;
  private final Supplier<LoopAddresses> addresses;
  private final Duration callTimeout;

  public CoreBus(Vertx vertx, Duration requestTimeout) {
    this(vertx, requestTimeout, LoopAddresses.SHARED);
  }

  /** A bus that sends calls, session opens and session closes to {@code addresses}. */
  public CoreBus(Vertx vertx, Duration requestTimeout, LoopAddresses addresses) {
    this(vertx, requestTimeout, () -> addresses);
  }

  /**
   * A bus for senders on every event loop: calls, session opens and session closes go to the addresses {@code book}
   * has for the sending loop.
   */
  public CoreBus(Vertx vertx, Duration requestTimeout, LoopAddressBook book) {
    this(vertx, requestTimeout, book::current);
  }

  private CoreBus(Vertx vertx, Duration requestTimeout, Supplier<LoopAddresses> addresses) {
    this.eventBus = vertx.eventBus();
    this.delivery = new DeliveryOptions().setLocalOnly(true).setTracingPolicy(TracingPolicy.IGNORE)
      .setSendTimeout(requestTimeout.toMillis());
    this.addresses = addresses;
    this.callTimeout = requestTimeout;
  }

  /** How long a caller waits for a call's reply before giving up. */
  public Duration callTimeout() {
    return callTimeout;
  }

  /** Registers the local codecs once per Vert.x instance; later calls do nothing. */
  public static synchronized void registerCodecs(Vertx vertx) {
    EventBus bus = vertx.eventBus();
    for (Class<?> type : MESSAGE_TYPES) {
      register(bus, type);
    }
  }

  private static <T> void register(EventBus bus, Class<T> type) {
    try {
      bus.registerDefaultCodec(type, new LocalCodec<>(type));
    } catch (IllegalStateException alreadyRegistered) {
      // another verticle of this Vert.x instance did it first
    }
  }

  public Future<SessionOpened> open(OpenSession request) {
    return eventBus.<SessionOpened>request(addresses.get().open(), request, delivery).map(m -> m.body());
  }

  /** Sends a call; its stream messages and reply come back as {@link CallEvent}s to {@link CoreCall#replyTo()}. */
  public void call(CoreCall request) {
    eventBus.send(addresses.get().call(), request, delivery);
  }

  /** Sends one event of a call back to its caller. */
  public void callEvent(CoreCall call, CallEvent event) {
    eventBus.send(call.replyTo(), event, delivery);
  }

  public void close(CloseSession request) {
    eventBus.send(addresses.get().close(), request, delivery);
  }

  public void clientMessage(ClientMessage message) {
    eventBus.send(CoreAddress.CLIENT_MESSAGE, message, delivery);
  }

  public void listen(ListenSession request) {
    eventBus.send(CoreAddress.SESSION_LISTEN, request, delivery);
  }

  public void stopListening(StopListening request) {
    eventBus.send(CoreAddress.SESSION_UNLISTEN, request, delivery);
  }

  /** Sends a stream message or view change to a call's or session's address (fire and forget). */
  public void stream(String address, Object message) {
    eventBus.send(address, message, delivery);
  }
}
