package dev.switchboard.core.metrics;

import dev.switchboard.core.metrics.impl.MicrometerGatewayMetrics;
import dev.switchboard.core.metrics.impl.NoopGatewayMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;
import java.util.function.IntSupplier;

/**
 * What the gateway records about itself. One instance per gateway, found by every component through
 * {@link #of(Vertx)}; the no-op one when metrics are off. Every method is cheap (a map lookup and an increment),
 * thread-safe and non-blocking. Label values are bounded by the caller through {@link MetricLabels}.
 */
public interface GatewayMetrics extends Shareable {
  /** Outcomes of {@code mcp_tool_calls_total}. */
  String OK = "ok";
  String ERROR = "error";
  String DENIED = "denied";
  String TIMEOUT = "timeout";
  String UNAVAILABLE = "unavailable";
  /** Extra outcomes of {@code mcp_requests_total}: refused before reaching core (4xx), or a gateway failure. */
  String REJECTED = "rejected";
  String FAILED = "failed";

  /** The metrics of the gateway running in {@code vertx}: the installed ones, else the no-op ones. */
  static GatewayMetrics of(Vertx vertx) {
    GatewayMetrics installed = holder(vertx).get(GatewayMetrics.class.getName());
    return installed == null ? noop() : installed;
  }

  /** Makes {@code metrics} the gateway's metrics in {@code vertx} (null removes them). */
  static void install(Vertx vertx, GatewayMetrics metrics) {
    if (metrics == null) {
      holder(vertx).remove(GatewayMetrics.class.getName());
    } else {
      holder(vertx).put(GatewayMetrics.class.getName(), metrics);
    }
  }

  private static LocalMap<String, GatewayMetrics> holder(Vertx vertx) {
    return vertx.sharedData().getLocalMap("switchboard.metrics");
  }

  static GatewayMetrics noop() {
    return NoopGatewayMetrics.INSTANCE;
  }

  /** Metrics recorded in {@code registry}. */
  static GatewayMetrics micrometer(MeterRegistry registry) {
    return new MicrometerGatewayMetrics(registry);
  }

  /** {@code mcp_sessions_active}: the gauge reads {@code count} at each scrape. */
  void sessionsActive(IntSupplier count);

  /**
   * What the gateway holds for stateless (MCP 2026-07-28) callers, read at each scrape:
   * {@code mcp_stateless_held_sessions} (sets of backend sessions), {@code mcp_stateless_calls} (calls in progress or
   * waiting for the client's input) and {@code mcp_stateless_listen_streams}.
   */
  void statelessHeld(IntSupplier heldSessions, IntSupplier calls, IntSupplier listenStreams);

  /** {@code mcp_sessions_created_total}. */
  void sessionCreated();

  /** {@code mcp_requests_total{method,outcome}}; {@code method} is passed through {@link MetricLabels#method}. */
  void request(String method, String outcome);

  /**
   * {@code mcp_tool_calls_total{backend,tool,outcome}}.
   *
   * @param tool the exposed name when it is in the session's catalog, else {@link MetricLabels#OTHER}
   */
  void toolCall(String backend, String tool, String outcome);

  /** {@code mcp_backend_request_seconds{backend,method}}. */
  void backendRequest(String backend, String method, long nanos);

  /**
   * {@code mcp_backend_up{backend}} (0/1) and {@code mcp_backend_circuit_state{backend}} (0 closed, 1 open,
   * 2 half-open), read at each scrape.
   */
  void backendState(String backend, IntSupplier up, IntSupplier circuitState);

  /** Drops the gauges of a backend that is no longer configured. */
  void backendRemoved(String backend);

  /** {@code mcp_session_reinjections_total}: a session created elsewhere was re-injected here. */
  void sessionReinjected();

  /** {@code mcp_config_reloads_total{outcome}}, outcome {@code applied} or {@code failed}. */
  void configReload(String outcome);
}
