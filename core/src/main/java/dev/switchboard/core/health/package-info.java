/**
 * Per-backend health: the options of the active probe ({@link dev.switchboard.core.health.HealthOptions}) and of
 * the circuit breaker fed by live calls ({@link dev.switchboard.core.health.BreakerOptions}), and what a backend's
 * state looks like from outside ({@link dev.switchboard.core.health.BackendStatus}). In {@code impl}: the one state
 * machine both feed, the client decorator that records live outcomes and fails fast while the circuit is open, and
 * the probe.
 */
package dev.switchboard.core.health;
