package dev.switchboard.core.impl;

import dev.switchboard.core.backend.BackendClient;
import dev.switchboard.core.catalog.BackendCatalog;
import dev.switchboard.core.catalog.CatalogKind;
import dev.switchboard.core.protocol.JsonRpcError;
import dev.switchboard.core.protocol.McpException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Reads everything one backend lists on one backend session, following its cursors. */
final class CatalogFetcher {
  /** Bound on pages per list, against a backend whose cursors never end. */
  static final int MAX_PAGES = 100;

  private CatalogFetcher() {
  }

  /**
   * @param serverCapabilities the backend's capabilities; null when unknown (every list is tried and "method not
   *                           found" counts as empty)
   */
  static Future<BackendCatalog> fetch(BackendClient client, String sessionId, JsonObject serverCapabilities) {
    Future<List<JsonObject>> tools = list(client, sessionId, CatalogKind.TOOLS, declares(serverCapabilities, "tools"));
    boolean resources = declares(serverCapabilities, "resources");
    Future<List<JsonObject>> res = list(client, sessionId, CatalogKind.RESOURCES, resources);
    Future<List<JsonObject>> templates = list(client, sessionId, CatalogKind.RESOURCE_TEMPLATES, resources);
    Future<List<JsonObject>> prompts = list(client, sessionId, CatalogKind.PROMPTS,
      declares(serverCapabilities, "prompts"));
    return Future.all(tools, res, templates, prompts).map(all -> new BackendCatalog(client.name(), tools.result(),
      res.result(), templates.result(), prompts.result()));
  }

  private static boolean declares(JsonObject capabilities, String name) {
    return capabilities == null || capabilities.containsKey(name);
  }

  private static Future<List<JsonObject>> list(BackendClient client, String sessionId, CatalogKind kind,
                                               boolean declared) {
    if (!declared) {
      return Future.succeededFuture(List.of());
    }
    return page(client, sessionId, kind, null, new ArrayList<>(), 0).recover(err ->
      err instanceof McpException mcp && mcp.code() == JsonRpcError.METHOD_NOT_FOUND
        ? Future.succeededFuture(List.of()) : Future.failedFuture(err));
  }

  private static Future<List<JsonObject>> page(BackendClient client, String sessionId, CatalogKind kind,
                                               String cursor, List<JsonObject> items, int pages) {
    JsonObject params = cursor == null ? null : new JsonObject().put("cursor", cursor);
    return client.request(sessionId, kind.listMethod(), params).compose(result -> {
      JsonArray page = result.getJsonArray(kind.resultField(), new JsonArray());
      for (int i = 0; i < page.size(); i++) {
        if (page.getValue(i) instanceof JsonObject item) {
          items.add(item);
        }
      }
      String next = result.getString("nextCursor");
      if (next == null || next.isEmpty() || pages + 1 >= MAX_PAGES) {
        return Future.succeededFuture(items);
      }
      return page(client, sessionId, kind, next, items, pages + 1);
    });
  }
}
