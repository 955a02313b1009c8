/**
 * The Redis implementations, shared by many gateway instances that point at the same server and key prefix:
 * <ul>
 *   <li>{@link dev.switchboard.session.redis.RedisSessionStore}: one key per session
 *       ({@code <keyPrefix>session:<id>}) holding the record's JSON, with a sliding TTL kept by Redis itself;</li>
 *   <li>{@link dev.switchboard.session.redis.RedisEventLog}: one capped list per SSE stream
 *       ({@code <keyPrefix>events:<sessionId>:<streamId>}) and one index set per session
 *       ({@code <keyPrefix>streams:<sessionId>}), both expiring one session TTL after the last event;</li>
 *   <li>{@link dev.switchboard.session.redis.RedisSessionSignals}: pub/sub on {@code <keyPrefix>signals}, received on a
 *       dedicated connection that reconnects and resubscribes by itself.</li>
 * </ul>
 * Configured by {@link dev.switchboard.session.SessionStoreOptions} (URL, TTL, key prefix) and
 * {@link dev.switchboard.session.redis.RedisStoreOptions} (pool, timeouts, credentials, TLS trust); each object has
 * its own connection pool. Every failure is a {@link dev.switchboard.session.SessionStoreException} in a failed
 * future.
 */
package dev.switchboard.session.redis;
