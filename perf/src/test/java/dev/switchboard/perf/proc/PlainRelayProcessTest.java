package dev.switchboard.perf.proc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.perf.load.LoadGenerator;
import dev.switchboard.perf.load.LoadOptions;
import dev.switchboard.perf.load.LoadResult;
import dev.switchboard.perf.load.Target;
import dev.switchboard.perf.stub.RunningStub;
import dev.switchboard.perf.stub.StubOptions;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The relay as the benchmark starts it: its own JVM, in front of a stub, its CPU time readable, stopped on close. */
class PlainRelayProcessTest {
  @Test
  void aRelayJvmServesCallsAndStops(@TempDir Path work) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      RunningStub stub = RunningStub.deploy(vertx, Ports.LOOPBACK, new StubOptions()).toCompletionStage()
        .toCompletableFuture().get(30, TimeUnit.SECONDS);
      GatewayLaunch launch = new GatewayLaunch(null, System.getProperty("java.class.path"), List.of());
      PlainRelayProcess relay = PlainRelayProcess.start(stub.port(), launch, work);
      long pid = relay.pid();
      try {
        LoadResult result = LoadGenerator.run(vertx, new LoadOptions().setTarget(Target.of(PlainRelayProcess.NAME,
            relay.url())).setDuration(Duration.ofMillis(500)).setConcurrency(2).setProgress(false))
          .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        assertThat(result.errors().total()).as(result.errors().brief()).isZero();
        assertThat(result.requests()).isPositive();
        if (ProcessCpu.available()) {
          assertThat(relay.cpuTime()).isNotNull();
        }
      } finally {
        relay.close();
      }
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
      assertThat(Files.list(work).toList()).hasSize(1);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }
}
