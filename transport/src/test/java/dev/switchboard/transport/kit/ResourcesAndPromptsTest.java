package dev.switchboard.transport.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResourcesAndPromptsTest extends McpServerTestBase {

  @BeforeEach
  void openSession() throws Exception {
    startSession();
  }

  private JsonObject read(String uri) throws Exception {
    return call("resources/read", new JsonObject().put("uri", uri)).message();
  }

  @Test
  void listsResourcesAndTemplates() throws Exception {
    assertThat(call("resources/list", null).result().getJsonArray("resources").getJsonObject(0)
      .getString("uri")).isEqualTo("test://static");
    assertThat(call("resources/templates/list", null).result().getJsonArray("resourceTemplates")
      .getJsonObject(0).getString("uriTemplate")).isEqualTo("test://items/{id}");
  }

  @Test
  void readsStaticResourceAndTemplate() throws Exception {
    assertThat(read("test://static").getJsonObject("result").getJsonArray("contents").getJsonObject(0)
      .getString("text")).isEqualTo("static text");
    assertThat(read("test://items/a%20b").getJsonObject("result").getJsonArray("contents").getJsonObject(0)
      .getString("text")).isEqualTo("item a b");
  }

  @Test
  void unknownResourceIs32002() throws Exception {
    JsonObject error = read("test://missing").getJsonObject("error");
    assertThat(error.getInteger("code")).isEqualTo(-32002);
    assertThat(error.getJsonObject("data").getString("uri")).isEqualTo("test://missing");
    assertThat(read("test://items/a/b").getJsonObject("error").getInteger("code")).isEqualTo(-32002);
  }

  @Test
  void promptGetRendersArguments() throws Exception {
    JsonObject result = call("prompts/get", new JsonObject().put("name", "greet")
      .put("arguments", new JsonObject().put("name", "Ada"))).result();
    assertThat(result.getJsonArray("messages").getJsonObject(0).getJsonObject("content").getString("text"))
      .isEqualTo("Hello Ada");
  }

  @Test
  void promptWithoutRequiredArgumentIsInvalidParams() throws Exception {
    JsonObject error = call("prompts/get", new JsonObject().put("name", "greet")).error();
    assertThat(error.getInteger("code")).isEqualTo(-32602);
    assertThat(error.getString("message")).contains("name");
  }

  @Test
  void unknownPromptIsInvalidParams() throws Exception {
    assertThat(call("prompts/get", new JsonObject().put("name", "nope")).error().getInteger("code"))
      .isEqualTo(-32602);
  }

  @Test
  void completionFiltersValues() throws Exception {
    JsonObject completion = call("completion/complete", new JsonObject()
      .put("ref", new JsonObject().put("type", "ref/prompt").put("name", "greet"))
      .put("argument", new JsonObject().put("name", "name").put("value", "al"))).result().getJsonObject("completion");
    assertThat(completion.getJsonArray("values")).containsExactly("alice", "albert");
    assertThat(completion.getInteger("total")).isEqualTo(2);
    assertThat(completion.getBoolean("hasMore")).isFalse();
  }

  @Test
  void completionForUnknownPromptIsInvalidParams() throws Exception {
    assertThat(call("completion/complete", new JsonObject()
      .put("ref", new JsonObject().put("type", "ref/prompt").put("name", "nope"))
      .put("argument", new JsonObject().put("name", "x").put("value", ""))).error().getInteger("code"))
      .isEqualTo(-32602);
  }
}
