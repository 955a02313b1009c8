/**
 * Fair use of the backends: how many requests one client session may run at once, in all and on one backend, so
 * that one session's slow calls cannot take a backend's whole connection pool from the others; and, kept in the same
 * entry, which backend runs each of the session's request ids.
 */
package dev.switchboard.core.fairness;
