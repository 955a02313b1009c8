/**
 * The gateway's MCP endpoint on the streamable-HTTP layer: {@code initialize}, dispatch of session-bound messages
 * to core over the event bus, the standalone GET stream of a session (its channel from core) and the client-side
 * filters (log level, subscriptions).
 */
package dev.switchboard.transport.gateway;
