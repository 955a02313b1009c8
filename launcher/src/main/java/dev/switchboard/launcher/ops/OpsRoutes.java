package dev.switchboard.launcher.ops;

import dev.switchboard.core.health.BackendStatus;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The operator's endpoints: {@code GET /metrics} (Prometheus text, when a registry is given) and
 * {@code GET /health/ready} (a JSON body with the store's and each backend's state: 200 while the store answers and
 * at least one backend is up, else 503) and {@code /health/live}. Neither needs a token: serve them on a private
 * management port.
 */
public final class OpsRoutes implements Function<String, Handler<HttpServerRequest>> {
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry;
  private final Supplier<String> extraMetrics;
  private final BooleanSupplier storeAnswers;
  private final Supplier<List<BackendStatus>> backends;
  private final Supplier<List<String>> nameCollisions;

  /**
   * @param registry     null to leave {@code /metrics} out (metrics off, or served by the management listener)
   * @param extraMetrics   text-format lines appended to the registry's scrape
   * @param nameCollisions names that collided at run time (see {@code NameCollisions}), listed by readiness
   */
  public OpsRoutes(PrometheusMeterRegistry registry, Supplier<String> extraMetrics, BooleanSupplier storeAnswers,
                   Supplier<List<BackendStatus>> backends, Supplier<List<String>> nameCollisions) {
    this.nameCollisions = nameCollisions;
    this.registry = registry;
    this.extraMetrics = extraMetrics;
    this.storeAnswers = storeAnswers;
    this.backends = backends;
  }

  /** The handler of {@code path}, or null when it is not one of these endpoints. */
  @Override
  public Handler<HttpServerRequest> apply(String path) {
    return switch (path) {
      case "/metrics" -> registry == null ? null : this::metrics;
      case "/health/ready" -> this::ready;
      case "/health/live" -> OpsRoutes::live;
      default -> null;
    };
  }

  private void metrics(HttpServerRequest req) {
    req.response().putHeader("Content-Type", PROMETHEUS_TEXT).end(registry.scrape() + extraMetrics.get());
  }

  private static void live(HttpServerRequest req) {
    req.response().putHeader("Content-Type", "application/json")
      .end(new JsonObject().put("status", "UP").toBuffer());
  }

  private void ready(HttpServerRequest req) {
    boolean store = storeAnswers.getAsBoolean();
    JsonArray list = new JsonArray();
    boolean anyUp = false;
    for (BackendStatus status : backends.get()) {
      anyUp |= status.up();
      list.add(new JsonObject().put("name", status.name()).put("status", status.up() ? "UP" : "DOWN")
        .put("circuit", status.state().name().toLowerCase(Locale.ROOT).replace('_', '-')));
    }
    boolean ready = store && anyUp;
    JsonObject body = new JsonObject().put("status", ready ? "UP" : "DOWN")
      .put("store", store ? "UP" : "DOWN").put("backends", list);
    List<String> collisions = nameCollisions.get();
    if (!collisions.isEmpty()) {
      body.put("nameCollisions", new JsonArray(collisions));
    }
    req.response().setStatusCode(ready ? 200 : 503).putHeader("Content-Type", "application/json")
      .end(body.toBuffer());
  }
}
