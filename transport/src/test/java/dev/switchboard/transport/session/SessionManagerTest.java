package dev.switchboard.transport.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.bus.CoreAddress;
import dev.switchboard.core.bus.CoreBus;
import dev.switchboard.core.bus.Identity;
import dev.switchboard.core.bus.OpenSession;
import dev.switchboard.core.bus.SessionContext;
import dev.switchboard.core.bus.SessionOpened;
import dev.switchboard.core.catalog.AggregationOptions;
import dev.switchboard.core.catalog.Aggregators;
import dev.switchboard.core.catalog.BackendCatalog;
import dev.switchboard.core.catalog.CatalogKind;
import dev.switchboard.session.SessionRecord;
import dev.switchboard.session.SessionSignals;
import dev.switchboard.session.SessionState;
import dev.switchboard.session.SessionStore;
import dev.switchboard.session.SessionStoreOptions;
import dev.switchboard.session.SessionStores;
import dev.switchboard.session.memory.InMemoryEventLog;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The session manager against an in-memory store and a stand-in for core's session opening on the event bus. */
@ExtendWith(VertxExtension.class)
class SessionManagerTest {
  private static final Identity ALICE = new Identity("https://idp", "alice");
  private static final Identity BOB = new Identity("https://idp", "bob");

  private final AtomicInteger opened = new AtomicInteger();
  private volatile Promise<Void> openGate;
  private SessionStore store;
  private SessionManager sessions;

  @BeforeEach
  void start(Vertx vertx) {
    CoreBus.registerCodecs(vertx);
    vertx.eventBus().<OpenSession>localConsumer(CoreAddress.SESSION_OPEN, msg -> {
      opened.incrementAndGet();
      Future<Void> gate = openGate == null ? Future.succeededFuture() : openGate.future();
      gate.onComplete(v -> msg.reply(new SessionOpened(Map.of("alpha", "backend-session-1"),
        Aggregators.create(AggregationOptions.defaults()).aggregate(List.of(new BackendCatalog("alpha",
          List.of(new JsonObject().put("name", "echo").put("inputSchema", new JsonObject())), null, null,
          null))))));
    }).completion().await();
    SessionStoreOptions options = new SessionStoreOptions("memory", Duration.ofMinutes(5), Duration.ofSeconds(30),
      null, null);
    store = SessionStores.create(vertx, options);
    sessions = new SessionManager(vertx, store, new InMemoryEventLog(), SessionStores.signals(vertx, options),
      new CoreBus(vertx, Duration.ofSeconds(5)), Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() {
    sessions.close();
  }

  private LocalSession create(Identity identity) throws Exception {
    return sessions.create(identity, "2025-11-25", new JsonObject().put("name", "test"), new JsonObject())
      .await(5, TimeUnit.SECONDS);
  }

  @Test
  void initializeStoresAPendingRecordBoundToTheCaller() throws Exception {
    LocalSession session = create(ALICE);

    SessionRecord record = store.get(session.id()).await(5, TimeUnit.SECONDS);
    assertThat(record.state()).isEqualTo(SessionState.PENDING);
    assertThat(record.subject()).isEqualTo("alice");
    assertThat(opened.get()).isZero();
  }

  @Test
  void registrationAttachesTheViewAndActivatesTheRecord() throws Exception {
    LocalSession session = create(ALICE);

    SessionContext context = sessions.register(session).await(5, TimeUnit.SECONDS);

    assertThat(context.backendSessions()).containsEntry("alpha", "backend-session-1");
    assertThat(context.view().page(CatalogKind.TOOLS, null).getJsonArray("tools")).hasSize(1);
    assertThat(store.get(session.id()).await(5, TimeUnit.SECONDS).state()).isEqualTo(SessionState.ACTIVE);
  }

  @Test
  void concurrentRequestsShareOneRegistration() throws Exception {
    openGate = Promise.promise();
    LocalSession session = create(ALICE);

    Future<SessionContext> first = sessions.register(session);
    Future<SessionContext> second = sessions.register(session);
    openGate.complete();

    assertThat(first.await(5, TimeUnit.SECONDS)).isSameAs(second.await(5, TimeUnit.SECONDS));
    assertThat(opened.get()).isEqualTo(1);
  }

  @Test
  void anotherIdentityIsRefusedAndTheSessionStaysIntact() throws Exception {
    LocalSession session = create(ALICE);

    Throwable refused = sessions.find(session.id(), BOB).map(s -> (Throwable) null).otherwise(e -> e)
      .await(5, TimeUnit.SECONDS);

    assertThat(refused).isInstanceOf(SessionFailure.class);
    assertThat(((SessionFailure) refused).kind()).isEqualTo(SessionFailure.Kind.FORBIDDEN);
    assertThat(sessions.find(session.id(), ALICE).await(5, TimeUnit.SECONDS)).isSameAs(session);
  }

  @Test
  void anUnknownSessionIsNotFound() throws Exception {
    Throwable missing = sessions.find("no-such-session-0123456789abcdef", ALICE).map(s -> (Throwable) null)
      .otherwise(e -> e).await(5, TimeUnit.SECONDS);

    assertThat(((SessionFailure) missing).kind()).isEqualTo(SessionFailure.Kind.NOT_FOUND);
  }

  @Test
  void deleteEndsTheSessionEverywhereItIsKept() throws Exception {
    LocalSession session = create(ALICE);
    sessions.register(session).await(5, TimeUnit.SECONDS);

    sessions.delete(session.id(), ALICE).await(5, TimeUnit.SECONDS);

    assertThat(session.terminated()).isTrue();
    assertThat(store.get(session.id()).await(5, TimeUnit.SECONDS)).isNull();
    Throwable gone = sessions.find(session.id(), ALICE).map(s -> (Throwable) null).otherwise(e -> e)
      .await(5, TimeUnit.SECONDS);
    assertThat(((SessionFailure) gone).kind()).isEqualTo(SessionFailure.Kind.NOT_FOUND);
  }

  @Test
  void aDeleteIsSignalledOnlyWhenOtherInstancesShareTheStore(Vertx vertx) throws Exception {
    for (boolean shared : new boolean[] {false, true}) {
      RecordedSignals signals = new RecordedSignals(shared);
      SessionManager manager = new SessionManager(vertx, store, new InMemoryEventLog(), signals,
        new CoreBus(vertx, Duration.ofSeconds(5)), Duration.ofSeconds(5));
      try {
        LocalSession session = manager.create(ALICE, "2025-11-25", new JsonObject(), new JsonObject())
          .await(5, TimeUnit.SECONDS);
        manager.register(session).await(5, TimeUnit.SECONDS);
        manager.delete(session.id(), ALICE).await(5, TimeUnit.SECONDS);

        if (shared) {
          assertThat(signals.published).extracting(SessionSignals.Signal::type).containsExactly(Invalidation.DELETED);
          assertThat(signals.published.getFirst().sessionId()).isEqualTo(session.id());
        } else {
          assertThat(signals.published).isEmpty();
        }
      } finally {
        manager.close();
      }
    }
  }

  /** Signals that keep what is published; {@code shared} says whether other instances would receive them. */
  private static final class RecordedSignals implements SessionSignals {
    final List<Signal> published = new CopyOnWriteArrayList<>();
    private final boolean shared;

    RecordedSignals(boolean shared) {
      this.shared = shared;
    }

    @Override
    public Future<Void> publish(Signal signal) {
      published.add(signal);
      return Future.succeededFuture();
    }

    @Override
    public boolean shared() {
      return shared;
    }

    @Override
    public void handler(Handler<Signal> handler) {
    }

    @Override
    public Future<Void> close() {
      return Future.succeededFuture();
    }
  }
}
