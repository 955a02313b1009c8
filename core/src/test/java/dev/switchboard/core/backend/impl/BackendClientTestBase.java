package dev.switchboard.core.backend.impl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.backend.BackendClient;
import dev.switchboard.core.backend.BackendClients;
import dev.switchboard.core.backend.BackendException;
import dev.switchboard.core.backend.BackendOptions;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** Starts a {@link FakeBackend} per test and offers a client for it plus bounded waits. */
@ExtendWith(VertxExtension.class)
abstract class BackendClientTestBase {
  static final long WAIT_SECONDS = 5;
  static final JsonObject CLIENT_INFO = new JsonObject().put("name", "switchboard").put("version", "test");

  Vertx vertx;
  FakeBackend backend;
  private BackendClient client;

  @BeforeEach
  void startBackend(Vertx vertx) throws Exception {
    this.vertx = vertx;
    backend = new FakeBackend(vertx).start().await(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  @AfterEach
  void shutdownClient() throws Exception {
    if (client != null) {
      client.shutdown().await(WAIT_SECONDS, TimeUnit.SECONDS);
    }
  }

  /** A client for the fake backend with the default 5 s timeout and no extra headers. */
  BackendClient client() {
    return client(Duration.ofSeconds(WAIT_SECONDS), Map.of());
  }

  BackendClient client(Duration timeout, Map<String, String> headers) {
    return client(backend.url(), timeout, headers);
  }

  BackendClient client(URI url, Duration timeout, Map<String, String> headers) {
    client = BackendClients.create(vertx, new BackendOptions("fake", url, timeout, headers, 4), false);
    return client;
  }

  static <T> T await(Future<T> future) throws Exception {
    return future.await(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  /** Waits for the future to fail and returns why. */
  static <T> Throwable failure(Future<T> future) throws Exception {
    AsyncResult<T> result = future.transform(done -> Future.<AsyncResult<T>>succeededFuture(done))
      .await(WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(result.failed()).as("expected a failure, got %s", result.result()).isTrue();
    return result.cause();
  }

  /** Waits for the future to fail with a {@link BackendException} of this kind and returns it. */
  static BackendException backendFailure(Future<?> future, BackendException.Kind kind) throws Exception {
    Throwable cause = failure(future);
    assertThat(cause).isInstanceOf(BackendException.class);
    BackendException failure = (BackendException) cause;
    assertThat(failure.kind()).as(failure.getMessage()).isEqualTo(kind);
    assertThat(failure.getMessage()).startsWith("backend 'fake': ");
    return failure;
  }
}
