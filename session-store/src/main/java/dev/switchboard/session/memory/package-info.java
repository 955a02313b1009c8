/**
 * The in-memory implementations, for one process (the default): the {@link dev.switchboard.session.SessionStore}
 * (records in a concurrent map; expired records are invisible at once and dropped by a periodic sweeper), the
 * {@link dev.switchboard.session.EventLog} (a bounded deque per stream) and the
 * {@link dev.switchboard.session.SessionSignals} (delivered to this instance only).
 */
package dev.switchboard.session.memory;
