package dev.switchboard.perf.cluster;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What {@link ClusterDriver} does, from {@code --name value} arguments.
 *
 * @param url            the MCP endpoint behind the load balancer
 * @param sessions       concurrent sessions
 * @param duration       how long the sessions call tools
 * @param tool           the tool each call invokes (a {@code demo-math} style {@code add} taking {@code a}, {@code b})
 * @param killPid        the process to kill with SIGKILL, or 0 for none
 * @param killAfter      when to kill it, from the start of the calls
 * @param killUpstream   the killed instance's address as the load balancer names it in {@code upstreamHeader}
 * @param upstreamHeader the response header in which the load balancer names the instance that answered
 * @param requestTimeout longest wait for one answer
 */
record DriverOptions(URI url, int sessions, Duration duration, String tool, long killPid, Duration killAfter,
                     String killUpstream, String upstreamHeader, Duration requestTimeout) {
  static final int DEFAULT_SESSIONS = 20;
  static final Duration DEFAULT_DURATION = Duration.ofSeconds(30);
  static final String DEFAULT_TOOL = "demo-math_add";
  static final String DEFAULT_UPSTREAM_HEADER = "X-Switchboard-Upstream";
  static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
  static final int MAX_SESSIONS = 1000;
  static final Duration MAX_DURATION = Duration.ofMinutes(10);
  private static final Set<String> KEYS = Set.of("url", "sessions", "duration", "tool", "kill-pid", "kill-after",
    "kill-upstream", "upstream-header", "request-timeout");

  /** @throws IllegalArgumentException naming the bad argument */
  static DriverOptions parse(String[] args) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String key = args[i].startsWith("--") ? args[i].substring(2) : null;
      if (key == null || !KEYS.contains(key) || i + 1 >= args.length) {
        throw new IllegalArgumentException("unknown or incomplete argument: " + args[i] + " (known: --"
          + String.join(", --", KEYS.stream().sorted().toList()) + ")");
      }
      values.put(key, args[++i]);
    }
    if (!values.containsKey("url")) {
      throw new IllegalArgumentException("--url is required");
    }
    Duration duration = seconds(values, "duration", DEFAULT_DURATION);
    if (duration.compareTo(MAX_DURATION) > 0 || duration.isZero()) {
      throw new IllegalArgumentException("--duration: between 1 s and " + MAX_DURATION.toMinutes() + " min");
    }
    int sessions = Integer.parseInt(values.getOrDefault("sessions", Integer.toString(DEFAULT_SESSIONS)));
    if (sessions < 1 || sessions > MAX_SESSIONS) {
      throw new IllegalArgumentException("--sessions: between 1 and " + MAX_SESSIONS);
    }
    long killPid = Long.parseLong(values.getOrDefault("kill-pid", "0"));
    Duration killAfter = seconds(values, "kill-after", duration.dividedBy(2));
    if (killPid > 0 && killAfter.compareTo(duration) >= 0) {
      throw new IllegalArgumentException("--kill-after: must be shorter than --duration");
    }
    return new DriverOptions(URI.create(values.get("url")), sessions, duration,
      values.getOrDefault("tool", DEFAULT_TOOL), killPid, killAfter, values.get("kill-upstream"),
      values.getOrDefault("upstream-header", DEFAULT_UPSTREAM_HEADER),
      seconds(values, "request-timeout", DEFAULT_REQUEST_TIMEOUT));
  }

  /** {@code 30} or {@code 30s} as seconds, {@code 500ms} as milliseconds. */
  private static Duration seconds(Map<String, String> values, String key, Duration fallback) {
    String value = values.get(key);
    if (value == null) {
      return fallback;
    }
    try {
      if (value.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
      }
      return Duration.ofSeconds(Long.parseLong(value.endsWith("s") ? value.substring(0, value.length() - 1) : value));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + key + ": not a duration (e.g. 30s, 500ms): " + value);
    }
  }
}
