/**
 * An embeddable MCP <em>server</em> over streamable HTTP (revision 2025-11-25, also serving 2025-06-18 and 2025-03-26
 * clients), used for the gateway's demo backends, the conformance fixture backend and the perf stub backend. It is
 * not the gateway's own endpoint.
 * <p>
 * API: {@link dev.switchboard.transport.kit.McpServer} and its
 * {@link dev.switchboard.transport.kit.McpServerBuilder}, the handler interfaces
 * ({@link dev.switchboard.transport.kit.ToolHandler}, {@link dev.switchboard.transport.kit.ResourceHandler},
 * {@link dev.switchboard.transport.kit.PromptHandler}, {@link dev.switchboard.transport.kit.CompletionHandler}),
 * the {@link dev.switchboard.transport.kit.RequestContext} they receive, and the
 * {@link dev.switchboard.transport.kit.RunningServer} returned by {@code listen}. The package-private classes are
 * the implementation: the endpoint ({@code KitEndpoint}) on the streamable-HTTP layer that the gateway uses too
 * ({@code dev.switchboard.transport.streamable}: front checks, POST answers, resumable streams, error answers),
 * sessions, and the method dispatch ({@code Dispatcher} and the feature classes).
 * <p>
 * Streams are resumable: every SSE event with data carries an id that names its stream, is kept in a bounded
 * in-memory event log, and a {@code GET} with {@code Last-Event-ID} replays the rest of that stream.
 * A handler may end its POST's connection early with
 * {@link dev.switchboard.transport.kit.RequestContext#closeStreamForPolling()} (SSE polling); the client then
 * resumes with GET.
 * <p>
 * Errors come in two tiers: a {@link dev.switchboard.core.protocol.McpException} from a handler becomes a JSON-RPC
 * error; any other failure of a tool handler becomes an {@code isError} tool result. Everything runs on the event loop
 * of the context that called {@code listen}; nothing blocks, and sessions, pending requests and subscriptions are
 * bounded.
 */
package dev.switchboard.transport.kit;
