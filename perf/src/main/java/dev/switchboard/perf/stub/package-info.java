/**
 * The stub backend: a fast MCP server built on the project's own server kit
 * ({@link dev.switchboard.transport.kit.McpServer}) with N tools, a payload size chosen per call, artificial
 * latency, and JSON or SSE answers. {@link dev.switchboard.perf.stub.StubText} defines the text a call returns, so
 * the load generator can check every answer.
 */
package dev.switchboard.perf.stub;
