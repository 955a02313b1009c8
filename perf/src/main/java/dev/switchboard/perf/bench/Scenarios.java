package dev.switchboard.perf.bench;

import dev.switchboard.perf.stub.StubOptions;

/** The scenarios by name (see {@link BenchmarkOptions#ALL_SCENARIOS}). */
final class Scenarios {
  static final int PAYLOAD_100K = 100 * 1024;

  private Scenarios() {
  }

  static Scenario byName(String name, BenchmarkOptions options) {
    return switch (name) {
      case "call-100k" -> new CompareScenario(name, "tools/call with a 100 KiB text result, c=4", 4,
        o -> o.setPayloadSize(PAYLOAD_100K));
      case "tools-list" -> new CompareScenario(name, "tools/list (" + StubOptions.DEFAULT_TOOLS + " tools), c=16", 16,
        o -> o.setListRatio(1).setExpectedTools(StubOptions.DEFAULT_TOOLS));
      case "mixed" -> new CompareScenario(name, "90% tools/call, 10% tools/list, c=16", 16,
        o -> o.setListRatio(0.1).setExpectedTools(StubOptions.DEFAULT_TOOLS));
      case "churn" -> new CompareScenario(name, "session churn: initialize, initialized, tools/call, DELETE per "
        + "iteration (latency and rate are whole cycles), c=4", 4, o -> o.setChurn(true));
      case "open-loop" -> new CompareScenario(name, String.format("open loop: tools/call at a fixed %.0f req/s over "
        + "16 sessions, latency from the intended start", options.openLoopRate()), 16,
        o -> o.setRate(options.openLoopRate()));
      case "sse" -> new SseScenario();
      case "slow-backend" -> new SlowBackendScenario();
      case "stdio" -> new StdioScenario();
      case "cross-instance" -> new CrossInstanceScenario();
      case "auth" -> new AuthScenario();
      case "stateless" -> new StatelessScenario();
      case "wrk" -> WrkScenario.stateless();
      case "wrk-sse" -> WrkScenario.sse();
      default -> throw new IllegalArgumentException("unknown scenario " + name);
    };
  }
}
