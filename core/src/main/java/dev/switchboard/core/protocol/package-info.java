/**
 * The MCP and JSON-RPC model shared by every module: error codes, the {@link dev.switchboard.core.protocol.McpException}
 * that carries a protocol error, protocol versions and method names, helpers that build JSON-RPC messages, and
 * {@link dev.switchboard.core.protocol.RequestIdKey}, the one key of a request id in maps.
 * Messages are kept as Vert.x {@code JsonObject}s; nothing here does I/O.
 */
package dev.switchboard.core.protocol;
