package dev.switchboard.launcher.ops;

import dev.switchboard.core.trace.impl.TraceparentTracerFactory;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.tracing.TracingOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Builds a Vert.x instance that propagates trace context and records its own metrics (the groups chosen in
 * {@code metrics.vertx}, {@link VertxMeters}) and the JVM's into a Prometheus registry.
 * Labels keep Vert.x's defaults, which leave {@code HTTP_PATH} and {@code REMOTE} off (unbounded cardinality).
 */
public final class MetricsSetup {
  /**
   * Vert.x's default labels plus {@code CLIENT_NAME} ({@code backend-<name>} for each backend's HTTP client, so
   * client metrics are per backend); never {@code HTTP_PATH}, {@code REMOTE} or {@code EB_ADDRESS} (the gateway's
   * event-bus addresses carry session ids).
   */
  static final EnumSet<Label> LABELS = EnumSet.of(Label.HTTP_METHOD, Label.HTTP_CODE, Label.POOL_TYPE,
    Label.POOL_NAME, Label.EB_SIDE, Label.CLIENT_NAME);

  private MetricsSetup() {
  }

  /**
   * A Prometheus registry whose output passes {@code promtool check metrics}: the two JVM counters kept in
   * milliseconds and nanoseconds ({@code jvm.compilation.time}, {@code process.cpu.time}; promtool wants seconds and
   * a filter cannot rescale them) are left out ({@code process_cpu_usage} remains), and {@code system.cpu.count}
   * (a gauge with a {@code _count} suffix) is renamed {@code system_cpus}.
   */
  public static PrometheusMeterRegistry newRegistry() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().meterFilter(MeterFilter.deny(id -> "jvm.compilation.time".equals(id.getName())
      || "process.cpu.time".equals(id.getName())));
    registry.config().meterFilter(new MeterFilter() {
      @Override
      public Meter.Id map(Meter.Id id) {
        return "system.cpu.count".equals(id.getName()) ? id.withName("system.cpus") : id;
      }
    });
    return registry;
  }

  /**
   * A builder for {@code options}: Vert.x metrics (the groups in {@code meters}, and the JVM's) into
   * {@code registry} unless it is null, and the W3C {@code traceparent} tracer ({@link TraceparentTracerFactory}) if
   * {@code tracing}.
   */
  public static VertxBuilder builder(VertxBuilder builder, VertxOptions options, PrometheusMeterRegistry registry,
                                     Set<VertxMeters> meters, boolean tracing) {
    if (registry != null) {
      options.setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true).setJvmMetricsEnabled(true)
        .setLabels(LABELS).setDisabledMetricsCategories(VertxMeters.disabledCategories(meters)));
      builder.withMetrics(new MicrometerMetricsFactory(registry));
    }
    if (tracing) {
      options.setTracingOptions(new TracingOptions());
      builder.withTracer(new TraceparentTracerFactory());
    }
    return builder.with(options);
  }
}
