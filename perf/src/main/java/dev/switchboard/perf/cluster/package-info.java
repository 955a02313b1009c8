/**
 * The driver of {@code scripts/cluster-test.sh}: many MCP sessions through a round-robin load balancer in front of
 * several gateway instances, one of which is killed mid-run; it counts sessions, calls and failures and decides
 * whether the cluster kept every session. Uses only the Vert.x core HTTP client.
 */
package dev.switchboard.perf.cluster;
