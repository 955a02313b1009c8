/**
 * The plain Vert.x relay: the least a proxy built on the gateway's own HTTP stack does (Vert.x's HTTP server and
 * pooled HTTP client, the same event-loop count and transport), with no MCP in it. The benchmark puts it beside nginx
 * as a second plain proxy, so that each gateway figure can be split into what the stack costs and what the gateway
 * adds. It runs as its own JVM ({@link dev.switchboard.perf.relay.PlainRelayMain}), like the gateway.
 */
package dev.switchboard.perf.relay;
