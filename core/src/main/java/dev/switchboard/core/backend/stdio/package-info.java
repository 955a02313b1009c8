/**
 * Stdio backends: MCP servers the gateway starts as local processes and talks to with newline-delimited JSON-RPC on
 * their stdin and stdout. {@link dev.switchboard.core.backend.stdio.StdioOptions} describes the process; the
 * {@link dev.switchboard.core.backend.BackendClient} implementation (one shared, multiplexed process, or one process
 * per client session) lives in {@code dev.switchboard.core.backend.pipe}.
 */
package dev.switchboard.core.backend.stdio;
