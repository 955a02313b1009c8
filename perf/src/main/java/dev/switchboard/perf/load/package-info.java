/**
 * The load generator: real MCP sessions over a pooled keep-alive Vert.x {@link io.vertx.core.http.HttpClient}
 * ({@code initialize}, {@code notifications/initialized}, then a mix of {@code tools/list} and {@code tools/call}, or
 * whole session cycles for churn), closed-loop (N sessions, one request in flight each) or open-loop (a fixed rate,
 * latency measured from each request's intended start so that queueing is not hidden). Latencies go to HdrHistogram;
 * every answer is validated and failures are counted by {@link dev.switchboard.perf.load.ErrorKind}.
 * <p>
 * Everything here runs on Vert.x event loops: each {@link dev.switchboard.perf.load.Lane} owns one context, one HTTP
 * client and one histogram, and response handlers are attached inside the {@code compose} callback that delivers the
 * response. Every run is bounded by a duration and a request count.
 */
package dev.switchboard.perf.load;
