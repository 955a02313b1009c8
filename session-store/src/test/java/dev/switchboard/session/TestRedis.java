package dev.switchboard.session;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * Where tests find Redis, in this order: the URL in {@code SWITCHBOARD_REDIS_URL}; a server on 127.0.0.1:6379 that
 * answers PING without a password; an embedded {@code redis-server} on a free port (one per JVM). When none works the
 * test fails, unless {@code SWITCHBOARD_ALLOW_NO_REDIS=1}, which turns that into a skip.
 *
 * <p>Tests share the server, so each uses its own key prefix ({@link #newKeyPrefix()}) and deletes only its own keys
 * ({@link #deleteKeys}); never FLUSHALL or FLUSHDB.
 */
public final class TestRedis {

  public static final String URL_VARIABLE = "SWITCHBOARD_REDIS_URL";
  public static final String ALLOW_NO_REDIS_VARIABLE = "SWITCHBOARD_ALLOW_NO_REDIS";
  private static final int LOCAL_PORT = 6379;

  private static String sharedUrl;
  private static RuntimeException sharedFailure;

  private TestRedis() {
  }

  /** The shared Redis for tests, found or started on first use (an embedded one stops when the JVM exits). */
  public static synchronized String url() {
    if (sharedFailure != null) {
      throw sharedFailure;
    }
    if (sharedUrl == null) {
      try {
        sharedUrl = findOrStart();
      } catch (RuntimeException e) {
        sharedFailure = e;
        throw e;
      }
    }
    return sharedUrl;
  }

  /** A fresh prefix {@code test:<uuid>:} for the keys of one test. */
  public static String newKeyPrefix() {
    return "test:" + UUID.randomUUID() + ":";
  }

  /**
   * A private embedded server on a free port, started; the caller stops it.
   *
   * @param settings extra {@code redis.conf} lines, e.g. {@code requirepass secret}
   */
  public static EmbeddedRedis startEmbedded(String... settings) {
    try {
      return startEmbeddedOn(freePort(), settings);
    } catch (IOException e) {
      throw unavailable("cannot start an embedded redis-server", e);
    }
  }

  /**
   * A private embedded server on the given port, started; the caller stops it.
   *
   * @param settings extra {@code redis.conf} lines, e.g. {@code requirepass secret}
   */
  public static EmbeddedRedis startEmbeddedOn(int port, String... settings) {
    try {
      EmbeddedRedis redis = new EmbeddedRedis(port, List.of(settings));
      redis.start();
      return redis;
    } catch (IOException | RuntimeException e) {
      throw unavailable("cannot start an embedded redis-server", e);
    }
  }

  /** Deletes every key that starts with {@code prefix} (SCAN + DEL); completes with how many. */
  public static Future<Integer> deleteKeys(Vertx vertx, String url, String prefix) {
    Redis client = Redis.createClient(vertx, url);
    return scanAndDelete(client, prefix, "0", 0).eventually(client::close);
  }

  private static Future<Integer> scanAndDelete(Redis client, String prefix, String cursor, int deleted) {
    Request scan = Request.cmd(Command.SCAN).arg(cursor).arg("MATCH").arg(escapeGlob(prefix) + "*")
      .arg("COUNT").arg(1000);
    return client.send(scan).compose(page -> {
      String next = page.get(0).toString();
      List<String> keys = new ArrayList<>();
      for (Response key : page.get(1)) {
        keys.add(key.toString());
      }
      Future<Integer> removed = keys.isEmpty()
        ? Future.succeededFuture(0)
        : client.send(Request.cmd(Command.DEL, keys.toArray())).map(Response::toInteger);
      return removed.compose(n -> "0".equals(next)
        ? Future.succeededFuture(deleted + n)
        : scanAndDelete(client, prefix, next, deleted + n));
    });
  }

  private static String findOrStart() {
    String configured = System.getenv(URL_VARIABLE);
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    if (answersPing("127.0.0.1", LOCAL_PORT)) {
      return "redis://127.0.0.1:" + LOCAL_PORT;
    }
    // embedded-redis stops its servers in a shutdown hook of its own
    return startEmbedded().url();
  }

  /** True when a Redis that needs no password listens there. */
  static boolean answersPing(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 500);
      socket.setSoTimeout(1000);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] reply = in.readNBytes(7);
      return "+PONG\r\n".equals(new String(reply, StandardCharsets.US_ASCII));
    } catch (IOException e) {
      return false;
    }
  }

  /** A port free on 127.0.0.1 right now. */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(false);
      socket.bind(new InetSocketAddress("127.0.0.1", 0));
      return socket.getLocalPort();
    }
  }

  /** Fails the test, or skips it when {@code SWITCHBOARD_ALLOW_NO_REDIS=1}. */
  private static RuntimeException unavailable(String what, Throwable cause) {
    String message = what + " (" + cause + "). Redis tests need a Redis: set " + URL_VARIABLE
      + ", run redis-server on 127.0.0.1:" + LOCAL_PORT + ", or let the embedded one start; set "
      + ALLOW_NO_REDIS_VARIABLE + "=1 to skip them instead.";
    if ("1".equals(System.getenv(ALLOW_NO_REDIS_VARIABLE))) {
      Assumptions.abort(message);
    }
    return new IllegalStateException(message, cause);
  }

  private static String escapeGlob(String s) {
    return s.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
  }
}
