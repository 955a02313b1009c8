package dev.switchboard.transport.stateless;

import dev.switchboard.core.protocol.JsonRpcError;
import dev.switchboard.core.protocol.McpException;
import dev.switchboard.core.protocol.McpMethod;
import dev.switchboard.core.protocol.ProtocolVersion;
import dev.switchboard.core.protocol.StatelessEnvelope;
import dev.switchboard.transport.ServerDescription;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/**
 * What a stateless-era result carries besides the backend's answer: {@code resultType}, the cache hints
 * ({@code ttlMs}, {@code cacheScope}) on {@code server/discover}, the four lists and {@code resources/read}, and the
 * gateway's identity in {@code _meta}; the task vocabulary the 2026-07-28 revision deleted is taken out.
 */
public final class StatelessResults {
  static final String COMPLETE = "complete";
  static final String INPUT_REQUIRED = "input_required";
  private static final Set<String> CACHEABLE = Set.of(McpMethod.SERVER_DISCOVER, McpMethod.TOOLS_LIST,
    McpMethod.PROMPTS_LIST, McpMethod.RESOURCES_LIST, McpMethod.RESOURCES_TEMPLATES_LIST, McpMethod.RESOURCES_READ);
  /** The methods whose result may be {@code input_required}. */
  static final Set<String> MAY_REQUIRE_INPUT = Set.of(McpMethod.TOOLS_CALL, McpMethod.PROMPTS_GET,
    McpMethod.RESOURCES_READ);

  private final JsonObject serverInfo;
  private final ServerDescription server;
  private final long listTtlMillis;

  /** @param listTtlMillis the {@code ttlMs} of lists and {@code server/discover} */
  public StatelessResults(ServerDescription server, long listTtlMillis) {
    this.server = server;
    this.serverInfo = new JsonObject().put("name", server.name()).put("version", server.version());
    if (server.title() != null) {
      serverInfo.put("title", server.title());
    }
    this.listTtlMillis = listTtlMillis;
  }

  /**
   * The {@code server/discover} result: the stateless versions, the gateway's capabilities (list changes and resource
   * updates are delivered on {@code subscriptions/listen}; there is no {@code logging/setLevel} in this era).
   *
   * @param privateScope the caller's identity shapes what it is offered
   */
  public JsonObject discover(boolean privateScope) {
    JsonObject capabilities = new JsonObject()
      .put("tools", new JsonObject().put("listChanged", true))
      .put("resources", new JsonObject().put("subscribe", true).put("listChanged", true))
      .put("prompts", new JsonObject().put("listChanged", true))
      .put("completions", new JsonObject());
    JsonObject result = new JsonObject()
      .put("supportedVersions", new JsonArray(ProtocolVersion.MODERN))
      .put("capabilities", capabilities);
    if (server.instructions() != null) {
      result.put("instructions", server.instructions());
    }
    return stamp(McpMethod.SERVER_DISCOVER, result, privateScope);
  }

  /**
   * Stamps a result of {@code method} for a stateless caller (in place).
   *
   * @param privateScope the caller's identity shapes the result (authorization, per-caller credentials)
   */
  public JsonObject stamp(String method, JsonObject result, boolean privateScope) {
    Object type = result.getValue("resultType");
    boolean inputRequired = INPUT_REQUIRED.equals(type) && MAY_REQUIRE_INPUT.contains(method);
    result.put("resultType", inputRequired ? INPUT_REQUIRED : COMPLETE);
    if (!inputRequired && CACHEABLE.contains(method)) {
      boolean isRead = McpMethod.RESOURCES_READ.equals(method);
      if (!(result.getValue("ttlMs") instanceof Number ttl) || ttl.longValue() < 0 || ttl.doubleValue() % 1 != 0) {
        result.put("ttlMs", isRead ? 0 : listTtlMillis);
      }
      Object scope = result.getValue("cacheScope");
      if (privateScope) {
        result.put("cacheScope", "private");
      } else if (isRead) {
        // the backend's content: private unless the backend says it is public
        result.put("cacheScope", "public".equals(scope) ? "public" : "private");
      } else if (!"public".equals(scope) && !"private".equals(scope)) {
        result.put("cacheScope", "public");
      }
    }
    if (McpMethod.TOOLS_LIST.equals(method) && result.getValue("tools") instanceof JsonArray tools) {
      tools.forEach(tool -> {
        if (tool instanceof JsonObject object) {
          object.remove("execution");
        }
      });
    }
    JsonObject meta = result.getValue("_meta") instanceof JsonObject existing ? existing : new JsonObject();
    meta.put(StatelessEnvelope.META_SERVER_INFO, serverInfo);
    result.put("_meta", meta);
    return result;
  }

  /** The gateway's identity, for the {@code _meta} of listen-stream frames. */
  JsonObject serverInfo() {
    return serverInfo;
  }

  /**
   * A failure as a stateless caller must see it: a resource that does not exist is -32602 with the URI in
   * {@code data} (2026-07-28), not the session era's -32002.
   */
  static Throwable translate(String method, JsonObject params, Throwable failure) {
    if (failure instanceof McpException mcp && mcp.code() == JsonRpcError.RESOURCE_NOT_FOUND
      && McpMethod.RESOURCES_READ.equals(method)) {
      Object uri = params == null ? null : params.getValue("uri");
      return new McpException(JsonRpcError.INVALID_PARAMS, mcp.getMessage(), new JsonObject().put("uri", uri));
    }
    return failure;
  }
}
