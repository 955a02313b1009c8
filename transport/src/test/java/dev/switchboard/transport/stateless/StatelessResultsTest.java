package dev.switchboard.transport.stateless;

import dev.switchboard.core.protocol.JsonRpcError;
import dev.switchboard.core.protocol.McpException;
import dev.switchboard.core.protocol.StatelessEnvelope;
import dev.switchboard.transport.ServerDescription;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatelessResultsTest {
  private final StatelessResults results = new StatelessResults(
    new ServerDescription("switchboard", "Switchboard", "1.2.3", "Be nice"), 60_000);

  @Test
  void discoverListsTheStatelessVersionsCapabilitiesAndCacheHints() {
    JsonObject discover = results.discover(false);
    assertThat(discover.getJsonArray("supportedVersions")).isEqualTo(new JsonArray().add("2026-07-28"));
    assertThat(discover.getJsonObject("capabilities").fieldNames()).contains("tools", "resources", "prompts",
      "completions").doesNotContain("logging", "tasks");
    assertThat(discover.getString("instructions")).isEqualTo("Be nice");
    assertThat(discover.getString("resultType")).isEqualTo("complete");
    assertThat(discover.getLong("ttlMs")).isEqualTo(60_000);
    assertThat(discover.getString("cacheScope")).isEqualTo("public");
    assertThat(discover.getJsonObject("_meta").getJsonObject(StatelessEnvelope.META_SERVER_INFO).getString("name"))
      .isEqualTo("switchboard");
    assertThat(discover.containsKey("serverInfo")).isFalse();
    assertThat(results.discover(true).getString("cacheScope")).isEqualTo("private");
  }

  @Test
  void listsGetCacheHintsAndLoseTheTaskVocabulary() {
    JsonObject list = results.stamp("tools/list", new JsonObject().put("tools", new JsonArray()
      .add(new JsonObject().put("name", "t").put("execution", new JsonObject()))), false);
    assertThat(list.getString("resultType")).isEqualTo("complete");
    assertThat(list.getLong("ttlMs")).isEqualTo(60_000);
    assertThat(list.getString("cacheScope")).isEqualTo("public");
    assertThat(list.getJsonArray("tools").getJsonObject(0).containsKey("execution")).isFalse();
    assertThat(results.stamp("prompts/list", new JsonObject(), true).getString("cacheScope")).isEqualTo("private");
  }

  @Test
  void aReadIsPrivateUnlessTheBackendSaysPublicAndACallHasNoCacheHints() {
    assertThat(results.stamp("resources/read", new JsonObject(), false).getString("cacheScope")).isEqualTo("private");
    JsonObject publicRead = results.stamp("resources/read", new JsonObject().put("cacheScope", "public")
      .put("ttlMs", 5), false);
    assertThat(publicRead.getString("cacheScope")).isEqualTo("public");
    assertThat(publicRead.getLong("ttlMs")).isEqualTo(5);
    assertThat(results.stamp("resources/read", new JsonObject().put("cacheScope", "public"), true)
      .getString("cacheScope")).isEqualTo("private");
    JsonObject call = results.stamp("tools/call", new JsonObject().put("content", new JsonArray()), false);
    assertThat(call.containsKey("ttlMs")).isFalse();
    assertThat(call.getString("resultType")).isEqualTo("complete");
  }

  @Test
  void inputRequiredStaysOnlyWhereTheRevisionAllowsIt() {
    assertThat(results.stamp("tools/call", new JsonObject().put("resultType", "input_required"), false)
      .getString("resultType")).isEqualTo("input_required");
    assertThat(results.stamp("tools/list", new JsonObject().put("resultType", "input_required"), false)
      .getString("resultType")).isEqualTo("complete");
  }

  @Test
  void aMissingResourceBecomesInvalidParamsWithItsUri() {
    Throwable translated = StatelessResults.translate("resources/read", new JsonObject().put("uri", "test://x"),
      new McpException(JsonRpcError.RESOURCE_NOT_FOUND, "Resource not found: test://x"));
    assertThat(translated).isInstanceOfSatisfying(McpException.class, e -> {
      assertThat(e.code()).isEqualTo(JsonRpcError.INVALID_PARAMS);
      assertThat(e.data()).isEqualTo(new JsonObject().put("uri", "test://x"));
    });
  }
}
