package dev.switchboard.transport.endpoint;

/** Header names of the streamable-HTTP transport (HTTP header names are case-insensitive). */
final class McpHeaders {
  static final String SESSION_ID = "Mcp-Session-Id";
  static final String PROTOCOL_VERSION = "MCP-Protocol-Version";

  private McpHeaders() {
  }
}
