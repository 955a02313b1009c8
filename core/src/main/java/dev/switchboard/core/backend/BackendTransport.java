package dev.switchboard.core.backend;

/** The kinds of backend the gateway can front; each is a {@link BackendClient} implementation. */
public enum BackendTransport {
  /** MCP streamable HTTP (2025-03-26 and later): one POST per message, a GET for the session stream. */
  STREAMABLE_HTTP,
  /** The legacy HTTP+SSE transport (2024-11-05): a long-lived GET stream, messages POSTed to its endpoint. */
  SSE,
  /** A local process speaking newline-delimited JSON-RPC on stdin and stdout. */
  STDIO
}
