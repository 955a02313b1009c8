/**
 * Backends reached through a message pipe rather than one HTTP exchange per message: stdio processes the gateway
 * starts ({@link dev.switchboard.core.backend.pipe.StdioBackendClient}) and legacy HTTP+SSE (2024-11-05) servers
 * ({@link dev.switchboard.core.backend.pipe.SseBackendClient}). A
 * {@link dev.switchboard.core.backend.pipe.PipeSession} speaks one MCP session over one pipe and multiplexes the
 * virtual sessions of any number of client sessions on it: gateway-owned request ids and progress tokens,
 * reference-counted subscriptions, the most verbose log level, server-to-client requests routed to the one session
 * with calls in flight. Implementation package: the core sees only {@link dev.switchboard.core.backend.BackendClient}.
 */
package dev.switchboard.core.backend.pipe;
