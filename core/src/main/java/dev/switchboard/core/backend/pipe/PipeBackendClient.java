package dev.switchboard.core.backend.pipe;

import dev.switchboard.core.backend.BackendClient;
import dev.switchboard.core.backend.BackendException;
import dev.switchboard.core.backend.BackendOptions;
import dev.switchboard.core.backend.BackendStream;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.util.function.Function;

/**
 * What the legacy HTTP+SSE and stdio clients share: every call hops onto the client's context ({@link ContextHop})
 * and goes to the {@link PipeSession} that holds its backend session; a session it does not hold is
 * {@code SESSION_EXPIRED}. Subclasses decide which pipe session holds which backend session, and how sessions are
 * opened, closed and shut down. A client whose {@link #holderOf} may be read from any thread, and whose pipes take
 * writes from any thread, sends plain requests from a Vert.x caller without the hop ({@link PipeSession#call}).
 */
abstract class PipeBackendClient implements BackendClient {
  final BackendOptions options;
  final ContextHop hop;
  private final String unknownSession;
  private final boolean callsSkipHop;

  /**
   * @param unknownSession why a session this client does not hold may be unknown (the error text)
   * @param callsSkipHop   whether plain requests from a Vert.x context go to their pipe session without the hop
   */
  PipeBackendClient(BackendOptions options, ContextHop hop, String unknownSession, boolean callsSkipHop) {
    this.options = options;
    this.hop = hop;
    this.unknownSession = unknownSession;
    this.callsSkipHop = callsSkipHop;
  }

  /**
   * The pipe session that holds {@code sessionId} (not null), or null; called on the client's context, and from
   * any thread when plain requests skip the hop.
   */
  abstract PipeSession holderOf(String sessionId);

  @Override
  public final String name() {
    return options.name();
  }

  @Override
  public final BackendOptions options() {
    return options;
  }

  @Override
  public final Future<JsonObject> request(String sessionId, String method, JsonObject params,
                                          Handler<JsonObject> onMessage) {
    return request(sessionId, null, method, params, onMessage);
  }

  @Override
  public final Future<JsonObject> request(String sessionId, Object requestId, String method, JsonObject params,
                                          Handler<JsonObject> onMessage) {
    if (requestId != null && !(requestId instanceof String) && !isIntegral(requestId)) {
      return Future.failedFuture(new IllegalArgumentException("request id must be a string or an integer"));
    }
    Context current = Vertx.currentContext();
    if (callsSkipHop && current != null && !Shares.handles(method)) {
      try {
        return with(sessionId, s -> s.call(sessionId, requestId, method, params, onMessage, current));
      } catch (RuntimeException e) {
        return Future.failedFuture(e);
      }
    }
    Context caller = hop.caller();
    return hop.run(() -> with(sessionId, s -> s.request(sessionId, requestId, method, params, onMessage, caller)));
  }

  @Override
  public final Future<Void> cancel(String sessionId, Object requestId, String reason) {
    return hop.run(() -> with(sessionId, s -> s.cancel(sessionId, requestId, reason)));
  }

  @Override
  public final Future<BackendStream> listen(String sessionId, Handler<JsonObject> onMessage) {
    Context caller = hop.caller();
    return hop.run(() -> with(sessionId, s -> s.listen(sessionId, onMessage, caller)));
  }

  @Override
  public final Future<Void> send(String sessionId, JsonObject message) {
    return hop.run(() -> with(sessionId, s -> s.send(sessionId, message)));
  }

  private <T> Future<T> with(String sessionId, Function<PipeSession, Future<T>> action) {
    PipeSession session = sessionId == null ? null : holderOf(sessionId);
    if (session == null || !session.hasSession(sessionId)) {
      return Future.failedFuture(new BackendException(name(), BackendException.Kind.SESSION_EXPIRED,
        unknownSession));
    }
    return action.apply(session);
  }

  private static boolean isIntegral(Object id) {
    return id instanceof Integer || id instanceof Long || id instanceof Short || id instanceof Byte
      || id instanceof BigInteger;
  }
}
