package dev.switchboard.core.backend.impl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.backend.BackendClient;
import dev.switchboard.core.protocol.JsonRpc;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** One client shared by several event loops, with more requests in flight than pooled connections. */
class ConcurrencyTest extends BackendClientTestBase {
  private static final int PER_CONTEXT = 20;

  @Test
  void concurrentRequestsFromSeveralEventLoopsEachGetTheirOwnAnswerAndMessages() throws Exception {
    backend.on("tools/call", (request, response) -> {
      JsonObject params = request.body().getJsonObject("params");
      FakeBackend.sse(response).write(FakeBackend.event(JsonRpc.notification("notifications/progress", params)));
      vertx.setTimer(1 + params.getInteger("n") % 7, t -> response.end(FakeBackend.event(
        JsonRpc.response(request.body().getValue("id"), params))));
    });
    BackendClient client = client();
    Map<Integer, List<JsonObject>> messages = new ConcurrentHashMap<>();
    List<String> wrongContext = new CopyOnWriteArrayList<>();
    List<Future<JsonObject>> results = new ArrayList<>();

    List<Context> contexts = List.of(vertx.getOrCreateContext(), vertx.getOrCreateContext());
    assertThat(contexts.get(0)).isNotSameAs(contexts.get(1));
    for (Context context : contexts) {
      for (int i = 0; i < PER_CONTEXT; i++) {
        int n = results.size();
        Promise<JsonObject> result = Promise.promise();
        context.runOnContext(v -> client.request(FakeBackend.SESSION_ID, "tools/call", new JsonObject().put("n", n),
          message -> {
            if (Vertx.currentContext() != context) {
              wrongContext.add("onMessage of request " + n);
            }
            messages.computeIfAbsent(n, k -> new CopyOnWriteArrayList<>()).add(message);
          }).onComplete(result));
        results.add(result.future());
      }
    }
    await(Future.all(results));

    for (int n = 0; n < results.size(); n++) {
      assertThat(results.get(n).result().getInteger("n")).isEqualTo(n);
      assertThat(messages.get(n)).extracting(m -> m.getJsonObject("params").getInteger("n")).containsExactly(n);
    }
    assertThat(wrongContext).isEmpty();
  }
}
