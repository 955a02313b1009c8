package dev.switchboard.transport.kit;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Tunables of an {@link McpServer}, as a fluent data object in the Vert.x style; every bound has a default named in
 * code. The builder copies it, so later changes do not affect a built server.
 */
public final class McpServerOptions {
  /** Items per page of the list methods; 0 means everything in one page. */
  public static final int DEFAULT_PAGE_SIZE = 0;
  public static final int DEFAULT_MAX_SESSIONS = 10_000;
  public static final int DEFAULT_MAX_PENDING_CLIENT_REQUESTS = 64;
  public static final int DEFAULT_MAX_INFLIGHT_REQUESTS = 1_024;
  public static final int DEFAULT_MAX_SUBSCRIPTIONS = 1_024;
  public static final Duration DEFAULT_CLIENT_REQUEST_TIMEOUT = Duration.ofSeconds(60);
  public static final Duration DEFAULT_SESSION_IDLE_TIMEOUT = Duration.ofMinutes(30);
  public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(15);
  public static final long DEFAULT_MAX_BODY_BYTES = 4L * 1024 * 1024;
  /** The reconnection delay announced with {@code retry:} after the priming event of an SSE stream. */
  public static final Duration DEFAULT_SSE_RETRY = Duration.ofSeconds(1);
  /** Events kept per stream for resumption with {@code Last-Event-ID}. */
  public static final int DEFAULT_MAX_EVENT_LOG_EVENTS = 256;
  public static final int DEFAULT_MAX_JSON_DEPTH = 64;

  private int pageSize = DEFAULT_PAGE_SIZE;
  private boolean alwaysSse;
  private boolean subscriptions = true;
  private int maxSessions = DEFAULT_MAX_SESSIONS;
  private int maxPendingClientRequests = DEFAULT_MAX_PENDING_CLIENT_REQUESTS;
  private int maxInflightRequests = DEFAULT_MAX_INFLIGHT_REQUESTS;
  private int maxSubscriptions = DEFAULT_MAX_SUBSCRIPTIONS;
  private Duration clientRequestTimeout = DEFAULT_CLIENT_REQUEST_TIMEOUT;
  private Duration sessionIdleTimeout = DEFAULT_SESSION_IDLE_TIMEOUT;
  private Duration heartbeatInterval = DEFAULT_HEARTBEAT_INTERVAL;
  private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
  private Duration sseRetry = DEFAULT_SSE_RETRY;
  private int maxEventLogEvents = DEFAULT_MAX_EVENT_LOG_EVENTS;
  private int maxJsonDepth = DEFAULT_MAX_JSON_DEPTH;
  private List<String> allowedHosts = List.of();
  private List<String> allowedOrigins = List.of();

  public McpServerOptions() {
  }

  public McpServerOptions(McpServerOptions other) {
    pageSize = other.pageSize;
    alwaysSse = other.alwaysSse;
    subscriptions = other.subscriptions;
    maxSessions = other.maxSessions;
    maxPendingClientRequests = other.maxPendingClientRequests;
    maxInflightRequests = other.maxInflightRequests;
    maxSubscriptions = other.maxSubscriptions;
    clientRequestTimeout = other.clientRequestTimeout;
    sessionIdleTimeout = other.sessionIdleTimeout;
    heartbeatInterval = other.heartbeatInterval;
    maxBodyBytes = other.maxBodyBytes;
    sseRetry = other.sseRetry;
    maxEventLogEvents = other.maxEventLogEvents;
    maxJsonDepth = other.maxJsonDepth;
    allowedHosts = other.allowedHosts;
    allowedOrigins = other.allowedOrigins;
  }

  public int getPageSize() {
    return pageSize;
  }

  public McpServerOptions setPageSize(int pageSize) {
    this.pageSize = atLeast(pageSize, 0, "pageSize");
    return this;
  }

  /** Answer every request as {@code text/event-stream}, as the reference server does. */
  public boolean isAlwaysSse() {
    return alwaysSse;
  }

  public McpServerOptions setAlwaysSse(boolean alwaysSse) {
    this.alwaysSse = alwaysSse;
    return this;
  }

  /** Offer {@code resources/subscribe} (declared only when resources are registered). */
  public boolean isSubscriptions() {
    return subscriptions;
  }

  public McpServerOptions setSubscriptions(boolean subscriptions) {
    this.subscriptions = subscriptions;
    return this;
  }

  /** Open sessions at most; {@code initialize} gets 503 beyond. */
  public int getMaxSessions() {
    return maxSessions;
  }

  public McpServerOptions setMaxSessions(int maxSessions) {
    this.maxSessions = atLeast(maxSessions, 1, "maxSessions");
    return this;
  }

  /** Server-to-client requests awaiting an answer, per session. */
  public int getMaxPendingClientRequests() {
    return maxPendingClientRequests;
  }

  public McpServerOptions setMaxPendingClientRequests(int max) {
    this.maxPendingClientRequests = atLeast(max, 1, "maxPendingClientRequests");
    return this;
  }

  /** Client requests being handled at once, per session. */
  public int getMaxInflightRequests() {
    return maxInflightRequests;
  }

  public McpServerOptions setMaxInflightRequests(int max) {
    this.maxInflightRequests = atLeast(max, 1, "maxInflightRequests");
    return this;
  }

  /** Resource subscriptions per session. */
  public int getMaxSubscriptions() {
    return maxSubscriptions;
  }

  public McpServerOptions setMaxSubscriptions(int max) {
    this.maxSubscriptions = atLeast(max, 1, "maxSubscriptions");
    return this;
  }

  /** How long a server-to-client request waits for its answer. */
  public Duration getClientRequestTimeout() {
    return clientRequestTimeout;
  }

  public McpServerOptions setClientRequestTimeout(Duration timeout) {
    this.clientRequestTimeout = positive(timeout, "clientRequestTimeout");
    return this;
  }

  /** A session with no request and no GET stream for this long is dropped. */
  public Duration getSessionIdleTimeout() {
    return sessionIdleTimeout;
  }

  public McpServerOptions setSessionIdleTimeout(Duration timeout) {
    this.sessionIdleTimeout = positive(timeout, "sessionIdleTimeout");
    return this;
  }

  /** SSE comment sent on GET streams at this interval; {@code Duration.ZERO} sends none. */
  public Duration getHeartbeatInterval() {
    return heartbeatInterval;
  }

  public McpServerOptions setHeartbeatInterval(Duration interval) {
    if (interval.isNegative()) {
      throw new IllegalArgumentException("heartbeatInterval must not be negative");
    }
    this.heartbeatInterval = interval;
    return this;
  }

  /**
   * The {@code retry:} delay sent after the priming event of every SSE stream of a 2025-11-25 session: how long a
   * client waits before reconnecting to a stream the server closed; {@code Duration.ZERO} sends none.
   */
  public Duration getSseRetry() {
    return sseRetry;
  }

  public McpServerOptions setSseRetry(Duration retry) {
    if (retry == null || retry.isNegative()) {
      throw new IllegalArgumentException("sseRetry must not be negative: " + retry);
    }
    this.sseRetry = retry;
    return this;
  }

  /** SSE events kept per stream so that streams can be resumed with {@code Last-Event-ID}; oldest dropped first. */
  public int getMaxEventLogEvents() {
    return maxEventLogEvents;
  }

  public McpServerOptions setMaxEventLogEvents(int max) {
    this.maxEventLogEvents = atLeast(max, 1, "maxEventLogEvents");
    return this;
  }

  /** Largest POST body (413 above). */
  public long getMaxBodyBytes() {
    return maxBodyBytes;
  }

  public McpServerOptions setMaxBodyBytes(long maxBodyBytes) {
    this.maxBodyBytes = atLeast(maxBodyBytes, 1, "maxBodyBytes");
    return this;
  }

  /** Deepest JSON nesting in a POST body (400 above). */
  public int getMaxJsonDepth() {
    return maxJsonDepth;
  }

  public McpServerOptions setMaxJsonDepth(int maxJsonDepth) {
    this.maxJsonDepth = (int) atLeast(maxJsonDepth, 1, "maxJsonDepth");
    return this;
  }

  /** {@code Host} names accepted besides loopback ({@code *}: any). */
  public List<String> getAllowedHosts() {
    return allowedHosts;
  }

  public McpServerOptions setAllowedHosts(List<String> hosts) {
    this.allowedHosts = List.copyOf(Objects.requireNonNull(hosts));
    return this;
  }

  /** {@code Origin}s accepted besides loopback ones ({@code *}: any). */
  public List<String> getAllowedOrigins() {
    return allowedOrigins;
  }

  public McpServerOptions setAllowedOrigins(List<String> origins) {
    this.allowedOrigins = List.copyOf(Objects.requireNonNull(origins));
    return this;
  }

  private static int atLeast(int value, int min, String name) {
    return (int) atLeast((long) value, min, name);
  }

  private static long atLeast(long value, long min, String name) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be at least " + min + ": " + value);
    }
    return value;
  }

  private static Duration positive(Duration value, String name) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
    return value;
  }
}
