package dev.switchboard.perf.bench;

import dev.switchboard.perf.proc.GatewayLaunch;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import dev.switchboard.perf.load.LoadOptions;

/**
 * What a benchmark run does, as a fluent data object. Three presets: {@link #full()} (the default, about 8 minutes),
 * {@link #quick()} (under 2 minutes) and {@link #smoke()} (about 20 seconds, for CI: checks that everything runs and
 * nothing fails, never speed). Command-line options override single values.
 */
public final class BenchmarkOptions {
  /** Every scenario, in the order they run. */
  public static final List<String> ALL_SCENARIOS = List.of("call-100k", "tools-list", "mixed", "churn", "open-loop",
    "sse", "slow-backend", "stdio", "cross-instance", "auth", "stateless", "wrk", "wrk-sse");
  /** The scenarios of the smoke run: none that is expected to fail today or that needs Redis. */
  public static final List<String> SMOKE_SCENARIOS = List.of("call-100k", "churn");

  private String preset = "full";
  private int rounds = 5;
  private Duration window = Duration.ofSeconds(8);
  private Duration warmup = Duration.ofSeconds(60);
  private long warmupRequests = 200_000;
  private List<Integer> concurrencies = List.of(1, 16);
  private int idleSessions = 10_000;
  private int coldStarts = 5;
  private Duration scenarioWindow = Duration.ofSeconds(8);
  private List<String> scenarios = ALL_SCENARIOS;
  private boolean comparison = true;
  private boolean nginx = true;
  private boolean plainRelay = true;
  private boolean profile;
  private Duration profileWindow = Duration.ofSeconds(20);
  private int profileSize = LoadOptions.DEFAULT_PAYLOAD_SIZE;
  private double openLoopRate = 2_000;
  private int lanes = 1;
  private String redisUrl = "redis://127.0.0.1:6379";
  private Path outDir = Path.of("perf/target/report");
  private GatewayLaunch launch;
  private GatewayLaunch candidate;
  private String candidateConfig;
  private boolean progress = true;

  public static BenchmarkOptions full() {
    return new BenchmarkOptions();
  }

  public static BenchmarkOptions quick() {
    BenchmarkOptions o = new BenchmarkOptions();
    o.preset = "quick";
    o.rounds = 3;
    o.window = Duration.ofSeconds(2);
    o.warmup = Duration.ofSeconds(12);
    o.warmupRequests = 40_000;
    o.idleSessions = 2_000;
    o.coldStarts = 3;
    o.scenarioWindow = Duration.ofSeconds(1);
    o.profileWindow = Duration.ofSeconds(10);
    return o;
  }

  public static BenchmarkOptions smoke() {
    BenchmarkOptions o = new BenchmarkOptions();
    o.preset = "smoke";
    o.rounds = 1;
    o.window = Duration.ofMillis(500);
    o.warmup = Duration.ofSeconds(1);
    o.warmupRequests = 1_000;
    o.idleSessions = 200;
    o.coldStarts = 0;
    o.scenarioWindow = Duration.ofMillis(500);
    o.scenarios = SMOKE_SCENARIOS;
    o.openLoopRate = 500;
    o.progress = false;
    return o;
  }

  public String preset() {
    return preset;
  }

  public int rounds() {
    return rounds;
  }

  public BenchmarkOptions rounds(int value) {
    if (value < 1 || value > 100) {
      throw new IllegalArgumentException("--rounds must be 1..100");
    }
    rounds = value;
    return this;
  }

  public Duration window() {
    return window;
  }

  public BenchmarkOptions window(Duration value) {
    window = value;
    return this;
  }

  public Duration warmup() {
    return warmup;
  }

  public BenchmarkOptions warmup(Duration value) {
    warmup = value;
    return this;
  }

  /** Warm-up ends after this many requests per contender (or at {@link #warmup()}). */
  public long warmupRequests() {
    return warmupRequests;
  }

  public BenchmarkOptions warmupRequests(long value) {
    if (value < 1) {
      throw new IllegalArgumentException("--warmup-requests must be positive");
    }
    warmupRequests = value;
    return this;
  }

  public List<Integer> concurrencies() {
    return concurrencies;
  }

  public BenchmarkOptions concurrencies(List<Integer> value) {
    if (value.isEmpty()) {
      throw new IllegalArgumentException("--concurrency needs at least one value");
    }
    concurrencies = List.copyOf(value);
    return this;
  }

  public int idleSessions() {
    return idleSessions;
  }

  public BenchmarkOptions idleSessions(int value) {
    if (value < 0 || value > 200_000) {
      throw new IllegalArgumentException("--idle-sessions must be 0..200000");
    }
    idleSessions = value;
    return this;
  }

  public int coldStarts() {
    return coldStarts;
  }

  public BenchmarkOptions coldStarts(int value) {
    if (value < 0 || value > 50) {
      throw new IllegalArgumentException("--cold-starts must be 0..50");
    }
    coldStarts = value;
    return this;
  }

  public Duration scenarioWindow() {
    return scenarioWindow;
  }

  public BenchmarkOptions scenarioWindow(Duration value) {
    scenarioWindow = value;
    return this;
  }

  public List<String> scenarios() {
    return scenarios;
  }

  public BenchmarkOptions scenarios(List<String> value) {
    for (String name : value) {
      if (!ALL_SCENARIOS.contains(name)) {
        throw new IllegalArgumentException("unknown scenario '" + name + "' (known: " + ALL_SCENARIOS + ")");
      }
    }
    scenarios = List.copyOf(value);
    return this;
  }

  /** Run the standard comparison, idle-session heap and cold start (false: scenarios only). */
  public boolean comparison() {
    return comparison;
  }

  public BenchmarkOptions comparison(boolean value) {
    comparison = value;
    return this;
  }

  public boolean nginx() {
    return nginx;
  }

  public BenchmarkOptions nginx(boolean value) {
    nginx = value;
    return this;
  }

  /** Whether the plain Vert.x relay ({@code vertx}) runs beside nginx as a second plain proxy. */
  public boolean plainRelay() {
    return plainRelay;
  }

  public BenchmarkOptions plainRelay(boolean value) {
    plainRelay = value;
    return this;
  }

  /** Record JFR on the gateway during a tools/call load after the comparison, and summarize its top frames. */
  public boolean profile() {
    return profile;
  }

  public BenchmarkOptions profile(boolean value) {
    profile = value;
    return this;
  }

  public Duration profileWindow() {
    return profileWindow;
  }

  public BenchmarkOptions profileWindow(Duration value) {
    profileWindow = value;
    return this;
  }

  /** Characters of text per tools/call during the profiled load. */
  public int profileSize() {
    return profileSize;
  }

  public BenchmarkOptions profileSize(int value) {
    if (value < 0 || value > 16 * 1024 * 1024) {
      throw new IllegalArgumentException("--profile-size must be 0..16MiB");
    }
    profileSize = value;
    return this;
  }

  public double openLoopRate() {
    return openLoopRate;
  }

  public BenchmarkOptions openLoopRate(double value) {
    openLoopRate = value;
    return this;
  }

  public int lanes() {
    return lanes;
  }

  public BenchmarkOptions lanes(int value) {
    lanes = value;
    return this;
  }

  public String redisUrl() {
    return redisUrl;
  }

  public BenchmarkOptions redisUrl(String value) {
    redisUrl = value;
    return this;
  }

  public Path outDir() {
    return outDir;
  }

  public BenchmarkOptions outDir(Path value) {
    outDir = value;
    return this;
  }

  public GatewayLaunch launch() {
    return launch;
  }

  public BenchmarkOptions launch(GatewayLaunch value) {
    launch = value;
    return this;
  }

  /** A second gateway (e.g. a build with a proposed change) run as one more contender, or null. */
  public GatewayLaunch candidate() {
    return candidate;
  }

  public BenchmarkOptions candidate(GatewayLaunch value) {
    candidate = value;
    return this;
  }

  /** Top-level YAML added to the candidate's configuration only (e.g. {@code metrics: {enabled: false}}), or null. */
  public String candidateConfig() {
    return candidateConfig;
  }

  public BenchmarkOptions candidateConfig(String yaml) {
    candidateConfig = yaml;
    return this;
  }

  public boolean progress() {
    return progress;
  }

  public BenchmarkOptions progress(boolean value) {
    progress = value;
    return this;
  }
}
