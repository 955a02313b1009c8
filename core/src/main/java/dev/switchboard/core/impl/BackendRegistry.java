package dev.switchboard.core.impl;

import dev.switchboard.core.auth.OutgoingCredentials;
import dev.switchboard.core.backend.BackendException;
import dev.switchboard.core.bus.Identity;

import dev.switchboard.core.backend.BackendClient;
import dev.switchboard.core.backend.SupervisedBackend;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The configured backends with their availability. A backend that fails is marked down (logged once) and probed
 * again by {@link #probeDown} until it answers.
 */
final class BackendRegistry {
  private static final System.Logger LOG = System.getLogger(BackendRegistry.class.getName());

  private final Map<String, BackendClient> clients;
  private final Set<String> down = ConcurrentHashMap.newKeySet();
  /** Backends with a probe under way: a hanging backend gets one probe at a time. */
  private final Set<String> probing = ConcurrentHashMap.newKeySet();
  private final JsonObject clientInfo;
  private final OutgoingCredentials credentials;

  BackendRegistry(List<BackendClient> clients, JsonObject clientInfo) {
    this(clients, clientInfo, null);
  }

  /** @param credentials what each backend is sent as {@code Authorization}; null: nothing */
  BackendRegistry(List<BackendClient> clients, JsonObject clientInfo, OutgoingCredentials credentials) {
    this.credentials = credentials;
    Map<String, BackendClient> byName = new LinkedHashMap<>();
    clients.forEach(c -> byName.put(c.name(), c));
    this.clients = byName;
    this.clientInfo = clientInfo;
    clients.forEach(this::watch);
  }

  /** A backend that knows when it goes down and comes back (a supervised stdio process) reports it here. */
  private void watch(BackendClient client) {
    if (client instanceof SupervisedBackend supervised) {
      supervised.watchAvailability(new SupervisedBackend.AvailabilityListener() {
        @Override
        public void down(Throwable cause) {
          markDown(client.name(), cause, "(its process is down)");
        }

        @Override
        public void up() {
          if (down.remove(client.name())) {
            LOG.log(System.Logger.Level.INFO, "backend ''{0}'' is back; new sessions include it", client.name());
          }
        }
      });
    }
  }

  /**
   * Whether a session's catalogs are read without this backend: it is a supervised backend that is down (its items
   * leave the session's view until it is back and says so with a {@code list_changed}).
   */
  boolean isSupervisedDown(String name) {
    return clients.get(name) instanceof SupervisedBackend && down.contains(name);
  }

  BackendClient get(String name) {
    return clients.get(name);
  }

  List<BackendClient> all() {
    return List.copyOf(clients.values());
  }

  /** The backends that are up, in configuration order. */
  List<BackendClient> up() {
    List<BackendClient> up = new ArrayList<>(clients.size());
    for (BackendClient client : clients.values()) {
      if (!down.contains(client.name())) {
        up.add(client);
      }
    }
    return up;
  }

  boolean isUp(String name) {
    return clients.containsKey(name) && !down.contains(name);
  }

  JsonObject clientInfo() {
    return clientInfo;
  }

  /**
   * The {@code Authorization} value for a backend on behalf of a caller (null: none). A failure to obtain it is a
   * {@link BackendException} naming the backend, so that a tool call turns it into an error result.
   */
  Future<String> authorization(String backend, Identity caller) {
    if (credentials == null) {
      return Future.succeededFuture();
    }
    return credentials.authorization(backend, caller).recover(err -> Future.failedFuture(new BackendException(backend,
      BackendException.Kind.UNREACHABLE, "could not obtain credentials: " + err.getMessage())));
  }

  /** True when a backend's credentials depend on the caller: it cannot be probed and is never marked down. */
  boolean perCaller(String backend) {
    return credentials != null && credentials.perCaller(backend);
  }

  void markDown(String name, Throwable cause, String when) {
    if (perCaller(name)) {
      LOG.log(System.Logger.Level.WARNING, "backend ''{0}'' failed {1} for one caller: {2}", name, when,
        cause.getMessage());
      return;
    }
    if (down.add(name)) {
      LOG.log(System.Logger.Level.WARNING, "backend ''{0}'' is unavailable {1}: {2}; left out and retried",
        name, when, cause.getMessage());
    }
  }

  /** Tries each backend that is down once (initialize, then close the probe session), unless a probe still runs. */
  Future<Void> probeDown() {
    List<Future<?>> probes = new ArrayList<>();
    for (String name : List.copyOf(down)) {
      if (!probing.add(name)) {
        continue;
      }
      BackendClient client = clients.get(name);
      probes.add(authorization(name, null).compose(auth -> client.open(clientInfo, new JsonObject(), auth))
        .compose(session -> client.close(session.sessionId()).recover(err -> Future.succeededFuture()))
        .onSuccess(v -> {
          if (down.remove(name)) {
            LOG.log(System.Logger.Level.INFO, "backend ''{0}'' is back; new sessions include it", name);
          }
        })
        .onComplete(done -> probing.remove(name)));
    }
    return Future.join(probes).<Void>mapEmpty().otherwiseEmpty();
  }

  Future<Void> shutdown() {
    Future<Void> closed = Future.join(clients.values().stream().map(BackendClient::shutdown).toList()).mapEmpty();
    return credentials == null ? closed : closed.eventually(credentials::close);
  }
}
