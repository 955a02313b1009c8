package dev.switchboard.perf.stub;

import java.time.Duration;

/**
 * What a {@link StubBackend} offers, as a fluent data object with defaults named in code.
 */
public final class StubOptions {
  public static final int DEFAULT_TOOLS = 10;
  public static final String DEFAULT_TOOL_PREFIX = "tool_";
  public static final int DEFAULT_MAX_SESSIONS = 200_000;
  public static final Duration DEFAULT_LATENCY = Duration.ZERO;

  private String name = "perf-stub";
  private int tools = DEFAULT_TOOLS;
  private String toolPrefix = DEFAULT_TOOL_PREFIX;
  private Duration latency = DEFAULT_LATENCY;
  private boolean sse;
  private int maxSessions = DEFAULT_MAX_SESSIONS;

  public String getName() {
    return name;
  }

  public StubOptions setName(String name) {
    this.name = name;
    return this;
  }

  /** Number of tools, named {@code <toolPrefix>0 .. <toolPrefix>N-1}. */
  public int getTools() {
    return tools;
  }

  public StubOptions setTools(int tools) {
    if (tools < 1 || tools > 10_000) {
      throw new IllegalArgumentException("tools must be 1..10000: " + tools);
    }
    this.tools = tools;
    return this;
  }

  public String getToolPrefix() {
    return toolPrefix;
  }

  public StubOptions setToolPrefix(String toolPrefix) {
    this.toolPrefix = toolPrefix;
    return this;
  }

  /** Artificial latency of every {@code tools/call} (a timer, never a blocked thread). */
  public Duration getLatency() {
    return latency;
  }

  public StubOptions setLatency(Duration latency) {
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative");
    }
    this.latency = latency;
    return this;
  }

  /** Answer every request as {@code text/event-stream} (the kit's {@code alwaysSse}) instead of JSON. */
  public boolean isSse() {
    return sse;
  }

  public StubOptions setSse(boolean sse) {
    this.sse = sse;
    return this;
  }

  /** Open sessions at most (the idle-sessions scenario opens one stub session per gateway session). */
  public int getMaxSessions() {
    return maxSessions;
  }

  public StubOptions setMaxSessions(int maxSessions) {
    this.maxSessions = maxSessions;
    return this;
  }

  /** The name of tool {@code i}. */
  public String toolName(int i) {
    return toolPrefix + i;
  }

  @Override
  public String toString() {
    return name + "{tools=" + tools + ", latency=" + latency.toMillis() + "ms, " + (sse ? "sse" : "json") + "}";
  }
}
