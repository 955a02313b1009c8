package dev.switchboard.transport.observe;

import dev.switchboard.core.audit.AuditEvent;
import dev.switchboard.core.audit.AuditLog;
import dev.switchboard.core.bus.ClientSession;
import dev.switchboard.core.metrics.GatewayMetrics;
import dev.switchboard.core.protocol.McpException;
import dev.switchboard.core.trace.TraceContext;
import io.vertx.core.AsyncResult;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;

/**
 * Records what the endpoint does into the gateway's {@link GatewayMetrics} and {@link AuditLog}: one call per
 * event, nothing blocking. Session ids appear only hashed, and only in audit lines.
 */
public final class EndpointObserver {
  /** The method of audit lines about sessions. */
  public static final String SESSION_OPEN = "session/open";
  public static final String SESSION_CLOSE = "session/close";
  private static final String SESSION_HEADER = "Mcp-Session-Id";

  private final GatewayMetrics metrics;
  private final AuditLog audit;

  public EndpointObserver(GatewayMetrics metrics, AuditLog audit) {
    this.metrics = metrics;
    this.audit = audit;
  }

  /** The observer of the gateway running in {@code vertx}. */
  public static EndpointObserver of(Vertx vertx) {
    return new EndpointObserver(GatewayMetrics.of(vertx), AuditLog.of(vertx));
  }

  /** A request of a session was answered: ok, error (a JSON-RPC error) or failed (the gateway could not answer). */
  public void answered(String method, AsyncResult<?> outcome, boolean errorAnswer) {
    String result;
    if (outcome.succeeded()) {
      result = errorAnswer ? GatewayMetrics.ERROR : GatewayMetrics.OK;
    } else {
      result = outcome.cause() instanceof McpException ? GatewayMetrics.ERROR : GatewayMetrics.FAILED;
    }
    metrics.request(method, result);
  }

  /** A request was refused before it reached a session (bad headers, unknown session, forbidden). */
  public void refused(HttpServerRequest req, int status) {
    metrics.request(null, GatewayMetrics.REJECTED);
    if ((status == 401 || status == 403 || status == 404) && audit.enabled()) {
      String sessionId = req.getHeader(SESSION_HEADER);
      audit.record(new AuditEvent(System.currentTimeMillis(), AuditEvent.sessionHash(sessionId), null, null, null,
        null, "http/" + req.method().name(), null, null, GatewayMetrics.DENIED, 0, TraceContext.currentHeader(),
        null));
    }
  }

  public void sessionOpened(ClientSession session) {
    metrics.sessionCreated();
    if (audit.enabled()) {
      audit.record(AuditEvent.of(session, SESSION_OPEN, null, null, GatewayMetrics.OK, 0, TraceContext.currentHeader(),
        null));
    }
  }

  public void sessionClosed(ClientSession session) {
    if (audit.enabled()) {
      audit.record(AuditEvent.of(session, SESSION_CLOSE, null, null, GatewayMetrics.OK, 0, TraceContext.currentHeader(),
        null));
    }
  }
}
