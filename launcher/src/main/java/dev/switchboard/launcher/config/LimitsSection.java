package dev.switchboard.launcher.config;

import dev.switchboard.transport.limits.LimitsOptions;

/** Maps {@code limits:} onto {@link LimitsOptions}. */
final class LimitsSection {
  private LimitsSection() {
  }

  static LimitsOptions map(ConfigNode limits) {
    limits.requireKeys("maxSessions", "maxPendingSessions", "pendingSessionTimeout", "maxSessionsPerIdentity",
      "maxClientCapabilitiesSize", "maxClientInfoSize", "maxClientDataSize", "maxConnections", "idleTimeout",
      "requestHeaderTimeout", "requestBodyTimeout", "maxBatchSize", "maxConcurrentRequestsPerSession",
      "backendSharePerSession", "maxStreamsPerSession", "maxBufferedBytesPerStream");
    return new LimitsOptions(
      positive(limits, "maxSessions", LimitsOptions.DEFAULT_MAX_SESSIONS),
      positive(limits, "maxPendingSessions", LimitsOptions.DEFAULT_MAX_PENDING_SESSIONS),
      limits.get("pendingSessionTimeout").duration(LimitsOptions.DEFAULT_PENDING_SESSION_TIMEOUT),
      positive(limits, "maxSessionsPerIdentity", LimitsOptions.DEFAULT_MAX_SESSIONS_PER_IDENTITY),
      limits.get("maxClientCapabilitiesSize").byteSize(LimitsOptions.DEFAULT_MAX_CLIENT_CAPABILITIES_BYTES),
      limits.get("maxClientInfoSize").byteSize(LimitsOptions.DEFAULT_MAX_CLIENT_INFO_BYTES),
      limits.get("maxClientDataSize").byteSize(LimitsOptions.DEFAULT_MAX_CLIENT_DATA_BYTES),
      positive(limits, "maxConnections", LimitsOptions.DEFAULT_MAX_CONNECTIONS),
      limits.get("idleTimeout").duration(LimitsOptions.DEFAULT_IDLE_TIMEOUT),
      limits.get("requestHeaderTimeout").duration(LimitsOptions.DEFAULT_REQUEST_HEADER_TIMEOUT),
      limits.get("requestBodyTimeout").duration(LimitsOptions.DEFAULT_REQUEST_BODY_TIMEOUT),
      positive(limits, "maxBatchSize", LimitsOptions.DEFAULT_MAX_BATCH_SIZE),
      positive(limits, "maxConcurrentRequestsPerSession", LimitsOptions.DEFAULT_MAX_CONCURRENT_REQUESTS_PER_SESSION),
      limits.get("backendSharePerSession").integer(LimitsOptions.DEFAULT_BACKEND_SHARE_PER_SESSION, 1, 100),
      positive(limits, "maxStreamsPerSession", LimitsOptions.DEFAULT_MAX_STREAMS_PER_SESSION),
      limits.get("maxBufferedBytesPerStream").byteSize(LimitsOptions.DEFAULT_MAX_BUFFERED_BYTES_PER_STREAM));
  }

  private static int positive(ConfigNode limits, String key, int defaultValue) {
    return limits.get(key).integer(defaultValue, 1, Integer.MAX_VALUE);
  }
}
