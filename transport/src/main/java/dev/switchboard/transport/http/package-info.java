/**
 * Shared HTTP-level helpers of the streamable-HTTP transport, used both by the gateway's own endpoint and by the
 * embeddable MCP server kit: Host/Origin validation ({@link dev.switchboard.transport.http.HostGuard}), media-type
 * negotiation, bounded body reading, JSON depth checks, JSON and SSE response writers, session-id generation and the
 * {@link dev.switchboard.transport.http.HttpFailure} that carries an HTTP status plus a JSON-RPC code.
 * Nothing here knows about MCP sessions or methods; everything is non-blocking and bounded.
 */
package dev.switchboard.transport.http;
