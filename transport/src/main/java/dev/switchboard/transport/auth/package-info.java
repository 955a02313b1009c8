/**
 * Incoming authentication: the gateway as an OAuth 2.0 resource server (MCP 2025-11-25 authorization). The options,
 * the authenticated {@link dev.switchboard.transport.auth.Caller}, the {@link dev.switchboard.transport.auth.AuthGate}
 * every MCP request passes, and the protected resource metadata (RFC 9728). Implementations live in {@code .impl}.
 */
package dev.switchboard.transport.auth;
