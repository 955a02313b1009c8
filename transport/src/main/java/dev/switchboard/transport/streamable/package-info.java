/**
 * The streamable-HTTP layer of MCP (transport 2025-11-25), shared by the gateway endpoint
 * ({@code dev.switchboard.transport.gateway}) and the server kit ({@code dev.switchboard.transport.kit}): the front
 * checks (Host/Origin, Accept, Content-Type, {@code MCP-Protocol-Version}, body bound, JSON depth, parse, envelope),
 * the answer to a POST that switches from JSON to SSE, resumable SSE streams with one event-id format and one
 * heartbeat, and {@link dev.switchboard.transport.streamable.ErrorMapper}, the one place where a failure becomes an
 * HTTP response. Nothing here knows what serves the sessions; everything is non-blocking and bounded.
 */
package dev.switchboard.transport.streamable;
