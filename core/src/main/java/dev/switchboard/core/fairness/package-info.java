/**
 * Fair use of the backends: how many requests one client session may run at once, in all and on one backend, so
 * that one session's slow calls cannot take a backend's whole connection pool from the others.
 */
package dev.switchboard.core.fairness;
