/**
 * The benchmark: the standard comparison (direct to the stub, through the gateway, through nginx) interleaved in one
 * run and repeated, the gateway's CPU time per request from its own accounting, heap per idle session, cold start,
 * and the scenarios (payload size, tools/list, mixed, churn, open loop, SSE backend, slow backend, cross-instance).
 * <p>
 * This package is the orchestration: it runs on the main thread, starts processes and waits for load runs with
 * bounded blocking waits ({@link dev.switchboard.perf.bench.Await}). It never runs on an event loop; the load itself
 * runs on the load generator's lanes.
 */
package dev.switchboard.perf.bench;
