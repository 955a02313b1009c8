package dev.switchboard.transport.limits;

import java.time.Duration;

/**
 * Every bound a client can run into, from the configuration's {@code limits:} section. Non-positive values (and null
 * durations) mean the default.
 *
 * @param maxSessions                     sessions held by this instance; beyond it {@code initialize} gets 503
 * @param maxPendingSessions              sessions initialized but not yet registered with the backends
 * @param pendingSessionTimeout           a session whose registration has not started this long after its
 *                                        {@code initialize} is ended (it frees its pending place)
 * @param maxSessionsPerIdentity          sessions per authenticated subject (not applied without authentication)
 * @param maxClientCapabilitiesBytes      largest serialized {@code capabilities} of an {@code initialize}
 * @param maxClientInfoBytes              largest serialized {@code clientInfo} of an {@code initialize}
 * @param maxClientDataBytes              total serialized capabilities and client info of the sessions held
 * @param maxConnections                  open client connections per instance; beyond it new ones are closed
 * @param idleTimeout                     an idle keep-alive connection is closed after this
 * @param requestHeaderTimeout            a request's head must arrive within this, from its first byte
 * @param requestBodyTimeout              a request's body must arrive within this, from the end of its head
 * @param maxBatchSize                    messages in one 2025-03-26 batch
 * @param maxConcurrentRequestsPerSession requests of one session running at once
 * @param backendSharePerSession          percent of one backend's connection pool one session may use at once
 * @param maxStreamsPerSession            GET streams of one session
 * @param maxBufferedBytesPerStream       bytes buffered for a slow reader before its stream is closed
 */
public record LimitsOptions(int maxSessions, int maxPendingSessions, Duration pendingSessionTimeout,
                            int maxSessionsPerIdentity,
                            long maxClientCapabilitiesBytes, long maxClientInfoBytes, long maxClientDataBytes,
                            int maxConnections,
                            Duration idleTimeout, Duration requestHeaderTimeout, Duration requestBodyTimeout,
                            int maxBatchSize, int maxConcurrentRequestsPerSession, int backendSharePerSession,
                            int maxStreamsPerSession, long maxBufferedBytesPerStream) {
  public static final int DEFAULT_MAX_SESSIONS = 100_000;
  public static final int DEFAULT_MAX_PENDING_SESSIONS = 10_000;
  public static final Duration DEFAULT_PENDING_SESSION_TIMEOUT = Duration.ofSeconds(60);
  public static final int DEFAULT_MAX_SESSIONS_PER_IDENTITY = 1_000;
  public static final long DEFAULT_MAX_CLIENT_CAPABILITIES_BYTES = 64 * 1024;
  public static final long DEFAULT_MAX_CLIENT_INFO_BYTES = 4 * 1024;
  public static final long DEFAULT_MAX_CLIENT_DATA_BYTES = 64L * 1024 * 1024;
  public static final int DEFAULT_MAX_CONNECTIONS = 20_000;
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
  public static final Duration DEFAULT_REQUEST_HEADER_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_REQUEST_BODY_TIMEOUT = Duration.ofSeconds(30);
  public static final int DEFAULT_MAX_BATCH_SIZE = 100;
  public static final int DEFAULT_MAX_CONCURRENT_REQUESTS_PER_SESSION = 64;
  public static final int DEFAULT_BACKEND_SHARE_PER_SESSION = 50;
  public static final int DEFAULT_MAX_STREAMS_PER_SESSION = 4;
  public static final long DEFAULT_MAX_BUFFERED_BYTES_PER_STREAM = 4L * 1024 * 1024;

  public LimitsOptions {
    maxSessions = orDefault(maxSessions, DEFAULT_MAX_SESSIONS);
    maxPendingSessions = orDefault(maxPendingSessions, DEFAULT_MAX_PENDING_SESSIONS);
    pendingSessionTimeout = orDefault(pendingSessionTimeout, DEFAULT_PENDING_SESSION_TIMEOUT);
    maxSessionsPerIdentity = orDefault(maxSessionsPerIdentity, DEFAULT_MAX_SESSIONS_PER_IDENTITY);
    maxClientCapabilitiesBytes = maxClientCapabilitiesBytes <= 0 ? DEFAULT_MAX_CLIENT_CAPABILITIES_BYTES
      : maxClientCapabilitiesBytes;
    maxClientInfoBytes = maxClientInfoBytes <= 0 ? DEFAULT_MAX_CLIENT_INFO_BYTES : maxClientInfoBytes;
    maxClientDataBytes = maxClientDataBytes <= 0 ? DEFAULT_MAX_CLIENT_DATA_BYTES : maxClientDataBytes;
    maxConnections = orDefault(maxConnections, DEFAULT_MAX_CONNECTIONS);
    idleTimeout = orDefault(idleTimeout, DEFAULT_IDLE_TIMEOUT);
    requestHeaderTimeout = orDefault(requestHeaderTimeout, DEFAULT_REQUEST_HEADER_TIMEOUT);
    requestBodyTimeout = orDefault(requestBodyTimeout, DEFAULT_REQUEST_BODY_TIMEOUT);
    maxBatchSize = orDefault(maxBatchSize, DEFAULT_MAX_BATCH_SIZE);
    maxConcurrentRequestsPerSession = orDefault(maxConcurrentRequestsPerSession,
      DEFAULT_MAX_CONCURRENT_REQUESTS_PER_SESSION);
    backendSharePerSession = backendSharePerSession <= 0 || backendSharePerSession > 100
      ? DEFAULT_BACKEND_SHARE_PER_SESSION : backendSharePerSession;
    maxStreamsPerSession = orDefault(maxStreamsPerSession, DEFAULT_MAX_STREAMS_PER_SESSION);
    maxBufferedBytesPerStream = maxBufferedBytesPerStream <= 0 ? DEFAULT_MAX_BUFFERED_BYTES_PER_STREAM
      : maxBufferedBytesPerStream;
  }

  /** Every limit at its default. */
  public static LimitsOptions defaults() {
    return new LimitsOptions(0, 0, null, 0, 0, 0, 0, 0, null, null, null, 0, 0, 0, 0, 0);
  }

  public LimitsOptions withMaxSessions(int sessions, int pending, int perIdentity) {
    return new LimitsOptions(sessions, pending, pendingSessionTimeout, perIdentity,
      maxClientCapabilitiesBytes, maxClientInfoBytes, maxClientDataBytes, maxConnections, idleTimeout,
      requestHeaderTimeout, requestBodyTimeout, maxBatchSize, maxConcurrentRequestsPerSession, backendSharePerSession,
      maxStreamsPerSession, maxBufferedBytesPerStream);
  }

  public LimitsOptions withPendingSessionTimeout(Duration timeout) {
    return new LimitsOptions(maxSessions, maxPendingSessions, timeout, maxSessionsPerIdentity,
      maxClientCapabilitiesBytes, maxClientInfoBytes, maxClientDataBytes, maxConnections, idleTimeout,
      requestHeaderTimeout, requestBodyTimeout, maxBatchSize, maxConcurrentRequestsPerSession, backendSharePerSession,
      maxStreamsPerSession, maxBufferedBytesPerStream);
  }

  public LimitsOptions withClientData(long capabilities, long info, long total) {
    return new LimitsOptions(maxSessions, maxPendingSessions, pendingSessionTimeout, maxSessionsPerIdentity,
      capabilities, info, total, maxConnections, idleTimeout,
      requestHeaderTimeout, requestBodyTimeout, maxBatchSize, maxConcurrentRequestsPerSession, backendSharePerSession,
      maxStreamsPerSession, maxBufferedBytesPerStream);
  }

  public LimitsOptions withConnections(int connections, Duration idle, Duration header, Duration body) {
    return new LimitsOptions(maxSessions, maxPendingSessions, pendingSessionTimeout, maxSessionsPerIdentity,
      maxClientCapabilitiesBytes, maxClientInfoBytes, maxClientDataBytes, connections, idle,
      header, body, maxBatchSize, maxConcurrentRequestsPerSession, backendSharePerSession,
      maxStreamsPerSession, maxBufferedBytesPerStream);
  }

  public LimitsOptions withRequestsPerSession(int concurrent, int sharePercent) {
    return new LimitsOptions(maxSessions, maxPendingSessions, pendingSessionTimeout, maxSessionsPerIdentity,
      maxClientCapabilitiesBytes, maxClientInfoBytes, maxClientDataBytes, maxConnections, idleTimeout,
      requestHeaderTimeout, requestBodyTimeout, maxBatchSize, concurrent, sharePercent,
      maxStreamsPerSession, maxBufferedBytesPerStream);
  }
  public LimitsOptions withStreams(int batchSize, int streamsPerSession, long bufferedBytesPerStream) {
    return new LimitsOptions(maxSessions, maxPendingSessions, pendingSessionTimeout, maxSessionsPerIdentity,
      maxClientCapabilitiesBytes, maxClientInfoBytes, maxClientDataBytes, maxConnections, idleTimeout,
      requestHeaderTimeout, requestBodyTimeout, batchSize, maxConcurrentRequestsPerSession, backendSharePerSession,
      streamsPerSession, bufferedBytesPerStream);
  }


  private static int orDefault(int value, int defaultValue) {
    return value <= 0 ? defaultValue : value;
  }

  private static Duration orDefault(Duration value, Duration defaultValue) {
    return value == null || value.isZero() || value.isNegative() ? defaultValue : value;
  }
}
