package dev.switchboard.core.impl;

import dev.switchboard.core.async.Deadline;
import dev.switchboard.core.backend.BackendClient;
import dev.switchboard.core.backend.BackendException;
import dev.switchboard.core.bus.Identity;
import dev.switchboard.core.bus.OpenSession;
import dev.switchboard.core.bus.SessionOpened;
import dev.switchboard.core.catalog.BackendCatalog;
import dev.switchboard.core.catalog.CapabilityView;
import dev.switchboard.core.protocol.RelayedFeatures;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Phase 2 of session creation on the core side: opens a backend session on every backend that is up (in parallel,
 * each bounded by its backend's timeout; a failing backend is left out, never failing the session), or re-injects a
 * session created elsewhere by reading the catalogs again on its stored backend sessions (no re-initialize), then
 * merges the catalogs into the session's view. A catalog another session already read the same way comes from the
 * {@link CatalogCache} instead of the backend.
 */
final class SessionOpener {
  private static final System.Logger LOG = System.getLogger(SessionOpener.class.getName());

  private final BackendRegistry registry;
  private final ViewBuilder views;
  private final CatalogCache cache;
  private volatile LateJoin lateJoin = (sessionId, backend, opened) -> { };

  SessionOpener(BackendRegistry registry, ViewBuilder views, CatalogCache cache) {
    this.registry = registry;
    this.views = views;
    this.cache = cache;
  }

  Future<SessionOpened> open(OpenSession request) {
    Map<String, String> stored = request.backendSessions();
    CapabilityView known = stored == null ? null : views.cached(request.viewFingerprint());
    if (stored != null) {
      registry.metrics().sessionReinjected();
    }
    if (known != null) {
      return Future.succeededFuture(new SessionOpened(stored, known));
    }
    JsonObject capabilities = RelayedFeatures.of(request.client().clientCapabilities());
    List<Future<Opened>> opening = new ArrayList<>();
    for (BackendClient client : registry.all()) {
      if (stored != null && stored.containsKey(client.name())) {
        opening.add(restore(client, stored.get(client.name()), capabilities, request.client().identity()));
      } else if (registry.isUp(client.name())) {
        opening.add(withDeadline(request.client().sessionId(), client, fresh(client, "for a new session",
          capabilities, request.client().identity())));
      }
    }
    return Future.join(opening).transform(ignored -> {
      Map<String, String> sessions = new LinkedHashMap<>();
      List<BackendCatalog> catalogs = new ArrayList<>();
      for (Future<Opened> f : opening) {
        if (f.succeeded()) {
          sessions.put(f.result().catalog().backend(), f.result().storedSessionId());
          catalogs.add(f.result().catalog());
        }
      }
      return Future.succeededFuture(new SessionOpened(sessions, views.build(catalogs)));
    });
  }

  /**
   * Opens a new backend session and reads its catalog; {@code when} tells the log line what was going on.
   */
  Future<Opened> fresh(BackendClient client, String when, JsonObject capabilities) {
    return fresh(client, when, capabilities, null);
  }

  /** Like {@link #fresh(BackendClient, String, JsonObject)}, with the backend's credentials for {@code caller}. */
  Future<Opened> fresh(BackendClient client, String when, JsonObject capabilities, Identity caller) {
    return registry.authorization(client.name(), caller)
      .compose(auth -> client.open(registry.clientInfo(), capabilities, auth))
      .compose(session -> cache.get(key(client, capabilities, caller),
          () -> CatalogFetcher.fetch(client, session.sessionId(), session.serverCapabilities()))
        .map(catalog -> new Opened(StoredIds.toStored(session.sessionId()), catalog)))
      .onFailure(err -> leftOut(client, err, when));
  }

  /** The catalogs new sessions share. */
  CatalogCache catalogs() {
    return cache;
  }

  /** What {@code client}'s backend sees of a session: the key of its catalog in the cache. */
  private CatalogCache.Key key(BackendClient client, JsonObject capabilities, Identity caller) {
    return new CatalogCache.Key(client.name(), registry.perCaller(client.name()) ? caller : null,
      RelayedFeatures.canonical(capabilities));
  }

  private Future<Opened> restore(BackendClient client, String storedId, JsonObject capabilities, Identity caller) {
    return registry.authorization(client.name(), caller)
      .compose(auth -> {
        client.authorize(StoredIds.fromStored(storedId), auth);
        return cache.get(key(client, capabilities, caller),
          () -> CatalogFetcher.fetch(client, StoredIds.fromStored(storedId), null));
      })
      .map(catalog -> new Opened(storedId, catalog))
      .recover(err -> err instanceof BackendException be && be.kind() == BackendException.Kind.SESSION_EXPIRED
        ? fresh(client, "for a restored session", capabilities, caller) : Future.failedFuture(err))
      .onFailure(err -> leftOut(client, err, "for a restored session"));
  }

  /** A backend failure has already been counted against its health by its guarded client; only logged here. */
  private void leftOut(BackendClient client, Throwable err, String when) {
    if (err instanceof BackendException) {
      LOG.log(System.Logger.Level.DEBUG, "backend ''{0}'' failed {1}: {2}", client.name(), when, err.getMessage());
    } else {
      LOG.log(System.Logger.Level.WARNING, "backend ''{0}'' left out of a session: {1}", client.name(),
        err.getMessage());
    }
  }

  /** The session's view as its lists should show it now: without the backends that are down. */
  CapabilityView visible(CapabilityView view) {
    return views.visible(view, registry::isUp);
  }

  /** Who gets a backend that answered after the session's registration deadline. */
  void onLateJoin(LateJoin listener) {
    this.lateJoin = listener;
  }

  /**
   * Bounds a backend's part of a registration by its registration deadline: past it, the session is registered
   * without the backend, and a late answer is handed to {@link #onLateJoin}.
   */
  private Future<Opened> withDeadline(String sessionId, BackendClient client, Future<Opened> opening) {
    long deadline = client.options().health().registrationDeadline().toMillis();
    return Deadline.within(opening, deadline).recover(err -> {
      if (err instanceof TimeoutException) {
        LOG.log(System.Logger.Level.INFO, "backend ''{0}'' did not answer within {1} ms; the session is registered "
          + "without it", client.name(), deadline);
        opening.onSuccess(opened -> lateJoin.joined(sessionId, client.name(), opened));
      }
      return Future.failedFuture(err);
    });
  }

  /** Receives a backend session opened after its client session was registered. */
  interface LateJoin {
    void joined(String sessionId, String backend, Opened opened);
  }

  /** One backend's part of a session. */
  record Opened(String storedSessionId, BackendCatalog catalog) {
  }
}
