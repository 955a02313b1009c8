package dev.switchboard.core.metrics.impl;

import dev.switchboard.core.metrics.GatewayMetrics;
import dev.switchboard.core.metrics.MetricLabels;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/**
 * {@link GatewayMetrics} in a Micrometer registry. Meters are built once per label set and cached, so recording is
 * a map lookup and an atomic increment. Names follow Micrometer's convention and come out in Prometheus as the
 * documented {@code mcp_*} names.
 */
public final class MicrometerGatewayMetrics implements GatewayMetrics {
  /** Latency buckets of {@code mcp_backend_request_seconds}, 5 ms to 60 s. */
  static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
    Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
    Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10),
    Duration.ofSeconds(30), Duration.ofSeconds(60)};

  private final MeterRegistry registry;
  /**
   * Not a Micrometer meter: the Prometheus client reserves the {@code _created} suffix (OpenMetrics' creation
   * timestamp), so no counter there can be named {@code mcp_sessions_created}. It is written by
   * {@link #exposition()} instead, in the text format.
   */
  private final LongAdder sessionsCreated = new LongAdder();
  private final Counter reinjections;
  private final Map<String, Counter> requests = new ConcurrentHashMap<>();
  private final Map<String, Counter> toolCalls = new ConcurrentHashMap<>();
  private final Map<String, Timer> backendRequests = new ConcurrentHashMap<>();
  private final Map<String, Counter> reloads = new ConcurrentHashMap<>();
  private final Map<String, List<Meter>> backendGauges = new ConcurrentHashMap<>();

  public MicrometerGatewayMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.reinjections = Counter.builder("mcp.session.reinjections")
      .description("Sessions created on another instance and re-injected here").register(registry);
    reloads("applied");
    reloads("failed");
  }

  private Counter reloads(String outcome) {
    return reloads.computeIfAbsent(outcome, o -> Counter.builder("mcp.config.reloads")
      .description("Configuration reloads, by outcome").tag("outcome", o).register(registry));
  }

  @Override
  public void sessionsActive(IntSupplier count) {
    Gauge.builder("mcp.sessions.active", count, c -> c.getAsInt())
      .description("MCP sessions held by this instance").strongReference(true).register(registry);
  }

  @Override
  public void statelessHeld(IntSupplier heldSessions, IntSupplier calls, IntSupplier listenStreams) {
    Gauge.builder("mcp.stateless.held.sessions", heldSessions, c -> c.getAsInt())
      .description("Sets of backend sessions held for stateless callers on this instance").strongReference(true)
      .register(registry);
    Gauge.builder("mcp.stateless.calls", calls, c -> c.getAsInt())
      .description("Stateless calls in progress or waiting for the client's input on this instance")
      .strongReference(true).register(registry);
    Gauge.builder("mcp.stateless.listen.streams", listenStreams, c -> c.getAsInt())
      .description("Open subscriptions/listen streams on this instance").strongReference(true).register(registry);
  }

  @Override
  public void sessionCreated() {
    sessionsCreated.increment();
  }

  /** What the registry cannot hold, in the Prometheus text format (0.0.4), to append to its scrape. */
  public String exposition() {
    return "# HELP mcp_sessions_created_total MCP sessions created on this instance\n"
      + "# TYPE mcp_sessions_created_total counter\n"
      + "mcp_sessions_created_total " + (double) sessionsCreated.sum() + "\n";
  }

  @Override
  public void request(String method, String outcome) {
    String m = MetricLabels.method(method);
    requests.computeIfAbsent(m + '\0' + outcome, k -> Counter.builder("mcp.requests")
      .description("MCP requests received, by method and outcome").tag("method", m).tag("outcome", outcome)
      .register(registry)).increment();
  }

  @Override
  public void toolCall(String backend, String tool, String outcome) {
    toolCalls.computeIfAbsent(backend + '\0' + tool + '\0' + outcome, k -> Counter.builder("mcp.tool.calls")
      .description("tools/call requests, by backend, exposed tool name and outcome").tag("backend", backend)
      .tag("tool", tool).tag("outcome", outcome).register(registry)).increment();
  }

  @Override
  public void backendRequest(String backend, String method, long nanos) {
    String m = MetricLabels.method(method);
    backendRequests.computeIfAbsent(backend + '\0' + m, k -> Timer.builder("mcp.backend.request")
      .description("Requests sent to backends, from send to final response").tag("backend", backend).tag("method", m)
      .serviceLevelObjectives(BUCKETS).register(registry)).record(nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void backendState(String backend, IntSupplier up, IntSupplier circuitState) {
    backendGauges.computeIfAbsent(backend, b -> List.of(
      Gauge.builder("mcp.backend.up", up, s -> s.getAsInt()).description("1 when the backend is up, else 0").strongReference(true)
        .tag("backend", b).register(registry),
      Gauge.builder("mcp.backend.circuit.state", circuitState, s -> s.getAsInt())
        .description("Circuit breaker state: 0 closed, 1 open, 2 half-open").strongReference(true).tag("backend", b).register(registry)));
  }

  @Override
  public void backendRemoved(String backend) {
    List<Meter> gauges = backendGauges.remove(backend);
    if (gauges != null) {
      gauges.forEach(registry::remove);
    }
  }

  @Override
  public void sessionReinjected() {
    reinjections.increment();
  }

  @Override
  public void configReload(String outcome) {
    reloads(outcome).increment();
  }
}
