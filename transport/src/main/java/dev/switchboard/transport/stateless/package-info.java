/**
 * The stateless era (MCP 2026-07-28) on the gateway's endpoint, beside the session era: per-request validation of the
 * {@code _meta} envelope and the {@code Mcp-*} headers ({@link StatelessRequest}), {@code server/discover}, results
 * stamped with {@code resultType}, cache hints and the server's identity ({@link StatelessResults}), backend sessions
 * held by the gateway for stateless callers ({@link HeldSessions}), the bridge from a backend's server-to-client
 * requests to {@code input_required} results ({@link InputBridge}, {@link RequestStates}), and
 * {@code subscriptions/listen} ({@link ListenStreams}).
 */
package dev.switchboard.transport.stateless;
