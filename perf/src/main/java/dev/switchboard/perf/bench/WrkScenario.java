package dev.switchboard.perf.bench;

import dev.switchboard.perf.load.Target;
import dev.switchboard.perf.proc.NginxProcess;
import dev.switchboard.perf.proc.NodeServer;
import dev.switchboard.perf.proc.Wrk;
import dev.switchboard.perf.stub.RunningStub;
import dev.switchboard.perf.stub.StubOptions;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Witnesses nobody here wrote: wrk drives {@code tools/call}s at a Node backend, directly and through a gateway JVM of
 * its own (and, for the stateless arm, through nginx), in rotating order per round, with the gateway's CPU per call.
 * Two arms:
 * <ul>
 *   <li>{@code wrk}: stateless calls (2026-07-28, no session to open) to a server built with the TypeScript SDK v2
 *       ({@code interop/v2only.mjs}), which answers as JSON;</li>
 *   <li>{@code wrk-sse}: calls on one session (2025-11-25) to the reference {@code server-everything} (TypeScript SDK
 *       v1), which answers every POST as SSE, the common case among real MCP servers. Each target gets a session of
 *       its own.</li>
 * </ul>
 * The gateway is warmed up first as every measured gateway is ({@link Bench#warm}): the Node servers answer about
 * 1,500 calls a second, too few to bring a fresh JVM's JIT to its steady state in a warm-up, so the gateway has a
 * second backend, a perf stub (answering as the Node server does, JSON or SSE), and the load generator warms it
 * through that one. Names stay bare, so a call to the Node server is routed and forwarded as with one backend.
 * Skipped, with a note, when wrk, node or the interop packages ({@code npm ci --prefix interop}) are missing.
 */
final class WrkScenario implements Scenario {
  private static final int CONNECTIONS = 16;
  private static final Path V2_BACKEND = Path.of("interop", "v2only.mjs");
  private static final Path EVERYTHING = Path.of("interop", "node_modules", "@modelcontextprotocol",
    "server-everything", "dist", "index.js");
  private static final Path LOOPBACK = Path.of("interop", "loopback.cjs");
  private static final Path SDK = Path.of("interop", "node_modules", "@modelcontextprotocol", "server");
  private static final String TOOL = "echo";
  private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":"
    + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"switchboard-perf-wrk\","
    + "\"version\":\"1\"}}}";
  private static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";

  private final boolean sessions;

  private WrkScenario(boolean sessions) {
    this.sessions = sessions;
  }

  /** The stateless arm ({@code wrk}). */
  static WrkScenario stateless() {
    return new WrkScenario(false);
  }

  /** The session arm to an SSE-answering server ({@code wrk-sse}). */
  static WrkScenario sse() {
    return new WrkScenario(true);
  }

  @Override
  public String name() {
    return sessions ? "wrk-sse" : "wrk";
  }

  @Override
  public String description() {
    return sessions
      ? "wrk, " + CONNECTIONS + " connections, tools/call on a session (2025-11-25) to the reference server-everything, "
        + "which answers as SSE: direct and gateway, rotating order per round"
      : "wrk, " + CONNECTIONS + " connections, stateless tools/call (2026-07-28) to a Node SDK v2 backend: direct, "
        + "nginx and gateway, rotating order per round";
  }

  @Override
  public ScenarioResult run(Bench bench, Setup setup) {
    Path backend = sessions ? EVERYTHING : V2_BACKEND;
    String missing = !Files.exists(backend) || !Files.isDirectory(SDK) ? "interop packages (npm ci --prefix interop)"
      : !NodeServer.available() ? "node" : null;
    var wrk = Wrk.find(bench.workDir());
    if (missing == null && wrk.isEmpty()) {
      missing = "wrk (Debian package wrk)";
    }
    if (missing != null) {
      bench.log("  skipped: " + missing + " not found");
      return new ScenarioResult(name(), description(), List.of(), new JsonObject(),
        List.of("skipped: " + missing + " not found"));
    }
    NodeServer node = bench.closeLater(sessions
      ? NodeServer.start(List.of("--require", LOOPBACK.toAbsolutePath().toString(), backend.toString(),
        "streamableHttp"), bench.workDir().resolve("node-everything.log"))
      : NodeServer.start(backend, bench.workDir().resolve("node-v2only.log")));
    RunningStub warmStub = bench.stub(new StubOptions().setName("perf-stub-" + name()).setSse(sessions));
    Bench.Started gateway = bench.gateway("gateway-" + name(), new GatewayYaml().backend("node", node.url())
      .backend("warmup", warmStub.url()).bareNames());
    try {
      bench.warm(Target.of("gateway", gateway.process().url()), gateway.process().pid(), !sessions);
      Map<String, String> targets = new LinkedHashMap<>();
      targets.put("direct", node.url());
      targets.put("gateway", gateway.process().url());
      Path nginxBinary = bench.options().nginx() && !sessions ? NginxProcess.binary() : null;
      if (nginxBinary != null) {
        NginxProcess nginx = bench.closeLater(NginxProcess.start(nginxBinary, node.port(),
          bench.workDir().resolve("wrk")));
        targets.put("nginx", nginx.url());
      }
      Map<String, String[]> args = new LinkedHashMap<>();
      targets.forEach((target, url) -> args.put(target, sessions ? new String[] {openSession(url), TOOL, "perf"}
        : new String[] {TOOL, "perf"}));
      return measure(bench, wrk.get(), targets, args, gateway.process()::cpuNanos);
    } finally {
      gateway.process().close();
      node.close();
    }
  }

  /** Opens a session at {@code url} (initialize, then notifications/initialized) and returns its id. */
  private static String openSession(String url) {
    try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
      HttpResponse<String> initialized = http.send(post(url, null, INITIALIZE), BodyHandlers.ofString());
      String session = initialized.headers().firstValue("Mcp-Session-Id").orElse(null);
      if (initialized.statusCode() != 200 || session == null) {
        throw new IllegalStateException("initialize at " + url + " answered " + initialized.statusCode()
          + " without a session");
      }
      HttpResponse<String> notified = http.send(post(url, session, INITIALIZED), BodyHandlers.ofString());
      if (notified.statusCode() != 202) {
        throw new IllegalStateException("notifications/initialized at " + url + " answered " + notified.statusCode());
      }
      return session;
    } catch (IOException e) {
      throw new IllegalStateException("cannot open a session at " + url + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static HttpRequest post(String url, String session, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
      .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
      .POST(BodyPublishers.ofString(body));
    if (session != null) {
      request.header("Mcp-Session-Id", session).header("MCP-Protocol-Version", "2025-11-25");
    }
    return request.build();
  }

  private ScenarioResult measure(Bench bench, Wrk wrk, Map<String, String> targets, Map<String, String[]> args,
                                 LongSupplier gatewayCpu) {
    Wrk.Script script = sessions ? Wrk.Script.SESSION : Wrk.Script.STATELESS;
    Duration window = bench.options().scenarioWindow().compareTo(Duration.ofSeconds(2)) < 0 ? Duration.ofSeconds(2)
      : bench.options().scenarioWindow();
    targets.forEach((name, url) -> bench.log("  " + wrk.run("warm-up " + name, url, CONNECTIONS,
      Duration.ofSeconds(5), script, args.get(name)).brief()));
    List<String> names = new ArrayList<>(targets.keySet());
    Map<String, List<Wrk.Result>> runs = new LinkedHashMap<>();
    long gatewayNanos = 0;
    long gatewayRequests = 0;
    long errors = 0;
    Map<String, Long> sseAnswers = new LinkedHashMap<>();
    for (int round = 0; round < bench.options().rounds(); round++) {
      for (int i = 0; i < names.size(); i++) {
        String name = names.get((i + round) % names.size());
        long before = gatewayCpu.getAsLong();
        Wrk.Result result = wrk.run(String.format(Locale.ROOT, "wrk r%d %s", round + 1, name), targets.get(name),
          CONNECTIONS, window, script, args.get(name));
        long after = gatewayCpu.getAsLong();
        if (name.equals("gateway") && before >= 0 && after >= 0) {
          gatewayNanos += after - before;
          gatewayRequests += result.requests();
        }
        errors += result.errors();
        sseAnswers.merge(name, result.sseAnswers(), Long::sum);
        runs.computeIfAbsent(name, n -> new ArrayList<>()).add(result);
        bench.log("  " + result.brief());
      }
    }
    JsonObject figures = new JsonObject();
    Map<String, Double> median = new LinkedHashMap<>();
    runs.forEach((name, results) -> {
      median.put(name, Stats.median(results.stream().map(Wrk.Result::rate).toList()));
      figures.put(name, new JsonObject().put("throughput", Stats.round(median.get(name), 1))
        .put("p50Ms", Stats.round(Stats.median(results.stream().map(Wrk.Result::p50Millis).toList()), 3)));
    });
    for (String baseline : List.of("direct", "nginx")) {
      if (median.containsKey(baseline)) {
        figures.put("gateway/" + baseline, Stats.round(median.get("gateway") / median.get(baseline), 3));
      }
    }
    double cpu = gatewayRequests == 0 ? -1 : gatewayNanos / 1e3 / gatewayRequests;
    figures.put("gatewayCpuMicrosPerCall", Stats.round(cpu, 1)).put("errors", errors);
    if (sessions) {
      figures.put("sseAnswersDirect", sseAnswers.get("direct"));
    }
    List<String> notes = List.of(String.format(Locale.ROOT, "median throughput gateway/direct %.3f%s; gateway CPU "
        + "%.1f us per call; %d failed answers", median.get("gateway") / median.get("direct"),
      median.containsKey("nginx") ? String.format(Locale.ROOT, ", gateway/nginx %.3f",
        median.get("gateway") / median.get("nginx")) : "", cpu, errors));
    bench.log("  " + notes.get(0));
    return new ScenarioResult(name(), description(), List.of(), figures, notes);
  }
}
