/**
 * Bounds on what a client can make the gateway hold: the {@code limits} options, the session quota (how many
 * sessions, pending sessions and sessions per identity), the connection guard (connection cap, idle, header and
 * body timeouts), and {@link MissedSocketMetric}, the repair of a Vert.x start-up race that left a connection's
 * first request unanswered.
 */
package dev.switchboard.transport.limits;
