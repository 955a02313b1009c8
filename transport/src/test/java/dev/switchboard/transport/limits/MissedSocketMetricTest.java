package dev.switchboard.transport.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A connection in the state Vert.x 5.0 leaves one accepted while its server is still binding (no socket metric, the
 * server's metrics on), with real Micrometer metrics: Vert.x never answers its request unless the metric is restored.
 */
class MissedSocketMetricTest {
  private MeterRegistry registry;
  private Vertx vertx;
  private HttpClient client;

  @BeforeEach
  void start() {
    registry = new SimpleMeterRegistry();
    vertx = Vertx.builder()
      .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
      .withMetrics(new MicrometerMetricsFactory(registry))
      .build();
    client = vertx.createHttpClient();
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  /** What the race does to a connection: its socket metric is missing. */
  private static void lose(HttpConnection connection) {
    ((ConnectionBase) connection).metric(null);
  }

  private int serve(Handler<HttpConnection> onConnection) {
    return vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
      .connectionHandler(onConnection)
      .requestHandler(req -> req.response().end("ok"))
      .listen().await().actualPort();
  }

  private Future<String> get(int port, long timeoutMillis) {
    return client.request(HttpMethod.GET, port, "127.0.0.1", "/")
      .compose(request -> request.send())
      .compose(HttpClientResponse::body)
      .map(Buffer::toString)
      .timeout(timeoutMillis, TimeUnit.MILLISECONDS);
  }

  @Test
  void aConnectionWithoutItsSocketMetricIsAnsweredOnceRestored() {
    int port = serve(connection -> {
      lose(connection);
      MissedSocketMetric.restore(connection);
    });

    assertThat(get(port, 5000).await()).isEqualTo("ok");
    assertThat(registry.find("vertx.http.server.requests").counter().count()).isEqualTo(1);
  }

  @Test
  void vertxLeavesSuchARequestUnansweredWithoutIt() {
    // the upstream bug this class works around; when a Vert.x upgrade answers here, MissedSocketMetric can go
    int port = serve(MissedSocketMetricTest::lose);

    assertThatThrownBy(() -> get(port, 1000).await()).isInstanceOf(TimeoutException.class);
  }

  @Test
  void theConnectionGuardRestoresIt() {
    ConnectionGuard guard = ConnectionGuard.of(vertx, "127.0.0.1", 0, LimitsOptions.defaults());
    int port = serve(connection -> {
      lose(connection);
      guard.connected(connection);
    });

    assertThat(get(port, 5000).await()).isEqualTo("ok");
  }

  @Test
  void aConnectionThatHasItsMetricKeepsIt() {
    AtomicReference<Object> before = new AtomicReference<>();
    AtomicReference<Object> after = new AtomicReference<>();
    int port = serve(connection -> {
      before.set(((ConnectionBase) connection).metric());
      MissedSocketMetric.restore(connection);
      after.set(((ConnectionBase) connection).metric());
    });

    assertThat(get(port, 5000).await()).isEqualTo("ok");
    assertThat(before.get()).isNotNull().isSameAs(after.get());
  }
}
