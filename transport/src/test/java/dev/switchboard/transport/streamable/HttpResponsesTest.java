package dev.switchboard.transport.streamable;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class HttpResponsesTest {

  @Test
  void errorWritesJsonRpcErrorWithNullId(Vertx vertx) throws Exception {
    int port = vertx.createHttpServer()
      .requestHandler(req -> HttpResponses.error(req.response(), 400, null, -32600, "Invalid Request"))
      .listen(0, "127.0.0.1").await(5, TimeUnit.SECONDS).actualPort();

    String response = RawHttp.exchange(vertx, port, "GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

    assertThat(RawHttp.status(response)).isEqualTo(400);
    assertThat(response).containsIgnoringCase("content-type: application/json")
      .contains("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"Invalid Request\"}}");
  }

  @Test
  void writingTwiceFailsInsteadOfThrowing(Vertx vertx) throws Exception {
    int port = vertx.createHttpServer().requestHandler(req -> {
      HttpResponses.empty(req.response(), 202);
      assertThat(HttpResponses.empty(req.response(), 500).failed()).isTrue();
    }).listen(0, "127.0.0.1").await(5, TimeUnit.SECONDS).actualPort();

    String response = RawHttp.exchange(vertx, port, "GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

    assertThat(RawHttp.status(response)).isEqualTo(202);
  }
}
