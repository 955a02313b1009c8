package dev.switchboard.core.protocol;

import io.vertx.core.json.JsonObject;

/**
 * What a request of the stateless revision (MCP 2026-07-28) carries besides its method and params: the reserved
 * {@code _meta} keys and the HTTP headers that repeat the body. Used on both sides of the gateway: towards its
 * stateless clients and towards stateless backends.
 */
public final class StatelessEnvelope {
  public static final String META_PROTOCOL_VERSION = "io.modelcontextprotocol/protocolVersion";
  public static final String META_CLIENT_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";
  public static final String META_CLIENT_INFO = "io.modelcontextprotocol/clientInfo";
  public static final String META_LOG_LEVEL = "io.modelcontextprotocol/logLevel";
  public static final String META_SERVER_INFO = "io.modelcontextprotocol/serverInfo";
  public static final String META_SUBSCRIPTION_ID = "io.modelcontextprotocol/subscriptionId";
  /**
   * The gateway's own key in a server-to-client request's {@code _meta}: the key of that request in an
   * {@code input_required} result (a session-era backend may name it; the gateway's stateless endpoint takes it out).
   */
  public static final String INPUT_KEY_HINT = "dev.switchboard/inputKey";
  /** The header naming the JSON-RPC method. */
  public static final String METHOD_HEADER = "Mcp-Method";
  /** The header naming the tool, prompt or resource of a request. */
  public static final String NAME_HEADER = "Mcp-Name";

  private StatelessEnvelope() {
  }

  /** What {@code Mcp-Name} carries for a method: the tool or prompt name, the resource URI, or null. */
  public static String nameOf(String method, JsonObject params) {
    if (params == null) {
      return null;
    }
    Object value = switch (method) {
      case McpMethod.TOOLS_CALL, McpMethod.PROMPTS_GET -> params.getValue("name");
      case McpMethod.RESOURCES_READ -> params.getValue("uri");
      default -> null;
    };
    return value instanceof String text ? text : null;
  }
}
