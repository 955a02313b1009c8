package dev.switchboard.transport.streamable;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class BodyReaderTest {
  private static final int MAX = 1024;
  private Vertx vertx;
  private int port;

  @BeforeEach
  void startServer(Vertx vertx) throws Exception {
    this.vertx = vertx;
    port = vertx.createHttpServer()
      .requestHandler(req -> BodyReader.read(req, MAX)
        .onSuccess(body -> req.response().end(new JsonObject().put("size", body.length()).toBuffer()))
        .onFailure(err -> ErrorMapper.respond(req, err, null)))
      .listen(0, "127.0.0.1").await(5, TimeUnit.SECONDS).actualPort();
  }

  private static String headers(String extra) {
    return "POST /mcp HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n" + extra + "\r\n";
  }

  @Test
  void bodyWithinLimitIsRead() throws Exception {
    String body = "x".repeat(MAX);
    String response = RawHttp.exchange(vertx, port,
      headers("Content-Length: " + MAX + "\r\nConnection: close\r\n") + body);
    assertThat(RawHttp.status(response)).isEqualTo(200);
    assertThat(response).contains("{\"size\":1024}");
  }

  @Test
  void chunkedBodyWithinLimitIsRead() throws Exception {
    String response = RawHttp.exchange(vertx, port, headers("Transfer-Encoding: chunked\r\nConnection: close\r\n")
      + "200\r\n" + "a".repeat(512) + "\r\n" + "200\r\n" + "b".repeat(512) + "\r\n0\r\n\r\n");
    assertThat(RawHttp.status(response)).isEqualTo(200);
    assertThat(response).contains("{\"size\":1024}");
  }

  @Test
  void declaredLengthOverLimitGets413WithoutReadingTheBody() throws Exception {
    RawHttp http = RawHttp.connect(vertx, port);
    http.write(headers("Content-Length: 100000000\r\n") + "{\"jsonrpc\":");
    String response = http.untilClosed();
    assertThat(RawHttp.status(response)).isEqualTo(413);
    assertThat(response).containsIgnoringCase("connection: close").contains("-32000");
  }

  @Test
  void chunkedUploadOverLimitGets413AndTheConnectionIsClosed() throws Exception {
    RawHttp http = RawHttp.connect(vertx, port);
    http.write(headers("Transfer-Encoding: chunked\r\n")).await(5, TimeUnit.SECONDS);
    String chunk = "100\r\n" + "z".repeat(256) + "\r\n";
    int sent = 0;
    while (!http.isClosed() && sent < 2000) {
      try {
        http.write(chunk).await(5, TimeUnit.SECONDS);
      } catch (Exception closedWhileWriting) {
        break;
      }
      sent++;
      Thread.sleep(2);
    }
    String response = http.untilClosed();
    assertThat(RawHttp.status(response)).isEqualTo(413);
    assertThat(sent).isLessThan(2000);
  }
}
