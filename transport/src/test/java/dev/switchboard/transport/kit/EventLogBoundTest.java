package dev.switchboard.transport.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The event log keeps one event per session here: the {@code log} tool's three messages and response overflow it. */
class EventLogBoundTest extends McpServerTestBase {

  @Override
  protected McpServerBuilder configure(McpServerBuilder builder) {
    builder.options().setMaxEventLogEvents(1);
    return builder;
  }

  private List<SseEvent> callLogTool() throws Exception {
    List<SseEvent> events = client.post(client.request("tools/call", new JsonObject().put("name", "log"))).events();
    assertThat(events).hasSize(5);
    return events;
  }

  private Reply resume(String lastEventId) throws Exception {
    return client.send(HttpMethod.GET, null, Map.of("Accept", "text/event-stream", "Last-Event-ID", lastEventId));
  }

  @Test
  void resumptionThatWouldMissDroppedEventsGets400() throws Exception {
    client.initialize();
    List<SseEvent> events = callLogTool();

    assertThat(resume(events.get(0).id()).status()).isEqualTo(400);
  }

  @Test
  void aFinishedStreamResumesFromItsKeptEventsAndEnds() throws Exception {
    client.initialize();
    List<SseEvent> events = callLogTool();

    Reply reply = resume(events.get(3).id());

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.events()).containsExactly(events.get(4));
  }
}
