package dev.switchboard.core.backend.pipe;

import dev.switchboard.core.backend.BackendException;
import dev.switchboard.core.backend.BackendOptions;
import dev.switchboard.core.backend.impl.SseEvent;
import dev.switchboard.core.backend.impl.SseParser;
import dev.switchboard.core.protocol.JsonRpc;
import dev.switchboard.core.protocol.JsonRpcError;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One session of a legacy HTTP+SSE (2024-11-05) server: a GET on the SSE URL whose first {@code endpoint} event
 * names where to POST messages; the server's messages (answers included) arrive as {@code message} events on the
 * stream. The pipe ends when the stream ends or drops, or when a POST gets 404 (the server forgot the session).
 * A POST answered with another error status turns into a JSON-RPC error for the request it carried.
 */
final class SsePipe implements Pipe {
  private static final System.Logger LOG = System.getLogger(SsePipe.class.getName());
  /** Largest SSE event accepted on the stream. */
  static final int MAX_EVENT_BYTES = 16 * 1024 * 1024;
  /** How long a POST's 404 waits for the stream's end to be read before it counts as a forgotten session. */
  static final long FORGOTTEN_GRACE_MS = 200;

  private final Vertx vertx;
  private final Context context;
  private final BackendOptions options;
  private final HttpClientAgent posts;
  private final Inbox inbox;
  /** Most POSTs in flight on this session: 16 per pooled connection; beyond, a message fails at once. */
  private final int maxPosts;
  private final AtomicInteger postsInFlight = new AtomicInteger();
  private final Promise<Throwable> ended = Promise.promise();
  private final Promise<URI> endpoint = Promise.promise();
  private HttpClientRequest stream;
  private volatile URI postTo;

  private SsePipe(Vertx vertx, Context context, BackendOptions options, HttpClientAgent posts,
                  Inbox inbox) {
    this.vertx = vertx;
    this.context = context;
    this.options = options;
    this.posts = posts;
    this.inbox = inbox;
    this.maxPosts = options.maxConnections() * 16;
  }

  static PipeFactory factory(Vertx vertx, BackendOptions options, HttpClientAgent streams, HttpClientAgent posts) {
    return (context, inbox) -> new SsePipe(vertx, context, options, posts, inbox).connect(streams);
  }

  private Future<Pipe> connect(HttpClientAgent streams) {
    RequestOptions get = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(options.url().toString());
    options.headers().forEach(get::putHeader);
    get.putHeader(HttpHeaders.ACCEPT, "text/event-stream");
    long timer = vertx.setTimer(options.timeout().toMillis(), id -> fail(new BackendException(name(),
      BackendException.Kind.TIMEOUT, "no endpoint event within " + options.timeout().toMillis() / 1000.0 + "s")));
    streams.request(get)
      .compose(request -> {
        stream = request;
        return request.send();
      })
      .onSuccess(this::opened)
      .onFailure(err -> fail(new BackendException(name(), BackendException.Kind.UNREACHABLE,
        "SSE connection failed: " + err.getMessage())));
    return endpoint.future().andThen(done -> vertx.cancelTimer(timer)).map(uri -> {
      postTo = uri;
      return this;
    });
  }

  private void opened(HttpClientResponse response) {
    if (response.statusCode() != 200) {
      fail(new BackendException(name(), BackendException.Kind.HTTP_STATUS, "SSE connection answered HTTP "
        + response.statusCode()));
      return;
    }
    SseParser parser = new SseParser(this::event, MAX_EVENT_BYTES);
    response.handler(chunk -> onContext(() -> parser.feed(chunk)));
    response.endHandler(v -> onContext(() -> fail(new BackendException(name(), BackendException.Kind.UNREACHABLE,
      "the SSE stream ended"))));
    response.exceptionHandler(err -> onContext(() -> fail(new BackendException(name(),
      BackendException.Kind.UNREACHABLE, "the SSE stream dropped: " + err.getMessage()))));
  }

  private void event(SseEvent event) {
    if ("endpoint".equals(event.type())) {
      try {
        URI uri = options.url().resolve(event.text().strip());
        if (!sameOrigin(uri, options.url())) {
          fail(new BackendException(name(), BackendException.Kind.PROTOCOL, "the endpoint event names another origin "
            + "than the SSE URL (the configured headers are not sent there)"));
          return;
        }
        endpoint.tryComplete(uri);
      } catch (IllegalArgumentException e) {
        fail(new BackendException(name(), BackendException.Kind.PROTOCOL, "the endpoint event is not a URL"));
      }
    } else if (SseEvent.DEFAULT_TYPE.equals(event.type()) && event.data().length() > 0) {
      inbox.text(event.data());
    }
  }

  /** Same scheme, host and port: the configured headers (credentials) go to the server that was configured only. */
  static boolean sameOrigin(URI a, URI b) {
    return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost() != null
      && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
  }

  private static int port(URI uri) {
    return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  private void fail(BackendException cause) {
    if (endpoint.tryFail(cause)) {
      close();
    }
    if (ended.tryComplete(cause)) {
      close();
    }
  }

  private void close() {
    HttpClientRequest open = stream;
    if (open != null) {
      open.reset();
    }
  }

  private void onContext(Runnable action) {
    if (Vertx.currentContext() == context) {
      action.run();
    } else {
      context.runOnContext(v -> action.run());
    }
  }

  private String name() {
    return options.name();
  }

  @Override
  public String describe() {
    return "SSE connection";
  }

  @Override
  public boolean write(Buffer message) {
    if (ended.future().isComplete() || postTo == null) {
      return false;
    }
    if (postsInFlight.incrementAndGet() > maxPosts) {
      postsInFlight.decrementAndGet();
      return false;
    }
    RequestOptions post = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(postTo.toString());
    options.headers().forEach(post::putHeader);
    post.putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
    posts.request(post)
      .compose(request -> request.send(message))
      .compose(response -> response.body().map(body -> response.statusCode()))
      .onComplete(done -> onContext(() -> {
        postsInFlight.decrementAndGet();
        if (done.succeeded() && done.result() / 100 == 2) {
          return;
        }
        if (done.succeeded() && done.result() == 404) {
          // a legacy server forgets a session when its stream ends: if ours is ending too (its end not read yet),
          // that end comes first and this is the stream's loss (UNREACHABLE, reconnected); otherwise the server
          // forgot a live session (SESSION_EXPIRED, renewed by core)
          vertx.setTimer(FORGOTTEN_GRACE_MS, t -> onContext(() -> fail(new BackendException(name(),
            BackendException.Kind.SESSION_EXPIRED, "the server forgot the session"))));
          return;
        }
        String why = done.succeeded() ? "HTTP " + done.result() : done.cause().getMessage();
        LOG.log(Level.DEBUG, "backend ''{0}'': a message was not accepted: {1}", name(), why);
        answerFailedRequest(message, why);
      }));
    return true;
  }

  /** A request whose POST failed gets an error answer at once rather than waiting for its timeout. */
  private void answerFailedRequest(Buffer message, String why) {
    JsonObject sent = new JsonObject(message);
    if (sent.containsKey("method") && sent.containsKey("id")) {
      inbox.message(JsonRpc.errorResponse(sent.getValue("id"), JsonRpcError.INTERNAL_ERROR,
        "backend '" + name() + "' did not accept the message: " + why));
    }
  }

  @Override
  public Future<Throwable> ended() {
    return ended.future();
  }

  @Override
  public Future<Void> stop() {
    onContext(() -> {
      if (ended.tryComplete(new BackendException(name(), BackendException.Kind.UNREACHABLE, "closed"))) {
        close();
      }
    });
    return ended.future().mapEmpty();
  }
}
