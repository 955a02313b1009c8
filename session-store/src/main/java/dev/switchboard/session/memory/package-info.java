/**
 * The in-memory {@link dev.switchboard.session.SessionStore}: one process, no network, the default store. Records live
 * in a concurrent map; expired records are invisible at once and dropped by a periodic sweeper.
 */
package dev.switchboard.session.memory;
