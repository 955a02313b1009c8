package dev.switchboard.perf.bench;

import dev.switchboard.perf.proc.GatewayProcess;
import dev.switchboard.perf.stub.RunningStub;
import java.util.List;

/**
 * What the comparison set up and the scenarios reuse.
 *
 * @param stub       the JSON stub backend
 * @param gateway    the gateway JVM in front of it
 * @param contenders direct, gateway and (when installed) nginx
 */
record Setup(RunningStub stub, GatewayProcess gateway, List<Contender> contenders) {
  Contender contender(String name) {
    return contenders.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
  }
}
