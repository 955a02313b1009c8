package dev.switchboard.transport.kit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.protocol.Results;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class CapabilitiesTest {

  @Test
  void onlyRegisteredFeaturesAreDeclared() {
    JsonObject caps = McpServer.builder("t", "1")
      .tool(new JsonObject().put("name", "x"), (ctx, args) -> Future.succeededFuture(Results.text("x")))
      .build().capabilities();
    assertThat(caps.fieldNames()).containsExactlyInAnyOrder("logging", "tools");
    assertThat(caps.getJsonObject("tools").getBoolean("listChanged")).isTrue();
  }

  @Test
  void missingInputSchemaGetsAnEmptyObjectSchema() {
    McpServer server = McpServer.builder("t", "1")
      .tool(new JsonObject().put("name", "x"), (ctx, args) -> Future.succeededFuture(Results.text("x"))).build();
    assertThat(server.tools().get("x").definition().getJsonObject("inputSchema"))
      .isEqualTo(new JsonObject().put("type", "object").put("additionalProperties", false));
  }

  @Test
  void subscriptionsCanBeTurnedOff() {
    JsonObject caps = McpServer.builder("t", "1").subscriptions(false)
      .resource(new JsonObject().put("uri", "a://b").put("name", "b"), (ctx, uri, vars) -> Future.succeededFuture())
      .build().capabilities();
    assertThat(caps.getJsonObject("resources").getBoolean("subscribe")).isFalse();
  }
}
