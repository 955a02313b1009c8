package dev.switchboard.transport.kit;

import dev.switchboard.core.protocol.JsonRpcError;
import dev.switchboard.core.protocol.McpException;
import dev.switchboard.core.protocol.McpMethod;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * {@code resources/list}, {@code resources/templates/list}, {@code resources/read} (static resources first, then
 * templates in registration order; no match is {@code -32002}) and, when enabled, {@code resources/subscribe} /
 * {@code unsubscribe}.
 */
final class ResourceFeature {
  private final Map<String, Registered<ResourceHandler>> resources;
  private final List<RegisteredTemplate> templates;
  private final List<JsonObject> resourceDefinitions;
  private final List<JsonObject> templateDefinitions;
  private final int pageSize;
  private final boolean subscriptions;

  ResourceFeature(Map<String, Registered<ResourceHandler>> resources, List<RegisteredTemplate> templates,
                  int pageSize, boolean subscriptions) {
    this.resources = resources;
    this.templates = templates;
    this.resourceDefinitions = resources.values().stream().map(Registered::definition).toList();
    this.templateDefinitions = templates.stream().map(RegisteredTemplate::definition).toList();
    this.pageSize = pageSize;
    this.subscriptions = subscriptions;
  }

  void register(Map<String, MethodHandler> routes) {
    routes.put(McpMethod.RESOURCES_LIST,
      call -> Future.succeededFuture(Pagination.page(resourceDefinitions, call.params(), pageSize, "resources")));
    routes.put(McpMethod.RESOURCES_TEMPLATES_LIST, call -> Future.succeededFuture(
      Pagination.page(templateDefinitions, call.params(), pageSize, "resourceTemplates")));
    routes.put(McpMethod.RESOURCES_READ, this::read);
    if (subscriptions) {
      routes.put(McpMethod.RESOURCES_SUBSCRIBE, this::subscribe);
      routes.put(McpMethod.RESOURCES_UNSUBSCRIBE, this::unsubscribe);
    }
  }

  private Future<JsonObject> read(InboundCall call) {
    String uri = ParamReader.requiredString(call.params(), "uri");
    Registered<ResourceHandler> resource = resources.get(uri);
    if (resource != null) {
      return resource.handler().read(call, uri, Map.of());
    }
    for (RegisteredTemplate template : templates) {
      Map<String, String> variables = template.template().match(uri);
      if (variables != null) {
        return template.handler().read(call, uri, variables);
      }
    }
    return Future.failedFuture(notFound(uri));
  }

  private Future<JsonObject> subscribe(InboundCall call) {
    String uri = ParamReader.requiredString(call.params(), "uri");
    if (!call.session().subscribe(uri)) {
      return Future.failedFuture(McpException.invalidParams("Too many subscriptions in this session"));
    }
    return Future.succeededFuture(new JsonObject());
  }

  private Future<JsonObject> unsubscribe(InboundCall call) {
    call.session().unsubscribe(ParamReader.requiredString(call.params(), "uri"));
    return Future.succeededFuture(new JsonObject());
  }

  static McpException notFound(String uri) {
    return new McpException(JsonRpcError.RESOURCE_NOT_FOUND, "Resource not found: " + uri,
      new JsonObject().put("uri", uri));
  }
}
