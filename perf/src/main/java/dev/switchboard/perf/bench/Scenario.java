package dev.switchboard.perf.bench;

/** One benchmark scenario; it may reuse the comparison's {@link Setup} or start processes of its own. */
interface Scenario {
  String name();

  String description();

  ScenarioResult run(Bench bench, Setup setup);
}
