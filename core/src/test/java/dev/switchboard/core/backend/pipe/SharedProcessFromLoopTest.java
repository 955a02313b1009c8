package dev.switchboard.core.backend.pipe;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every test of {@link SharedProcessTest} again, with each request sent from an event loop other than the client's:
 * plain requests then skip the hop to the client's context, and their answers come from the process's reading thread
 * straight to the caller. Two tests of that path alone: an answer does not wait for the client's context, and it
 * never overtakes the progress the process sent before it.
 */
class SharedProcessFromLoopTest extends SharedProcessTest {
  private Context owner;
  private Context caller;

  @BeforeEach
  void caller(Vertx vertx) throws Exception {
    owner = ((PipeBackendClient) client).hop.context();
    Thread ownerThread = threadOf(owner);
    for (int i = 0; i < 16 && caller == null; i++) {
      Context next = ((VertxInternal) vertx).createEventLoopContext();
      if (threadOf(next) != ownerThread) {
        caller = next;
      }
    }
    assertThat(caller).as("an event loop other than the client's").isNotNull();
  }

  @Override
  Future<JsonObject> call(String session, Object id, String method, JsonObject params, Handler<JsonObject> onMessage) {
    Promise<JsonObject> answer = Promise.promise();
    caller.runOnContext(v -> client.request(session, id, method, params, onMessage).onComplete(answer));
    return answer.future();
  }

  @Test
  void plainCallIsAnsweredOnItsCallersContextWhileTheClientsContextIsBusy() throws Exception {
    CountDownLatch release = occupy(owner);
    try {
      Promise<Context> answeredOn = Promise.promise();
      caller.runOnContext(v -> client.request(a, "tools/call", tool("echo", new JsonObject().put("text", "x")), null)
        .onComplete(done -> answeredOn.handle(done.map(r -> Vertx.currentContext()))));

      assertThat(await(answeredOn.future())).isSameAs(caller);
    } finally {
      release.countDown();
    }
  }

  @Test
  void answerNeverOvertakesTheProgressSentBeforeIt() throws Exception {
    StdioProcess process = (StdioProcess) ((StdioBackendClient) client).holderOf(a).process();
    List<String> seen = new CopyOnWriteArrayList<>();
    JsonObject params = tool("progress", new JsonObject().put("steps", 3).put("delay", 1))
      .put("_meta", new JsonObject().put("progressToken", "p"));
    CountDownLatch release = occupy(owner);
    Future<JsonObject> answer;
    try {
      answer = call(a, "tools/call", params, m -> seen.add("progress")).andThen(done -> seen.add("result"));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT);
      while (process.waiting() < 4 && !answer.isComplete() && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
    } finally {
      release.countDown();
    }

    await(answer);
    assertThat(seen).containsExactly("progress", "progress", "progress", "result");
  }

  /** Keeps a context's event loop busy until the returned latch is counted down (or for at most WAIT seconds). */
  private static CountDownLatch occupy(Context context) throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch busy = new CountDownLatch(1);
    context.runOnContext(v -> {
      busy.countDown();
      try {
        release.await(WAIT, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    assertThat(busy.await(WAIT, TimeUnit.SECONDS)).isTrue();
    return release;
  }

  private static Thread threadOf(Context context) throws Exception {
    Promise<Thread> thread = Promise.promise();
    context.runOnContext(v -> thread.complete(Thread.currentThread()));
    return await(thread.future());
  }
}
