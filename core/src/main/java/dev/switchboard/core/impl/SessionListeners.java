package dev.switchboard.core.impl;

import dev.switchboard.core.backend.BackendClient;
import dev.switchboard.core.backend.BackendStream;
import dev.switchboard.core.bus.CoreBus;
import dev.switchboard.core.bus.ListenSession;
import dev.switchboard.core.bus.SessionContext;
import dev.switchboard.core.bus.ViewChanged;
import dev.switchboard.core.catalog.BackendCatalog;
import dev.switchboard.core.catalog.CapabilityView;
import dev.switchboard.core.catalog.CatalogKind;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The backends' standalone streams of the sessions whose clients listen (opened when the client opens its own GET
 * stream, closed with the session). A backend's {@code list_changed} makes core read the session's catalogs again
 * and send the new view; everything else is relayed to the session's address.
 */
final class SessionListeners {
  private static final System.Logger LOG = System.getLogger(SessionListeners.class.getName());
  private static final Map<String, CatalogKind> LIST_CHANGED = Map.of(
    "notifications/tools/list_changed", CatalogKind.TOOLS,
    "notifications/prompts/list_changed", CatalogKind.PROMPTS,
    "notifications/resources/list_changed", CatalogKind.RESOURCES);

  private final BackendRegistry registry;
  private final ViewBuilder views;
  private final StreamRelay relay;
  private final CoreBus bus;
  private final Map<String, Listening> sessions = new ConcurrentHashMap<>();

  SessionListeners(BackendRegistry registry, ViewBuilder views, StreamRelay relay, CoreBus bus) {
    this.registry = registry;
    this.views = views;
    this.relay = relay;
    this.bus = bus;
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
    session.backendSessions().forEach((backend, stored) -> {
      BackendClient client = registry.get(backend);
      if (client != null) {
        opened.add(client.listen(StoredIds.fromStored(stored), message -> onMessage(listening, backend, message))
          .onSuccess(stream -> {
            listening.streams.add(stream);
            if (sessions.get(session.client().sessionId()) != listening) {
              stream.close();
            }
          })
          .onFailure(err -> LOG.log(System.Logger.Level.DEBUG, "no standalone stream from ''{0}'': {1}", backend,
            err.getMessage())));
      }
    });
    return Future.join(opened).otherwiseEmpty().mapEmpty();
  }

  void stop(String sessionId) {
    Listening listening = sessions.remove(sessionId);
    if (listening != null) {
      listening.streams.forEach(BackendStream::close);
    }
  }

  private void onMessage(Listening listening, String backend, JsonObject message) {
    CatalogKind kind = LIST_CHANGED.get(message.getString("method", ""));
    if (kind == null) {
      relay.to(listening.address, backend).handle(message);
      return;
    }
    refresh(listening).onFailure(err -> LOG.log(System.Logger.Level.WARNING,
      "could not refresh a session''s catalogs after a change on ''{0}'': {1}", backend, err.getMessage()));
  }

  /**
   * Reads every catalog of the session again (in configuration order, as at registration), and sends the new view
   * if a list the client sees changed. When a backend cannot be read, the session keeps its view rather than losing
   * that backend's items.
   */
  private Future<Void> refresh(Listening listening) {
    SessionContext session = listening.session;
    List<Future<BackendCatalog>> catalogs = new ArrayList<>();
    for (BackendClient client : registry.all()) {
      String stored = session.backendSessions().get(client.name());
      if (stored != null && registry.isSupervisedDown(client.name())) {
        catalogs.add(Future.succeededFuture(new BackendCatalog(client.name(), null, null, null, null)));
      } else if (stored != null) {
        catalogs.add(CatalogFetcher.fetch(client, StoredIds.fromStored(stored), null));
      }
    }
    return Future.all(catalogs).compose(ignored -> {
      List<BackendCatalog> fetched = catalogs.stream().map(Future::result).toList();
      CapabilityView view = views.build(fetched);
      CapabilityView before = listening.view;
      Set<CatalogKind> changed = EnumSet.noneOf(CatalogKind.class);
      for (CatalogKind kind : CatalogKind.values()) {
        if (!view.items(kind).equals(before.items(kind))) {
          changed.add(kind);
        }
      }
      if (!changed.isEmpty()) {
        listening.view = view;
        bus.stream(listening.address, new ViewChanged(view, changed));
      }
      return Future.succeededFuture();
    });
  }

  /** One listening session. */
  private static final class Listening {
    final String address;
    final SessionContext session;
    final List<BackendStream> streams = new CopyOnWriteArrayList<>();
    volatile CapabilityView view;

    Listening(String address, SessionContext session) {
      this.address = address;
      this.session = session;
      this.view = session.view();
    }
  }
}
