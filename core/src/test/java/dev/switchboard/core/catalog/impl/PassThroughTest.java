package dev.switchboard.core.catalog.impl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.catalog.AggregationOptions;
import dev.switchboard.core.catalog.Aggregators;
import dev.switchboard.core.catalog.BackendCatalog;
import dev.switchboard.core.catalog.BackendFilter;
import dev.switchboard.core.catalog.CapabilityView;
import dev.switchboard.core.catalog.CatalogKind;
import dev.switchboard.core.catalog.ConflictResolution;
import dev.switchboard.core.catalog.NameOverride;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Exposed items are the backend's JSON with only the name (and an overridden description) changed. */
class PassThroughTest {
  private static final String RICH_TOOL = """
    {"name":"query","title":"Query","description":"Runs a query",\
    "inputSchema":{"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",\
    "$defs":{"limit":{"type":"integer","minimum":1}},"properties":{"sql":{"type":"string"},\
    "limit":{"$ref":"#/$defs/limit"}},"required":["sql"],"additionalProperties":false},\
    "outputSchema":{"type":"object","properties":{"rows":{"type":"array"}}},\
    "annotations":{"readOnlyHint":true,"openWorldHint":false},\
    "icons":[{"src":"https://example.com/q.png","mimeType":"image/png","sizes":["48x48"]}],\
    "execution":{"taskSupport":"optional"},"_meta":{"vendor/x":1.5,"nested":{"n":null}}}""";

  @Test
  void everyFieldButTheNameIsKeptAsSent() {
    JsonObject tool = new JsonObject(RICH_TOOL);

    CapabilityView view = Aggregators.create(AggregationOptions.defaults())
      .aggregate(List.of(new BackendCatalog("db", List.of(tool), null, null, null)));

    JsonObject exposed = view.items(CatalogKind.TOOLS).get(0);
    assertThat(exposed.encode()).isEqualTo(RICH_TOOL.replace("\"name\":\"query\"", "\"name\":\"db_query\""));
  }

  @Test
  void descriptionOverrideChangesOnlyTheDescription() {
    JsonObject tool = new JsonObject(RICH_TOOL);
    AggregationOptions options = new AggregationOptions(ConflictResolution.PRIORITY, null, null,
      List.of(new BackendFilter("db", null, null, Map.of("query", new NameOverride(null, "Read-only SQL")))), null,
      null, 0);

    CapabilityView view = Aggregators.create(options)
      .aggregate(List.of(new BackendCatalog("db", List.of(tool), null, null, null)));

    assertThat(view.items(CatalogKind.TOOLS).get(0).encode())
      .isEqualTo(RICH_TOOL.replace("\"Runs a query\"", "\"Read-only SQL\""));
  }

  @Test
  void inputObjectsAreNotMutated() {
    JsonObject tool = new JsonObject(RICH_TOOL);
    JsonObject resource = new JsonObject().put("uri", "db://tables").put("name", "tables").put("_meta",
      new JsonObject().put("k", "v"));
    JsonObject template = new JsonObject().put("uriTemplate", "db://tables/{name}").put("name", "table");
    JsonObject prompt = new JsonObject().put("name", "explain").put("arguments", List.of(Map.of("name", "sql")));
    List<JsonObject> inputs = List.of(tool, resource, template, prompt);
    List<String> before = inputs.stream().map(JsonObject::encode).toList();
    AggregationOptions options = new AggregationOptions(ConflictResolution.PREFIX, null, null,
      List.of(new BackendFilter("db", null, null, Map.of("query", new NameOverride("sql", "SQL")))), null, null, 0);

    CapabilityView view = Aggregators.create(options)
      .aggregate(List.of(new BackendCatalog("db", List.of(tool), List.of(resource), List.of(template),
        List.of(prompt))));
    view.items(CatalogKind.RESOURCES).get(0).getJsonObject("_meta").put("k", "changed");

    assertThat(inputs.stream().map(JsonObject::encode).toList()).isEqualTo(before);
    assertThat(view.items(CatalogKind.TOOLS).get(0)).isNotSameAs(tool);
    assertThat(view.items(CatalogKind.PROMPTS).get(0).getString("name")).isEqualTo("db_explain");
  }
}
