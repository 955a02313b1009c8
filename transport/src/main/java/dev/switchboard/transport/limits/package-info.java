/**
 * Bounds on what a client can make the gateway hold: the {@code limits} options, the session quota (how many
 * sessions, pending sessions and sessions per identity), and the connection guard (connection cap, idle, header and
 * body timeouts).
 */
package dev.switchboard.transport.limits;
