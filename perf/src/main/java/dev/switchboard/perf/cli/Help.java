package dev.switchboard.perf.cli;

/** The text of {@code help}; perf/README.md has the details. */
final class Help {
  static final String TEXT = """
    switchboard-perf: load generator, stub backend and benchmarks for Switchboard

    java -jar perf/target/switchboard-perf.jar <command> [options]

    benchmark [--quick|--smoke]   standard comparison (direct vs gateway vs nginx vs a plain Vert.x relay,
                                  interleaved), scenarios, heap per idle session, cold start; report in
                                  perf/target/report
        --rounds N  --window 8s  --warmup 8s  --concurrency 1,16  --idle-sessions N  --cold-starts N
        --scenarios all|none|a,b  --scenario-window 8s  --rate 2000 (open-loop scenario)  --no-nginx  --no-vertx
        --profile  --profile-window 20s  --profile-size 64  --lanes N  --redis-url redis://127.0.0.1:6379  --out DIR
        --gateway-jar PATH  --gateway-jvm-args "..."  --candidate-jar PATH (A/B: a changed gateway as one more
        contender, reported as candidate/gateway)  --candidate-config "YAML" (top-level keys added to the
        candidate's configuration; without --candidate-jar the candidate is the same jar)  --candidate-jvm-args "..."
        (JVM options added to the candidate's; likewise)  --warmup-requests N
        --no-progress
        --smoke exits 1 if the report is missing or any request failed (never on speed)
    scenario NAME[,NAME]          only the named scenarios: call-100k tools-list mixed churn open-loop sse
                                  slow-backend cross-instance auth stateless wrk wrk-sse (same options as benchmark)
    profile                       JFR on the gateway during tools/call c=16; top frames in the report
    load --url URL[,URL2]         one run against an endpoint serving the stub's tools
        --concurrency N  --duration 10s  --requests N  --rate R (open loop)  --list-ratio 0.1  --tool tool_0
        --tool-prefix P  --size 64  --arg-size 0  --expected-tools N  --churn  --timeout 10s  --lanes N
        --max-in-flight N  --spread (each session stays on one URL)  --json  --no-progress
    stub                          run a stub backend: --tools 10 --latency 0ms --sse --port 0 --duration 10m
    help
    """;

  private Help() {
  }
}
