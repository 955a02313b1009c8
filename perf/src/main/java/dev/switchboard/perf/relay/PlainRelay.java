package dev.switchboard.perf.relay;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Relays every request to one upstream as nginx's {@code proxy_pass} does in the benchmark: method, URI and headers
 * (all but the hop-by-hop ones) go up over a pooled keep-alive connection, the status, headers and body come back. It
 * reads each body whole, as the gateway does, and looks at nothing in it. A request body above {@link #MAX_BODY}
 * bytes gets {@code 413}; an upstream that fails or cannot be reached gets the client a {@code 502}.
 */
public final class PlainRelay extends VerticleBase {
  /** nginx's {@code client_max_body_size} in the benchmark. */
  public static final long MAX_BODY = 16L * 1024 * 1024;
  private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection",
    "transfer-encoding", "te", "trailer", "upgrade", "content-length");

  private final String host;
  private final int port;
  private final int upstreamPort;
  private final int maxConnections;
  private HttpClient client;

  /**
   * @param host           the address to listen on and the upstream's (loopback in the benchmark)
   * @param port           where to listen
   * @param upstreamPort   the upstream's port
   * @param maxConnections pooled connections to the upstream per instance
   */
  public PlainRelay(String host, int port, int upstreamPort, int maxConnections) {
    this.host = host;
    this.port = port;
    this.upstreamPort = upstreamPort;
    this.maxConnections = maxConnections;
  }

  @Override
  public Future<?> start() {
    client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setDefaultHost(host)
      .setDefaultPort(upstreamPort), new PoolOptions().setHttp1MaxSize(maxConnections).setMaxWaitQueueSize(1024));
    HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port));
    return server.requestHandler(this::relay).listen();
  }

  private void relay(HttpServerRequest req) {
    if (tooLarge(req.getHeader(HttpHeaders.CONTENT_LENGTH))) {
      req.response().setStatusCode(413).putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE).end();
      return;
    }
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    copy(req.headers(), headers);
    RequestOptions up = new RequestOptions().setMethod(req.method()).setURI(req.uri()).setHeaders(headers);
    req.body()
      .compose(body -> client.request(up).compose(out -> out.send(body)))
      .compose(in -> in.body().map(body -> answer(req.response(), in, body)))
      .onFailure(e -> {
        HttpServerResponse response = req.response();
        if (!response.ended() && !response.headWritten()) {
          response.setStatusCode(502).end();
        } else if (!response.ended()) {
          response.reset();
        }
      });
  }

  private static Void answer(HttpServerResponse response, HttpClientResponse in, Buffer body) {
    response.setStatusCode(in.statusCode());
    copy(in.headers(), response.headers());
    response.end(body);
    return null;
  }

  private static void copy(MultiMap from, MultiMap to) {
    for (Map.Entry<String, String> header : from) {
      if (!HOP_BY_HOP.contains(header.getKey().toLowerCase(Locale.ROOT))) {
        to.add(header.getKey(), header.getValue());
      }
    }
  }

  private static boolean tooLarge(String contentLength) {
    if (contentLength == null) {
      return false;
    }
    try {
      return Long.parseLong(contentLength.trim()) > MAX_BODY;
    } catch (NumberFormatException e) {
      return true;
    }
  }
}
