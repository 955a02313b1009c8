package dev.switchboard.perf.proc;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WrkTest {
  private static final String REPORT = """
    Running 2s test @ http://127.0.0.1:41000/mcp
      1 threads and 16 connections
      Thread Stats   Avg      Stdev     Max   +/- Stdev
        Latency    11.02ms    5.10ms  41.99ms   80.12%
        Req/Sec     1.30k   120.00     1.50k    70.00%
      Latency Distribution
         50%   11.38ms
         75%   13.02ms
         90%   16.40ms
         99%   41.99ms
      2578 requests in 2.00s, 1.02MB read
      Socket errors: connect 0, read 2, write 0, timeout 1
      Non-2xx or 3xx responses: 4
    Requests/sec:   1289.31
    Transfer/sec:    512.00KB
    mcp-errors: 5
    sse-answers: 2570
    """;

  @Test
  void readsRateLatencyAndEveryKindOfError() {
    Wrk.Result result = Wrk.parse("r1 direct", REPORT);
    assertThat(result.rate()).isEqualTo(1289.31);
    assertThat(result.requests()).isEqualTo(2578);
    assertThat(result.p50Millis()).isEqualTo(11.38);
    assertThat(result.p99Millis()).isEqualTo(41.99);
    assertThat(result.errors()).as("4 non-2xx + 5 MCP answers without a result + 3 socket errors").isEqualTo(12);
    assertThat(result.sseAnswers()).isEqualTo(2570);
  }

  @Test
  void microsecondsAndSecondsBecomeMilliseconds() {
    Wrk.Result result = Wrk.parse("x", "  50%  750.00us\n  99%    1.20s\nRequests/sec: 10.0\n");
    assertThat(result.p50Millis()).isEqualTo(0.75);
    assertThat(result.p99Millis()).isEqualTo(1200.0);
    assertThat(result.errors()).isZero();
    assertThat(result.sseAnswers()).as("the stateless script does not count them").isZero();
  }
}
