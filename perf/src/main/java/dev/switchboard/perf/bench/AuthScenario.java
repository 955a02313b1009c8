package dev.switchboard.perf.bench;

import dev.switchboard.perf.load.LoadResult;
import dev.switchboard.perf.load.Target;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * The cost of incoming authentication: two fresh gateway JVMs in front of the stub, one without auth and one with
 * {@code auth.incoming.type: oauth2} against a real IdP (navikt's mock-oauth2-server, in the perf JVM), warmed up
 * alike ({@link Bench#warm}: until the JIT settles, since a fresh JVM's CPU per call is dominated by it until then),
 * then tools/call at c=16 on each, interleaved over three rounds. Every request carries the same valid token, so
 * after the first request the gateway validates it from its cache. Reported: each gateway's CPU time per call (whole
 * JVM, and its event loops alone, from /proc) and the difference.
 */
final class AuthScenario implements Scenario {
  private static final int CONCURRENCY = 16;
  private static final int ROUNDS = 3;
  private static final String ISSUER_ID = "perf";
  private static final String RESOURCE = "http://gateway.perf/mcp";

  @Override
  public String name() {
    return "auth";
  }

  @Override
  public String description() {
    return "tools/call c=" + CONCURRENCY + ": gateway without auth vs with incoming OAuth2 (JWT validated, then "
      + "cached), gateway CPU per call, " + ROUNDS + " interleaved rounds";
  }

  @Override
  public ScenarioResult run(Bench bench, Setup setup) {
    MockOAuth2Server idp = new MockOAuth2Server();
    idp.start();
    bench.closeLater(idp::shutdown);
    String token = idp.issueToken(ISSUER_ID, "perf-user", RESOURCE, Map.of("scope", "mcp"), 3600).serialize();
    Bench.Started secured = bench.gateway("gateway-auth", new GatewayYaml().backend("stub", setup.stub().url())
      .oauth2(idp.issuerUrl(ISSUER_ID).toString(), RESOURCE, "mcp"), "Bearer " + token);
    Bench.Started open = bench.gateway("gateway-noauth", new GatewayYaml().backend("stub", setup.stub().url()));
    List<Target> targets = List.of(Target.of("gateway-noauth", open.process().url()),
      Target.of("gateway-auth", secured.process().url()).withBearer(token));
    List<Contender> gateways = List.of(
      new Contender(targets.get(0), open.process()::cpuTime, open.process().pid()),
      new Contender(targets.get(1), secured.process()::cpuTime, secured.process().pid()));
    gateways.forEach(gateway -> bench.warm(gateway.target(), gateway.jvmPid()));
    List<LoadResult> results = new ArrayList<>();
    List<List<Double>> total = List.of(new ArrayList<>(), new ArrayList<>());
    List<List<Double>> loops = List.of(new ArrayList<>(), new ArrayList<>());
    for (int round = 0; round < ROUNDS; round++) {
      for (int k = 0; k < 2; k++) {
        int i = (round + k) % 2;
        String label = "auth " + targets.get(i).name() + " round " + (round + 1);
        Measured m = gateways.get(i).measure(round + 1, CONCURRENCY, () -> bench.load(bench.loadOptions(label,
          List.of(targets.get(i)), CONCURRENCY, bench.options().scenarioWindow())));
        LoadResult result = m.result();
        long loopNanos = m.cpuByRole().getOrDefault("event-loop", 0L);
        long ok = Math.max(1, result.requests() - result.errors().total());
        total.get(i).add(m.cpuNanos() / 1000.0 / ok);
        loops.get(i).add(loopNanos / 1000.0 / ok);
        bench.log("  " + result.brief() + String.format(", gateway CPU %.1f us/call (event loops %.1f)",
          total.get(i).getLast(), loops.get(i).getLast()));
        results.add(result);
      }
    }
    double off = Stats.median(total.get(0));
    double on = Stats.median(total.get(1));
    double loopOff = Stats.median(loops.get(0));
    double loopOn = Stats.median(loops.get(1));
    JsonObject figures = new JsonObject()
      .put("cpuMicrosPerCallAuthOff", Stats.round(off, 1))
      .put("cpuMicrosPerCallAuthOn", Stats.round(on, 1))
      .put("addedCpuMicrosPerCall", Stats.round(on - off, 1))
      .put("eventLoopCpuMicrosPerCallAuthOff", Stats.round(loopOff, 1))
      .put("eventLoopCpuMicrosPerCallAuthOn", Stats.round(loopOn, 1))
      .put("roundsAuthOff", new JsonArray(total.get(0).stream().map(v -> Stats.round(v, 1)).toList()))
      .put("roundsAuthOn", new JsonArray(total.get(1).stream().map(v -> Stats.round(v, 1)).toList()));
    String note = String.format("gateway CPU per tools/call (median of %d rounds): %.1f us without auth, %.1f us with "
      + "OAuth2 (%+.1f us); event loops alone %.1f vs %.1f us", ROUNDS, off, on, on - off, loopOff, loopOn);
    bench.log("  " + note);
    return new ScenarioResult(name(), description(), results, figures, List.of(note));
  }
}
