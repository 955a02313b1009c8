package dev.switchboard.core.catalog;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Everything one backend lists for one session, as the backend sent it (all pages joined).
 *
 * @param backend           backend name
 * @param tools             {@code tools/list} items
 * @param resources         {@code resources/list} items
 * @param resourceTemplates {@code resources/templates/list} items
 * @param prompts           {@code prompts/list} items
 */
public record BackendCatalog(String backend, List<JsonObject> tools, List<JsonObject> resources,
                             List<JsonObject> resourceTemplates, List<JsonObject> prompts) {
  public BackendCatalog {
    tools = tools == null ? List.of() : List.copyOf(tools);
    resources = resources == null ? List.of() : List.copyOf(resources);
    resourceTemplates = resourceTemplates == null ? List.of() : List.copyOf(resourceTemplates);
    prompts = prompts == null ? List.of() : List.copyOf(prompts);
  }
}
