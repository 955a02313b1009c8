/**
 * The streamable-HTTP MCP endpoint: HTTP checks (Host/Origin, Accept, Content-Type, size and depth limits,
 * protocol version), JSON-RPC envelope validation, {@code initialize}, dispatch of session-bound messages to core
 * over the event bus, and {@link dev.switchboard.transport.endpoint.ErrorMapper}, the one place where failures become
 * HTTP and JSON-RPC answers.
 */
package dev.switchboard.transport.endpoint;
