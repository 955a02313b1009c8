package dev.switchboard.core.catalog.impl;

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

/**
 * Three backends with shared names: tool {@code echo} (alpha, beta), tool {@code search} (beta, gamma), prompt
 * {@code summarize} (alpha, gamma), resource {@code test://static/shared} (alpha, gamma).
 */
final class Fixtures {

  private Fixtures() {
  }

  static List<BackendCatalog> threeBackends() {
    return List.of(
      new BackendCatalog("alpha", List.of(tool("echo"), tool("add")),
        List.of(resource("test://static/shared"), resource("test://alpha/readme")),
        List.of(template("test://alpha/{path}")), List.of(prompt("summarize"))),
      new BackendCatalog("beta", List.of(tool("echo"), tool("search"), tool("fetch")),
        List.of(resource("test://beta/notes")),
        List.of(template("test://template/{id}/data")), List.of(prompt("echo"))),
      new BackendCatalog("gamma", List.of(tool("search"), tool("time")),
        List.of(resource("test://static/shared"), resource("test://gamma/status")),
        List.of(template("test://static/{name}")), List.of(prompt("summarize"))));
  }

  static CapabilityView aggregate(ConflictResolution strategy, List<String> priority) {
    return Aggregators.create(options(strategy, priority, List.of(), List.of())).aggregate(threeBackends());
  }

  static AggregationOptions options(ConflictResolution strategy, List<String> priority, List<BackendFilter> tools,
                                    List<BackendFilter> resources) {
    return new AggregationOptions(strategy, null, priority, tools, null, resources, 0);
  }

  static BackendFilter overrides(String backend, Map<String, NameOverride> overrides) {
    return new BackendFilter(backend, null, null, overrides);
  }

  static List<String> names(CapabilityView view, CatalogKind kind) {
    String field = switch (kind) {
      case TOOLS, PROMPTS -> "name";
      case RESOURCES -> "uri";
      case RESOURCE_TEMPLATES -> "uriTemplate";
    };
    return view.items(kind).stream().map(item -> item.getString(field)).toList();
  }

  static JsonObject tool(String name) {
    return new JsonObject().put("name", name).put("description", "The " + name + " tool")
      .put("inputSchema", new JsonObject().put("type", "object"));
  }

  static JsonObject prompt(String name) {
    return new JsonObject().put("name", name).put("description", "The " + name + " prompt");
  }

  static JsonObject resource(String uri) {
    return new JsonObject().put("uri", uri).put("name", uri.substring(uri.lastIndexOf('/') + 1));
  }

  static JsonObject template(String uriTemplate) {
    return new JsonObject().put("uriTemplate", uriTemplate).put("name", "template");
  }
}
