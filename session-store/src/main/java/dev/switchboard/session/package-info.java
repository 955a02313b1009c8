/**
 * The session-store API: {@link dev.switchboard.session.SessionRecord}s kept with a sliding TTL, created only if
 * absent and updated only if present, so that several gateway instances can share sessions. Implementations:
 * {@code .memory} (one process, the default) and {@code .redis} (many instances);
 * {@link dev.switchboard.session.SessionStores} picks one from the options.
 */
package dev.switchboard.session;
