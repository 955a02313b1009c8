package dev.switchboard.transport.streamable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.transport.session.SessionFailure;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Responses of a server in strict thread mode (as the gateway's), written from another event loop: through
 * {@link ConnectionLoop} they arrive, in the order they were made.
 */
@ExtendWith(VertxExtension.class)
class ConnectionLoopTest {

  @Test
  void strictModeRefusesAWriteFromAnotherEventLoop(Vertx vertx) throws Exception {
    Throwable[] refused = new Throwable[1];
    int port = serve(vertx, req -> {
      ContextInternal other = otherLoop(vertx, req);
      other.runOnContext(v -> {
        try {
          req.response().end("direct");
        } catch (IllegalStateException e) {
          refused[0] = e;
          ConnectionLoop.run(req, () -> req.response().end("hopped"));
        }
      });
    });

    String response = RawHttp.exchange(vertx, port, "GET /mcp HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

    assertThat(refused[0]).hasMessageContaining("context thread");
    assertThat(response).startsWith("HTTP/1.1 200").endsWith("hopped");
  }

  @Test
  void errorAnswersFromAnotherEventLoopArrive(Vertx vertx) throws Exception {
    int port = serve(vertx, req -> otherLoop(vertx, req).runOnContext(v ->
      ErrorMapper.respond(req, SessionFailure.notFound(), 7)));

    String response = RawHttp.exchange(vertx, port, "GET /mcp HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

    assertThat(response).startsWith("HTTP/1.1 404").contains("\"id\":7");
  }

  @Test
  void sseEventsKeepTheOrderTheyWereMadeInAcrossEventLoops(Vertx vertx) throws Exception {
    int port = serve(vertx, req -> {
      ContextInternal other = otherLoop(vertx, req);
      SseWriter sse = SseWriter.start(req);
      CountDownLatch madeElsewhere = new CountDownLatch(1);
      other.runOnContext(v -> {
        sse.event(null, "one");
        madeElsewhere.countDown();
      });
      // the connection's loop is busy here, so "one" still waits for it: "two", made after, must wait behind it
      try {
        assertThat(madeElsewhere.await(5, TimeUnit.SECONDS)).isTrue();
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
      sse.event(null, "two");
      sse.end();
    });

    String response = RawHttp.exchange(vertx, port, "GET /mcp HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

    assertThat(response).startsWith("HTTP/1.1 200");
    assertThat(response.indexOf("data: one")).isPositive().isLessThan(response.indexOf("data: two"));
  }

  @Test
  void aWriteOnTheConnectionsLoopIsMadeAtOnce(Vertx vertx) throws Exception {
    int port = serve(vertx, req -> {
      SseWriter sse = SseWriter.start(req);
      assertThat(req.response().headWritten()).isTrue();
      sse.event(null, "now");
      sse.end();
    });

    String response = RawHttp.exchange(vertx, port, "GET /mcp HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

    assertThat(response).contains("data: now");
  }

  @Test
  void aRequestThatIsNotVertxsOwnIsWrittenWhereItIsCalled() {
    assertThat(ConnectionLoop.of(null)).isNull();
    assertThatThrownBy(() -> ConnectionLoop.run(null, () -> {
      throw new IllegalStateException("ran here");
    })).hasMessage("ran here");
  }

  private static int serve(Vertx vertx, Consumer<HttpServerRequest> handler) throws Exception {
    return vertx.createHttpServer(new HttpServerOptions().setStrictThreadMode(true))
      .requestHandler(handler::accept)
      .listen(0, "127.0.0.1").await(5, TimeUnit.SECONDS).actualPort();
  }

  /** A context on an event loop other than the one of {@code req}'s connection. */
  private static ContextInternal otherLoop(Vertx vertx, HttpServerRequest req) {
    ContextInternal own = ConnectionLoop.of(req);
    for (int i = 0; i < 32; i++) {
      ContextInternal candidate = ((VertxInternal) vertx).createEventLoopContext();
      if (candidate.nettyEventLoop() != own.nettyEventLoop()) {
        return candidate;
      }
    }
    throw new AssertionError("no second event loop");
  }
}
