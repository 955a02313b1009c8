package dev.switchboard.transport.kit;

import dev.switchboard.testkit.StreamEvent;
import dev.switchboard.testkit.McpTestClient.OpenStream;
import dev.switchboard.testkit.McpTestClient.Answer;
import dev.switchboard.testkit.Awaits;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ResumabilityTest extends McpServerTestBase {
  private static final String SSE = "text/event-stream";

  @Override
  protected McpServerBuilder configure(McpServerBuilder builder) {
    builder.options().setSseRetry(Duration.ofMillis(250)).setHeartbeatInterval(Duration.ZERO);
    return PollingTools.add(builder);
  }

  private JsonObject callTool(String name) {
    return request("tools/call", new JsonObject().put("name", name));
  }

  private Answer resume(String lastEventId) throws Exception {
    return send(HttpMethod.GET, null, Map.of("Accept", SSE, "Last-Event-ID", lastEventId));
  }

  /** Sends tools/list_changed to every session; how many had an open GET connection. */
  private int listChanged() {
    try {
      return server.notifyAll("notifications/tools/list_changed", null).await(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String lastId(List<StreamEvent> events) {
    return events.get(events.size() - 1).id();
  }

  @Test
  void pollingClosesThePostStreamAfterPrimingRetryAndTheEventsSentSoFar() throws Exception {
    startSession();
    Answer post = post(callTool("poll"));

    assertThat(post.isSse()).isTrue();
    assertThat(post.body().toString()).contains("\nretry: 250\n");
    List<StreamEvent> events = post.events();
    assertThat(events).hasSize(2);
    assertThat(events.get(0).isPriming()).isTrue();
    assertThat(events.get(1).json().getJsonObject("params").getString("data")).isEqualTo("before");
  }

  @Test
  void resumingWithLastEventIdReplaysTheRestOfThatStreamThenEnds() throws Exception {
    startSession();
    JsonObject call = callTool("poll");
    List<StreamEvent> first = post(call).events();

    Answer resumed = resume(lastId(first));

    assertThat(resumed.status()).isEqualTo(200);
    assertThat(resumed.isSse()).isTrue();
    List<StreamEvent> rest = resumed.events();
    assertThat(rest).extracting(e -> e.json().getValue("id") == null ? e.json().getJsonObject("params")
      .getString("data") : "response").containsExactly("after", "response");
    JsonObject response = rest.get(1).json();
    assertThat(response.getLong("id")).isEqualTo(call.getLong("id"));
    assertThat(response.getJsonObject("result").getJsonArray("content").getJsonObject(0).getString("text"))
      .isEqualTo("polled true");
    String stream = first.get(0).id().substring(0, first.get(0).id().lastIndexOf('.'));
    assertThat(rest).allSatisfy(e -> assertThat(e.id()).startsWith(stream + "."));
  }

  @Test
  void resumingFromThePrimingEventReplaysEverythingWithData() throws Exception {
    startSession();
    List<StreamEvent> first = post(callTool("poll")).events();

    List<StreamEvent> all = resume(first.get(0).id()).events();

    assertThat(all).hasSize(3);
    assertThat(all.get(0).id()).isEqualTo(first.get(1).id());
    assertThat(all).extracting(StreamEvent::id).doesNotHaveDuplicates();
  }

  @Test
  void aResumedStreamCarriesLaterRequestsLiveAndEndsAfterTheResponse() throws Exception {
    startSession(new JsonObject().put("sampling", new JsonObject()));
    List<StreamEvent> first = post(callTool("poll_then_sample")).events();
    OpenStream resumed = stream(HttpMethod.GET, null,
      Map.of("Accept", SSE, "Last-Event-ID", lastId(first)));

    JsonObject request = resumed.nextMessage();
    assertThat(request.getString("method")).isEqualTo("sampling/createMessage");
    post(new JsonObject().put("jsonrpc", "2.0").put("id", request.getValue("id"))
      .put("result", new JsonObject().put("role", "assistant").put("model", "m")
        .put("content", new JsonObject().put("type", "text").put("text", "ok"))));

    JsonObject response = resumed.nextMessage();
    assertThat(response.getJsonObject("result").getJsonArray("content").getJsonObject(0).getString("text"))
      .isEqualTo("sampled ok");
    Awaits.until(() -> resumed.ended);
  }

  @Test
  void closingForPollingIsRefusedIn20250618Sessions() throws Exception {
    client.protocolVersion("2025-06-18");
    startSession();
    Answer reply = post(callTool("poll"));

    assertThat(reply.result().getJsonArray("content").getJsonObject(0).getString("text")).isEqualTo("polled false");
  }

  @Test
  void aLastEventIdThatIsNotOneOfOursOpensAFreshStandaloneStream() throws Exception {
    startSession();
    OpenStream get = stream(HttpMethod.GET, null, Map.of("Accept", SSE, "Last-Event-ID", "not-an-id"));

    assertThat(get.response.statusCode()).isEqualTo(200);
    assertThat(get.next().isPriming()).isTrue();
    assertThat(listChanged()).isEqualTo(1);
    assertThat(get.nextMessage().getString("method")).isEqualTo("notifications/tools/list_changed");
  }

  @Test
  void theStandaloneStreamResumesWithTheNotificationsSentWhileAway() throws Exception {
    startSession();
    OpenStream get = stream(HttpMethod.GET, null, Map.of("Accept", SSE));
    String priming = get.next().id();
    get.response.request().connection().close();
    Awaits.until(() -> listChanged() == 0);

    OpenStream resumed = stream(HttpMethod.GET, null, Map.of("Accept", SSE, "Last-Event-ID", priming));

    assertThat(resumed.response.statusCode()).isEqualTo(200);
    assertThat(resumed.nextMessage().getString("method")).isEqualTo("notifications/tools/list_changed");
    assertThat(server.notifyAll("notifications/prompts/list_changed", null).await(5, TimeUnit.SECONDS)).isEqualTo(1);
  }

  @Test
  void resumingTheStandaloneStreamReplacesTheOpenConnection() throws Exception {
    startSession();
    OpenStream get = stream(HttpMethod.GET, null, Map.of("Accept", SSE));
    String priming = get.next().id();

    OpenStream resumed = stream(HttpMethod.GET, null, Map.of("Accept", SSE, "Last-Event-ID", priming));

    assertThat(resumed.response.statusCode()).isEqualTo(200);
    Awaits.until(() -> get.ended);
    listChanged();
    assertThat(resumed.nextMessage().getString("method")).isEqualTo("notifications/tools/list_changed");
  }
}
