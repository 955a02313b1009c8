package dev.switchboard.core.protocol;

/** JSON-RPC and MCP error codes used by the gateway. */
public final class JsonRpcError {
  public static final int PARSE_ERROR = -32700;
  public static final int INVALID_REQUEST = -32600;
  public static final int METHOD_NOT_FOUND = -32601;
  public static final int INVALID_PARAMS = -32602;
  public static final int INTERNAL_ERROR = -32603;
  /** Server error used for transport-level rejections (406, missing session, ...), as the TypeScript SDK does. */
  public static final int SERVER_ERROR = -32000;
  /** The request cannot be served right now (store or backend unavailable); the client may retry. */
  public static final int UNAVAILABLE = -32001;
  /** MCP 2025-11-25: resource not found. */
  public static final int RESOURCE_NOT_FOUND = -32002;
  /** The caller may not use this tool, prompt or resource (per-tool authorization); answered with HTTP 403. */
  public static final int FORBIDDEN = -32003;
  /**
   * MCP 2026-07-28: an {@code MCP-Protocol-Version}, {@code Mcp-Method} or {@code Mcp-Name} header disagrees with the
   * body, or is missing.
   */
  public static final int HEADER_MISMATCH = -32020;
  /** MCP 2026-07-28: the request needs a client capability its {@code _meta} did not declare. */
  public static final int MISSING_CLIENT_CAPABILITY = -32021;
  /** MCP 2026-07-28: the protocol version the request names is not served here. */
  public static final int UNSUPPORTED_PROTOCOL_VERSION = -32022;
  /** MCP 2025-11-25: URL elicitation required. */
  public static final int URL_ELICITATION_REQUIRED = -32042;

  private JsonRpcError() {
  }
}
