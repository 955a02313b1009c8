package dev.switchboard.it.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.it.TestBackends;
import dev.switchboard.launcher.Gateway;
import dev.switchboard.transport.kit.RunningServer;
import dev.switchboard.transport.limits.LimitsOptions;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fault 9 of issue 10 (HTTP framing): a request with both {@code Content-Length} and {@code Transfer-Encoding} was
 * accepted and a request smuggled behind it answered; duplicate {@code Host} headers were accepted; the Host guard
 * ignored an absolute-form target. Each is now refused, the first two with the connection closed.
 */
@ExtendWith(VertxExtension.class)
class FramingTest {
  private static final String INIT = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
    + "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
  private static final String HEADERS = "Content-Type: application/json\r\n"
    + "Accept: application/json, text/event-stream\r\n";

  private RunningServer backend;
  private Gateway gateway;

  @BeforeEach
  void start(Vertx vertx) {
    backend = TestBackends.start(vertx, TestBackends.named("alpha", 0, "echo")).await();
    gateway = LimitsHarness.start(vertx, LimitsOptions.defaults(),
      List.of(LimitsHarness.backend("alpha", backend.url()))).await();
  }

  @AfterEach
  void stop() {
    gateway.stop().await();
    backend.close().await();
  }

  /** Sends raw bytes and reads until the server closes the connection (or 5 s pass: then not closed). */
  private Exchange raw(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream read = new ByteArrayOutputStream();
      byte[] buffer = new byte[4096];
      boolean closed = false;
      try {
        int n;
        while ((n = in.read(buffer)) >= 0) {
          read.write(buffer, 0, n);
        }
        closed = true;
      } catch (SocketTimeoutException stillOpen) {
        closed = false;
      }
      return new Exchange(read.toString(StandardCharsets.ISO_8859_1), closed);
    }
  }

  private record Exchange(String text, boolean closed) {
    long responses() {
      return text.lines().filter(l -> l.startsWith("HTTP/1.1 ")).count();
    }
  }

  @Test
  void contentLengthWithTransferEncodingIsRefusedAndTheSmuggledRequestIsNeverServed() throws IOException {
    String smuggled = "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\n" + HEADERS + "Content-Length: " + INIT.length()
      + "\r\n\r\n" + INIT;
    String chunk = Integer.toHexString(INIT.length()) + "\r\n" + INIT + "\r\n0\r\n\r\n";
    Exchange exchange = raw("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\n" + HEADERS + "Content-Length: 4\r\n"
      + "Transfer-Encoding: chunked\r\n\r\n" + chunk + smuggled);

    assertThat(exchange.text()).startsWith("HTTP/1.1 411");
    assertThat(exchange.responses()).isEqualTo(1);
    assertThat(exchange.closed()).isTrue();
  }

  @Test
  void duplicateHostIsRefusedAndTheConnectionClosed() throws IOException {
    Exchange exchange = raw("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: evil.example.com\r\n" + HEADERS
      + "Content-Length: " + INIT.length() + "\r\n\r\n" + INIT);

    assertThat(exchange.text()).startsWith("HTTP/1.1 400");
    assertThat(exchange.closed()).isTrue();
  }

  @Test
  void anAbsoluteFormTargetOfAForeignHostIsForbidden() throws IOException {
    Exchange exchange = raw("POST http://evil.example.com/mcp HTTP/1.1\r\nHost: 127.0.0.1\r\n" + HEADERS
      + "Content-Length: " + INIT.length() + "\r\nConnection: close\r\n\r\n" + INIT);

    assertThat(exchange.text()).startsWith("HTTP/1.1 403");
  }

  @Test
  void anAbsoluteFormTargetOfThisHostIsServed() throws IOException {
    Exchange exchange = raw("POST http://127.0.0.1:" + gateway.port() + "/mcp HTTP/1.1\r\nHost: 127.0.0.1\r\n"
      + HEADERS + "Content-Length: " + INIT.length() + "\r\nConnection: close\r\n\r\n" + INIT);

    assertThat(exchange.text()).startsWith("HTTP/1.1 200");
  }
}
