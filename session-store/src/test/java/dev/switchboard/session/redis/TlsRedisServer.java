package dev.switchboard.session.redis;

import dev.switchboard.session.TestRedis;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import java.nio.file.Files;

/**
 * A {@code redis-server} from the PATH serving TLS only, on 127.0.0.1 and a free port, with a certificate for
 * 127.0.0.1 signed by a throw-away CA made with {@code openssl}. Skips the test when either tool is missing or the
 * server was built without TLS.
 */
final class TlsRedisServer implements AutoCloseable {

  private final Process process;
  private final int port;
  private final Path caFile;

  private TlsRedisServer(Process process, int port, Path caFile) {
    this.process = process;
    this.port = port;
    this.caFile = caFile;
  }

  static TlsRedisServer start(Path dir) throws IOException, InterruptedException {
    makeCertificates(dir);
    int port = TestRedis.freePort();
    Process process = new ProcessBuilder("redis-server", "--port", "0", "--tls-port", Integer.toString(port),
      "--bind", "127.0.0.1", "--tls-cert-file", "server.pem", "--tls-key-file", "server.key",
      "--tls-ca-cert-file", "ca.pem", "--tls-auth-clients", "no", "--save", "", "--appendonly", "no")
      .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile())
      .start();
    TlsRedisServer server = new TlsRedisServer(process, port, dir.resolve("ca.pem"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!server.accepts()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        server.close();
        Assumptions.abort("redis-server on the PATH does not serve TLS here; see " + dir.resolve("redis.log"));
      }
      Thread.sleep(20);
    }
    return server;
  }

  int port() {
    return port;
  }

  Path caFile() {
    return caFile;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private boolean accepts() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void makeCertificates(Path dir) throws IOException, InterruptedException {
    run(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=test-ca",
      "-keyout", "ca.key", "-out", "ca.pem");
    run(dir, "openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1",
      "-keyout", "server.key", "-out", "server.csr");
    Files.writeString(dir.resolve("san.ext"), "subjectAltName=IP:127.0.0.1\n");
    run(dir, "openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
      "-CAcreateserial", "-days", "1", "-extfile", "san.ext", "-out", "server.pem");
  }

  private static void run(Path dir, String... command) throws IOException, InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("openssl.log").toFile()).start();
    } catch (IOException e) {
      Assumptions.abort("no " + command[0] + " on the PATH: " + e.getMessage());
      throw e;
    }
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      Assumptions.abort(String.join(" ", command) + " failed; see " + dir.resolve("openssl.log"));
    }
  }
}
