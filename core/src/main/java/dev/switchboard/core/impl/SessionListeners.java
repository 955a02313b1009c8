package dev.switchboard.core.impl;

import dev.switchboard.core.backend.BackendClient;
import dev.switchboard.core.backend.BackendException;
import dev.switchboard.core.backend.BackendStream;
import dev.switchboard.core.bus.CoreBus;
import dev.switchboard.core.bus.Identity;
import dev.switchboard.core.bus.ListenSession;
import dev.switchboard.core.bus.SessionContext;
import dev.switchboard.core.bus.ViewChanged;
import dev.switchboard.core.catalog.BackendCatalog;
import dev.switchboard.core.catalog.CapabilityView;
import dev.switchboard.core.catalog.CatalogKind;
import dev.switchboard.core.protocol.RelayedFeatures;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The backends' standalone streams of the sessions whose clients listen (opened when the client opens its own GET
 * stream, closed with the session). A backend's {@code list_changed} drops its cached catalogs and makes core read
 * the session's catalogs again and send the new view; everything else is relayed to the session's address.
 */
final class SessionListeners {
  private static final System.Logger LOG = System.getLogger(SessionListeners.class.getName());

  private final BackendRegistry registry;
  private final ViewBuilder views;
  private final StreamRelay relay;
  private final CoreBus bus;
  private final SessionOpener opener;
  private final CatalogCache catalogs;
  private final Map<String, Listening> sessions = new ConcurrentHashMap<>();

  SessionListeners(BackendRegistry registry, ViewBuilder views, StreamRelay relay, CoreBus bus, SessionOpener opener,
                   CatalogCache catalogs) {
    this.registry = registry;
    this.views = views;
    this.relay = relay;
    this.bus = bus;
    this.opener = opener;
    this.catalogs = catalogs;
  }

  /**
   * Opens the backends' standalone streams of a session (once per session); completes when every backend has
   * answered (a backend without one, or failing, is logged and skipped).
   */
  Future<Void> listen(ListenSession request) {
    SessionContext session = request.session();
    Listening listening = new Listening(request.address(), session);
    if (sessions.putIfAbsent(session.client().sessionId(), listening) != null) {
      return Future.succeededFuture();
    }
    List<Future<BackendStream>> opened = new ArrayList<>();
    session.backendSessions().forEach((backend, stored) -> opened.add(openStream(listening, backend, stored)));
    return Future.join(opened).otherwiseEmpty().mapEmpty();
  }

  private Future<BackendStream> openStream(Listening listening, String backend, String stored) {
    BackendClient client = registry.get(backend);
    if (client == null) {
      return Future.failedFuture("unknown backend");
    }
    return client.listen(StoredIds.fromStored(stored), message -> onMessage(listening, backend, message))
      .onSuccess(stream -> {
        listening.streams.add(stream);
        if (sessions.get(listening.session.client().sessionId()) != listening) {
          stream.close();
        }
      })
      .onFailure(err -> LOG.log(System.Logger.Level.DEBUG, "no standalone stream from ''{0}'': {1}", backend,
        err.getMessage()));
  }

  /**
   * A backend went down or came back: every listening session's view is rebuilt (without it, or with it again,
   * opening a backend session where the session has none or the backend forgot it) and its client notified.
   */
  void backendChanged(String backend, boolean up) {
    catalogs.invalidate(backend);
    for (Listening listening : sessions.values()) {
      if (up || listening.view.backends().contains(backend)) {
        refresh(listening).onFailure(err -> LOG.log(System.Logger.Level.WARNING,
          "could not rebuild a session''s view after ''{0}'' changed: {1}", backend, err.getMessage()));
      }
    }
  }

  /** The configuration changed: every listening session's view is rebuilt and its client notified of changes. */
  void reconfigured(boolean rulesChanged) {
    for (Listening listening : sessions.values()) {
      refresh(listening).onComplete(ar -> {
        if (ar.failed()) {
          LOG.log(System.Logger.Level.WARNING, "could not rebuild a session''s view after a configuration change: "
            + "{0}", ar.cause().getMessage());
        }
        if (rulesChanged) {
          // the rules filter list pages as they are read: what each caller sees may have changed in every list
          bus.stream(listening.address, new ViewChanged(listening.view, EnumSet.allOf(CatalogKind.class), null));
        }
      });
    }
  }

  /**
   * A backend answered after the session was registered without it: it joins the session if its client listens,
   * else the backend session is closed (the session gets the backend with its next registration).
   */
  void lateJoin(String sessionId, String backend, SessionOpener.Opened opened) {
    Listening listening = sessions.get(sessionId);
    BackendClient client = registry.get(backend);
    if (listening == null || listening.backendSessions.containsKey(backend)) {
      if (client != null) {
        client.close(StoredIds.fromStored(opened.storedSessionId())).otherwiseEmpty();
      }
      return;
    }
    Map<String, String> joined = new LinkedHashMap<>(listening.backendSessions);
    joined.put(backend, opened.storedSessionId());
    listening.backendSessions = joined;
    openStream(listening, backend, opened.storedSessionId());
    refresh(listening).onFailure(err -> LOG.log(System.Logger.Level.WARNING,
      "could not add ''{0}'' to a session after it answered: {1}", backend, err.getMessage()));
  }

  void stop(String sessionId) {
    Listening listening = sessions.remove(sessionId);
    if (listening != null) {
      listening.streams.forEach(BackendStream::close);
    }
  }

  private void onMessage(Listening listening, String backend, JsonObject message) {
    if (!CatalogCache.LIST_CHANGED.contains(message.getValue("method"))) {
      relay.to(listening.address, backend).handle(message);
      return;
    }
    catalogs.invalidate(backend);
    refresh(listening).onFailure(err -> LOG.log(System.Logger.Level.WARNING,
      "could not refresh a session''s catalogs after a change on ''{0}'': {1}", backend, err.getMessage()));
  }

  /**
   * Refreshes a session's view ({@link #readAgain}) after what it holds now: one refresh of a session at a time, so
   * that a slow one cannot overwrite a newer one; a refresh asked for while another waits to start is that one (it
   * starts later, so it sees every change asked for before it).
   */
  private Future<Void> refresh(Listening listening) {
    synchronized (listening) {
      if (listening.waiting != null) {
        return listening.waiting.future();
      }
      Promise<Void> waiting = Promise.promise();
      listening.waiting = waiting;
      listening.refreshing.onComplete(previous -> {
        synchronized (listening) {
          if (listening.waiting == waiting) {
            listening.waiting = null;
          }
        }
        Future.<Void>succeededFuture().compose(v -> readAgain(listening)).onComplete(waiting);
      });
      listening.refreshing = waiting.future();
      return waiting.future();
    }
  }

  /**
   * Reads every catalog of the session again (in configuration order, as at registration), leaving out backends
   * that are down and opening a backend session on a backend that is up but has none for this session (or forgot
   * it), and sends the new view if a list the client sees, or the backend sessions, changed. When a backend the
   * session keeps cannot be read, the session keeps its view rather than losing that backend's items.
   */
  private Future<Void> readAgain(Listening listening) {
    Map<String, String> before = listening.backendSessions;
    List<Future<SessionOpener.Opened>> parts = new ArrayList<>();
    for (BackendClient client : registry.all()) {
      if (registry.isUp(client.name())) {
        parts.add(part(listening, client, before.get(client.name())));
      }
    }
    return Future.join(parts).transform(ignored -> {
      Map<String, String> backendSessions = new LinkedHashMap<>();
      List<BackendCatalog> fetched = new ArrayList<>();
      for (Future<SessionOpener.Opened> part : parts) {
        if (part.succeeded() && part.result() != null) {
          backendSessions.put(part.result().catalog().backend(), part.result().storedSessionId());
          fetched.add(part.result().catalog());
        } else if (part.failed() && !(part.cause() instanceof Joining)) {
          return Future.failedFuture(part.cause());
        }
      }
      CapabilityView view = views.build(fetched);
      Set<CatalogKind> changed = EnumSet.noneOf(CatalogKind.class);
      for (CatalogKind kind : CatalogKind.values()) {
        if (!view.items(kind).equals(listening.view.items(kind))) {
          changed.add(kind);
        }
      }
      boolean renewed = !backendSessions.equals(before);
      before.forEach((backend, stored) -> {
        BackendClient gone = registry.retired(backend);
        if (gone != null && !stored.equals(backendSessions.get(backend))) {
          gone.close(StoredIds.fromStored(stored)).otherwiseEmpty();
        }
      });
      if (renewed) {
        backendSessions.forEach((backend, stored) -> {
          if (!stored.equals(before.get(backend))) {
            openStream(listening, backend, stored);
          }
        });
        listening.backendSessions = backendSessions;
      }
      if (!changed.isEmpty() || renewed) {
        listening.view = view;
        bus.stream(listening.address, new ViewChanged(view, changed, renewed ? backendSessions : null));
      }
      return Future.succeededFuture();
    });
  }

  /**
   * One backend's part of a refresh: its catalog on the session's backend session (with the caller's credentials for
   * it, renewed), or on a new one when the session has none there or the backend forgot it. A backend that cannot be
   * joined fails with {@link Joining} (left out, without failing the refresh).
   */
  private Future<SessionOpener.Opened> part(Listening listening, BackendClient client, String stored) {
    JsonObject capabilities = RelayedFeatures.of(listening.session.client().clientCapabilities());
    Identity caller = listening.session.client().identity();
    if (stored == null) {
      return opener.fresh(client, "to join a session", capabilities, caller)
        .recover(err -> Future.failedFuture(new Joining()));
    }
    String sessionId = StoredIds.fromStored(stored);
    return registry.authorization(client.name(), caller)
      .compose(auth -> {
        client.authorize(sessionId, auth);
        return CatalogFetcher.fetch(client, sessionId, null);
      })
      .map(catalog -> new SessionOpener.Opened(stored, catalog))
      .recover(err -> err instanceof BackendException be && be.kind() == BackendException.Kind.SESSION_EXPIRED
        ? opener.fresh(client, "to renew a session", capabilities, caller)
          .recover(e -> Future.failedFuture(new Joining()))
        : Future.failedFuture(err));
  }

  /** A backend could not be added to a session during a refresh. */
  private static final class Joining extends RuntimeException {
    Joining() {
      super("backend not joined", null, false, false);
    }
  }

  /** One listening session. */
  private static final class Listening {
    final String address;
    final SessionContext session;
    final List<BackendStream> streams = new CopyOnWriteArrayList<>();
    volatile CapabilityView view;
    volatile Map<String, String> backendSessions;
    /** The refresh under way or last done, and the one waiting to start after it (guarded by this). */
    Future<Void> refreshing = Future.succeededFuture();
    Promise<Void> waiting;

    Listening(String address, SessionContext session) {
      this.address = address;
      this.session = session;
      this.view = session.view();
      this.backendSessions = session.backendSessions();
    }
  }
}
