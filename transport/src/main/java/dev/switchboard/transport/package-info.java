/**
 * The client-facing front door: the streamable-HTTP MCP endpoint ({@code TransportVerticle}), its options, and the
 * session-ID manager. It talks to core only over the event bus ({@code dev.switchboard.core.bus}).
 */
package dev.switchboard.transport;
