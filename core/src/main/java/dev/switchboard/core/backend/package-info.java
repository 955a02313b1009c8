/**
 * Backend connectors: the gateway's MCP <em>client</em> side. {@link dev.switchboard.core.backend.BackendClient}
 * speaks streamable HTTP to one backend MCP server over one pooled keep-alive HTTP client; implementations live in
 * {@code .impl}.
 */
package dev.switchboard.core.backend;
