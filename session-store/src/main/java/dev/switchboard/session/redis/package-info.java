/**
 * The Redis {@link dev.switchboard.session.SessionStore}, shared by many gateway instances: one key per session
 * ({@code <keyPrefix>session:<id>}) holding the record's JSON, with a sliding TTL kept by Redis itself. Configured by
 * {@link dev.switchboard.session.SessionStoreOptions} (URL, TTL, key prefix) and
 * {@link dev.switchboard.session.redis.RedisStoreOptions} (pool, timeouts, credentials, TLS trust).
 */
package dev.switchboard.session.redis;
