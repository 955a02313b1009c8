package dev.switchboard.transport.session;

import dev.switchboard.session.SessionSignals.Signal;
import dev.switchboard.session.SessionSignals;
import dev.switchboard.transport.stateless.InstanceLink;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import dev.switchboard.session.SessionStore;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps this instance's session cache true to what other instances do, through {@link SessionSignals}: a session
 * deleted elsewhere is dropped here at once; a session whose view changed elsewhere is registered again on its next
 * use here; after a gap in the signals every cached session is checked against the store.
 */
final class Invalidation {
  static final String DELETED = "deleted";
  static final String REFRESH = "refresh";
  private static final System.Logger LOG = System.getLogger(Invalidation.class.getName());

  private final String instance = UUID.randomUUID().toString();
  private final SessionSignals signals;
  private final SessionStore store;
  private final Map<String, LocalSession> cache;
  private final Map<String, Handler<JsonObject>> others = new ConcurrentHashMap<>();

  Invalidation(SessionSignals signals, SessionStore store, Map<String, LocalSession> cache) {
    this.signals = signals;
    this.store = store;
    this.cache = cache;
    signals.handler(this::onSignal);
  }

  void deleted(String sessionId) {
    publish(sessionId, DELETED);
  }

  void viewChanged(String sessionId) {
    publish(sessionId, REFRESH);
  }

  /** Tells the other instances, if there are any: this instance's own signals are ignored when they come back. */
  private void publish(String sessionId, String type) {
    if (!signals.shared()) {
      return;
    }
    signals.publish(new Signal(sessionId, type, new JsonObject().put("from", instance)))
      .onFailure(err -> LOG.log(System.Logger.Level.WARNING, "could not tell other instances that a session was {0}: {1}",
        type, err.getMessage()));
  }

  /** Messages of other parts of the transport that travel on the same signals (see {@link InstanceLink}). */
  InstanceLink link() {
    return new InstanceLink() {
      @Override
      public Future<Void> publish(String type, JsonObject body) {
        return signals.publish(new Signal(null, type, body));
      }

      @Override
      public void on(String type, Handler<JsonObject> handler) {
        others.put(type, handler);
      }
    };
  }

  private void onSignal(Signal signal) {
    Handler<JsonObject> other = others.get(signal.type());
    if (other != null) {
      other.handle(signal.body());
      return;
    }
    if (SessionSignals.MISSED.equals(signal.type())) {
      cache.values().forEach(this::recheck);
      return;
    }
    if (signal.body() != null && instance.equals(signal.body().getString("from"))) {
      return;
    }
    LocalSession session = signal.sessionId() == null ? null : cache.get(signal.sessionId());
    if (session == null) {
      return;
    }
    switch (signal.type()) {
      case DELETED -> evict(session);
      case REFRESH -> store.get(session.id()).onSuccess(record -> {
        if (record == null) {
          evict(session);
        } else {
          session.record(record);
          session.registration().set(null);
        }
      });
      default -> {
      }
    }
  }

  private void recheck(LocalSession session) {
    store.touch(session.id()).onSuccess(present -> {
      if (!present) {
        evict(session);
      }
    });
  }

  private void evict(LocalSession session) {
    if (cache.remove(session.id(), session)) {
      session.terminate();
    }
  }
}
