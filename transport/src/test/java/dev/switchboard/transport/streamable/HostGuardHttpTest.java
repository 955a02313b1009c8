package dev.switchboard.transport.streamable;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class HostGuardHttpTest {
  private Vertx vertx;
  private int port;

  @BeforeEach
  void startServer(Vertx vertx) throws Exception {
    this.vertx = vertx;
    HostGuard guard = HostGuard.loopbackOnly();
    HttpServer server = vertx.createHttpServer().requestHandler(req -> req.response()
      .setStatusCode(guard.allows(req) ? 204 : 403).end());
    port = server.listen(0, "127.0.0.1").await(5, TimeUnit.SECONDS).actualPort();
  }

  private int statusFor(String version, String headers) throws Exception {
    String response = RawHttp.exchange(vertx, port,
      "GET /mcp " + version + "\r\n" + headers + "Connection: close\r\n\r\n");
    return RawHttp.status(response);
  }

  @Test
  void loopbackHostWithPortIsAllowed() throws Exception {
    assertThat(statusFor("HTTP/1.1", "Host: localhost:" + port + "\r\n")).isEqualTo(204);
    assertThat(statusFor("HTTP/1.1", "Host: [::1]:3000\r\n")).isEqualTo(204);
  }

  @Test
  void evilHostIsForbidden() throws Exception {
    assertThat(statusFor("HTTP/1.1", "Host: evil.example.com\r\n")).isEqualTo(403);
  }

  @Test
  void evilOriginIsForbidden() throws Exception {
    assertThat(statusFor("HTTP/1.1", "Host: 127.0.0.1\r\nOrigin: http://evil.example.com\r\n")).isEqualTo(403);
    assertThat(statusFor("HTTP/1.1", "Host: 127.0.0.1\r\nOrigin: null\r\n")).isEqualTo(403);
  }

  @Test
  void loopbackOriginIsAllowed() throws Exception {
    assertThat(statusFor("HTTP/1.1", "Host: 127.0.0.1\r\nOrigin: http://localhost:5173\r\n")).isEqualTo(204);
  }

  @Test
  void missingHostIsForbidden() throws Exception {
    assertThat(statusFor("HTTP/1.0", "")).isEqualTo(403);
  }
}
