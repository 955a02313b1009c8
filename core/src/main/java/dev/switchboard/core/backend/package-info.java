/**
 * Backend connectors: the gateway's MCP <em>client</em> side. {@link dev.switchboard.core.backend.BackendClient}
 * speaks streamable HTTP to one backend MCP server over pooled keep-alive HTTP clients: requests (with the caller's
 * or a generated id, cancellable, their event streams resumed when they end early), notifications, and the
 * long-lived session stream ({@link dev.switchboard.core.backend.BackendStream}). The streamable-HTTP implementation
 * lives in {@code .impl}; legacy HTTP+SSE and stdio backends ({@link dev.switchboard.core.backend.BackendTransport})
 * in {@code .pipe}, described by {@code .stdio}.
 */
package dev.switchboard.core.backend;
