package dev.switchboard.core.backend.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.internal.VertxInternal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A backend's connection pools per event loop: the split of the bounds, and which loop's pool a call uses. */
class LoopClientsTest {
  private static final long WAIT_SECONDS = 5;
  private static final int LOOPS = 2;

  private Vertx vertx;
  private HttpServer server;
  private Endpoint endpoint;
  private final AtomicInteger connections = new AtomicInteger();
  private final List<HttpServerRequest> held = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> heldByLoop = new ConcurrentHashMap<>();
  private volatile CountDownLatch arrived = new CountDownLatch(0);
  private volatile boolean holding = true;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(LOOPS));
    server = vertx.createHttpServer()
      .connectionHandler(connection -> connections.incrementAndGet())
      .requestHandler(request -> {
        if (!holding) {
          request.response().end("{}");
          return;
        }
        held.add(request);
        heldByLoop.computeIfAbsent(request.getHeader("loop"), k -> new AtomicInteger()).incrementAndGet();
        arrived.countDown();
      })
      .listen(0, "127.0.0.1").await(WAIT_SECONDS, TimeUnit.SECONDS);
    endpoint = Endpoint.of("fake", URI.create("http://127.0.0.1:" + server.actualPort() + "/mcp"));
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().await(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  @Test
  void sharesAddUpToTheTotalAndDifferByOneAtMost() {
    for (int total = 1; total <= 70; total++) {
      for (int parts = 1; parts <= 5; parts++) {
        int sum = 0;
        int smallest = Integer.MAX_VALUE;
        int largest = 0;
        for (int i = 0; i < parts; i++) {
          int share = LoopClients.share(total, parts, i);
          sum += share;
          smallest = Math.min(smallest, share);
          largest = Math.max(largest, share);
        }
        assertThat(sum).as("%d in %d parts", total, parts).isEqualTo(total);
        assertThat(largest - smallest).as("%d in %d parts", total, parts).isLessThanOrEqualTo(1);
      }
    }
    assertThat(LoopClients.share(1024, 2, 0)).isEqualTo(512);
  }

  @Test
  void eachLoopCallsOnItsOwnShareOfTheConnections() throws Exception {
    LoopClients clients = new LoopClients(vertx, endpoint, "fake", 4, true);
    assertThat(clients.size()).isEqualTo(LOOPS);
    List<Context> contexts = contextPerLoop();

    // Five requests from each loop, the server holding every one: each loop may open its share, 2 connections.
    arrived = new CountDownLatch(4);
    List<Future<Integer>> answers = new ArrayList<>();
    for (int c = 0; c < contexts.size(); c++) {
      String name = "loop-" + c;
      for (int i = 0; i < 5; i++) {
        Promise<Integer> answer = Promise.promise();
        contexts.get(c).runOnContext(v -> clients.current().request(endpoint.request(HttpMethod.POST)
            .putHeader("loop", name))
          .compose(request -> request.send(Buffer.buffer("{}")))
          .map(HttpClientResponse::statusCode)
          .onComplete(answer));
        answers.add(answer.future());
      }
    }
    assertThat(arrived.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    // The other six wait in their loop's queue; a loop never borrows the other's idle share.
    assertThat(connections.get()).isEqualTo(4);
    assertThat(heldByLoop.get("loop-0").get()).isEqualTo(2);
    assertThat(heldByLoop.get("loop-1").get()).isEqualTo(2);

    holding = false;
    for (HttpServerRequest request : held) {
      request.response().end("{}");
    }
    for (Future<Integer> answer : answers) {
      assertThat(answer.await(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(200);
    }
    assertThat(connections.get()).isEqualTo(4);
    clients.shutdown(1000).await(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  @Test
  void thePoolIsSharedWhenNotPerLoopOrTooSmallToSplit() throws Exception {
    assertThat(new LoopClients(vertx, endpoint, "fake", 4, false).size()).isEqualTo(1);
    LoopClients small = new LoopClients(vertx, endpoint, "fake", LOOPS - 1, true);
    assertThat(small.size()).isEqualTo(1);
    for (Context context : contextPerLoop()) {
      assertThat(onContext(context, small)).isSameAs(small.current());
    }
  }

  @Test
  void aCallOutsideAnyLoopUsesTheFirstLoopsPool() throws Exception {
    LoopClients clients = new LoopClients(vertx, endpoint, "fake", 4, true);
    List<Context> contexts = contextPerLoop();
    Object fromFirst = onContext(contexts.get(0), clients);
    Object fromSecond = onContext(contexts.get(1), clients);
    assertThat(fromFirst).isNotSameAs(fromSecond);
    assertThat(onContext(vertx.getOrCreateContext(), clients)).isIn(fromFirst, fromSecond);
    assertThat(clients.current()).isSameAs(fromFirst);
  }

  /** A context on each event loop, in the loop group's order. */
  private List<Context> contextPerLoop() {
    VertxInternal internal = (VertxInternal) vertx;
    List<Context> contexts = new ArrayList<>();
    for (EventExecutor loop : internal.nettyEventLoopGroup()) {
      contexts.add(internal.contextBuilder().withEventLoop((EventLoop) loop).build());
    }
    assertThat(contexts).hasSize(LOOPS);
    return contexts;
  }

  private static Object onContext(Context context, LoopClients clients) throws Exception {
    Promise<Object> current = Promise.promise();
    context.runOnContext(v -> current.complete(clients.current()));
    return current.future().await(WAIT_SECONDS, TimeUnit.SECONDS);
  }
}
