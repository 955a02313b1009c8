package dev.switchboard.perf.load;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One load run, as a fluent data object with every bound named in code. A run stops at {@link #getDuration()} or
 * after {@link #getMaxRequests()} requests, whichever comes first.
 */
public final class LoadOptions {
  public static final int DEFAULT_CONCURRENCY = 1;
  public static final Duration DEFAULT_DURATION = Duration.ofSeconds(10);
  public static final Duration MAX_DURATION = Duration.ofHours(1);
  public static final long DEFAULT_MAX_REQUESTS = 50_000_000L;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  public static final int DEFAULT_PAYLOAD_SIZE = 64;
  public static final String DEFAULT_TOOL = "tool_0";
  public static final int DEFAULT_MAX_IN_FLIGHT = 10_000;
  public static final int MAX_CONCURRENCY = 10_000;

  private List<Target> targets = List.of();
  private int concurrency = DEFAULT_CONCURRENCY;
  private Duration duration = DEFAULT_DURATION;
  private long maxRequests = DEFAULT_MAX_REQUESTS;
  private double rate;
  private double listRatio;
  private String tool = DEFAULT_TOOL;
  private int payloadSize = DEFAULT_PAYLOAD_SIZE;
  private int argumentSize;
  private int expectedTools;
  private Duration timeout = DEFAULT_TIMEOUT;
  private boolean churn;
  private boolean stateless;
  private boolean spread;
  private int lanes = 1;
  private int maxInFlight = DEFAULT_MAX_IN_FLIGHT;
  private String label = "load";
  private boolean progress = true;

  public LoadOptions() {
  }

  public LoadOptions(LoadOptions other) {
    targets = other.targets;
    concurrency = other.concurrency;
    duration = other.duration;
    maxRequests = other.maxRequests;
    rate = other.rate;
    listRatio = other.listRatio;
    tool = other.tool;
    payloadSize = other.payloadSize;
    argumentSize = other.argumentSize;
    expectedTools = other.expectedTools;
    timeout = other.timeout;
    churn = other.churn;
    stateless = other.stateless;
    spread = other.spread;
    lanes = other.lanes;
    maxInFlight = other.maxInFlight;
    label = other.label;
    progress = other.progress;
  }

  /**
   * The endpoints; a session is opened on the first and its later requests go to each in turn (one target: all
   * there; two gateways sharing a store: alternating), unless {@link #isSpread()}.
   */
  public List<Target> getTargets() {
    return targets;
  }

  public LoadOptions setTargets(List<Target> targets) {
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("at least one target");
    }
    this.targets = List.copyOf(targets);
    return this;
  }

  public LoadOptions setTarget(Target target) {
    return setTargets(List.of(target));
  }

  /**
   * Whether each session stays on one target, the sessions taking the targets in turn (as behind a load balancer
   * with sticky sessions), instead of each session's requests taking them in turn.
   */
  public boolean isSpread() {
    return spread;
  }

  public LoadOptions setSpread(boolean spread) {
    this.spread = spread;
    return this;
  }

  /** Sessions (virtual users), and connections per target; closed loop: requests in flight. */
  public int getConcurrency() {
    return concurrency;
  }

  public LoadOptions setConcurrency(int concurrency) {
    if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
      throw new IllegalArgumentException("concurrency must be 1.." + MAX_CONCURRENCY + ": " + concurrency);
    }
    this.concurrency = concurrency;
    return this;
  }

  public Duration getDuration() {
    return duration;
  }

  public LoadOptions setDuration(Duration duration) {
    if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_DURATION) > 0) {
      throw new IllegalArgumentException("duration must be in (0, 1h]: " + duration);
    }
    this.duration = duration;
    return this;
  }

  public long getMaxRequests() {
    return maxRequests;
  }

  public LoadOptions setMaxRequests(long maxRequests) {
    if (maxRequests < 1) {
      throw new IllegalArgumentException("maxRequests must be positive");
    }
    this.maxRequests = Math.min(maxRequests, DEFAULT_MAX_REQUESTS);
    return this;
  }

  /** Requests per second for an open-loop run; 0 (the default) means closed loop. */
  public double getRate() {
    return rate;
  }

  public LoadOptions setRate(double rate) {
    if (rate < 0 || rate > 1_000_000) {
      throw new IllegalArgumentException("rate must be 0..1000000: " + rate);
    }
    this.rate = rate;
    return this;
  }

  public boolean isOpenLoop() {
    return rate > 0;
  }

  /** Fraction of requests that are {@code tools/list} (the rest are {@code tools/call}). */
  public double getListRatio() {
    return listRatio;
  }

  public LoadOptions setListRatio(double listRatio) {
    if (listRatio < 0 || listRatio > 1) {
      throw new IllegalArgumentException("listRatio must be 0..1: " + listRatio);
    }
    this.listRatio = listRatio;
    return this;
  }

  /** The stub's tool name, before the target's prefix. */
  public String getTool() {
    return tool;
  }

  public LoadOptions setTool(String tool) {
    if (!tool.matches("[A-Za-z0-9_.-]{1,128}")) {
      throw new IllegalArgumentException("tool name must be 1-128 of [A-Za-z0-9_.-]: " + tool);
    }
    this.tool = tool;
    return this;
  }

  /** Characters of padding ({@code "pad"}) each tools/call carries in its arguments; 0 for none. */
  public int getArgumentSize() {
    return argumentSize;
  }

  public LoadOptions setArgumentSize(int argumentSize) {
    if (argumentSize < 0 || argumentSize > 16 * 1024 * 1024) {
      throw new IllegalArgumentException("argument size must be 0..16MiB: " + argumentSize);
    }
    this.argumentSize = argumentSize;
    return this;
  }

  /** Characters of text each {@code tools/call} asks for. */
  public int getPayloadSize() {
    return payloadSize;
  }

  public LoadOptions setPayloadSize(int payloadSize) {
    if (payloadSize < 0 || payloadSize > 16 * 1024 * 1024) {
      throw new IllegalArgumentException("payload size must be 0..16MiB: " + payloadSize);
    }
    this.payloadSize = payloadSize;
    return this;
  }

  /** Tools a {@code tools/list} must return (first page); 0 accepts any non-empty list. */
  public int getExpectedTools() {
    return expectedTools;
  }

  public LoadOptions setExpectedTools(int expectedTools) {
    this.expectedTools = Math.max(0, expectedTools);
    return this;
  }

  /** A request fails as {@link ErrorKind#TIMEOUT} when its response makes no progress for this long. */
  public Duration getTimeout() {
    return timeout;
  }

  public LoadOptions setTimeout(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
    this.timeout = timeout;
    return this;
  }

  /**
   * Session churn: every iteration is a whole session (initialize, initialized, one call, DELETE) and its latency is
   * the cycle's.
   */
  public boolean isChurn() {
    return churn;
  }

  public LoadOptions setChurn(boolean churn) {
    this.churn = churn;
    return this;
  }

  /**
   * The stateless revision (MCP 2026-07-28): no session is opened; every request carries the {@code _meta} envelope
   * and the {@code MCP-Protocol-Version}, {@code Mcp-Method} and {@code Mcp-Name} headers.
   */
  public boolean isStateless() {
    return stateless;
  }

  public LoadOptions setStateless(boolean stateless) {
    this.stateless = stateless;
    return this;
  }

  /** Client event loops sharing the sessions. */
  public int getLanes() {
    return lanes;
  }

  public LoadOptions setLanes(int lanes) {
    if (lanes < 1 || lanes > 64) {
      throw new IllegalArgumentException("lanes must be 1..64");
    }
    this.lanes = lanes;
    return this;
  }

  /** Open loop: requests in flight at most; a request due beyond it counts as {@link ErrorKind#BACKLOG}. */
  public int getMaxInFlight() {
    return maxInFlight;
  }

  public LoadOptions setMaxInFlight(int maxInFlight) {
    if (maxInFlight < 1 || maxInFlight > 100_000) {
      throw new IllegalArgumentException("maxInFlight must be 1..100000");
    }
    this.maxInFlight = maxInFlight;
    return this;
  }

  public String getLabel() {
    return label;
  }

  public LoadOptions setLabel(String label) {
    this.label = Objects.requireNonNull(label);
    return this;
  }

  /** Show a console progress bar when the run lasts longer than a few seconds. */
  public boolean isProgress() {
    return progress;
  }

  public LoadOptions setProgress(boolean progress) {
    this.progress = progress;
    return this;
  }

  /** The tool name as {@code target} shows it. */
  public String toolFor(Target target) {
    return target.toolPrefix() + tool;
  }
}
