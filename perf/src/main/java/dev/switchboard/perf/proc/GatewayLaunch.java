package dev.switchboard.perf.proc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to start a gateway JVM: {@code java -jar switchboard.jar} when the launcher's fat jar is found (with the AOT
 * cache the build trained beside it, {@code switchboard.aot}, and the Unsafe option the training used, as {@code
 * scripts/run.sh} does), else the launcher's main class from the perf jar's own class path (it contains the gateway).
 *
 * @param gatewayJar the launcher fat jar, or null to use {@code selfClassPath}
 * @param selfClassPath the class path of this JVM
 * @param jvmArgs extra JVM options for every gateway process
 */
public record GatewayLaunch(Path gatewayJar, String selfClassPath, List<String> jvmArgs) {
  static final String MAIN_CLASS = "dev.switchboard.launcher.SwitchboardApplication";
  /** Only with the cache, which only JDK 25+ trains: older JDKs refuse the option. */
  static final String UNSAFE_ALLOWED = "--sun-misc-unsafe-memory-access=allow";

  public GatewayLaunch {
    jvmArgs = List.copyOf(jvmArgs);
  }

  /** {@code explicit} if given, else {@code launcher/target/switchboard.jar} under {@code repoRoot} if present. */
  public static GatewayLaunch find(Path explicit, Path repoRoot, List<String> jvmArgs) {
    Path jar = explicit;
    if (jar == null && repoRoot != null) {
      Path candidate = repoRoot.resolve("launcher/target/switchboard.jar");
      jar = Files.isRegularFile(candidate) ? candidate : null;
    }
    if (jar != null && !Files.isRegularFile(jar)) {
      throw new IllegalArgumentException("gateway jar not found: " + jar);
    }
    return new GatewayLaunch(jar, System.getProperty("java.class.path"), jvmArgs);
  }

  /** The command line for a gateway reading {@code config}. */
  List<String> command(Path config, List<String> extraJvmArgs) {
    List<String> command = new ArrayList<>();
    command.add(Commands.java());
    if (gatewayJar == null) {
      // the fat jar's manifest says Enable-Native-Access; on the command line it would also make the JVM refuse the
      // AOT cache the build trained without it (the cold start then loses about half a second)
      command.add("--enable-native-access=ALL-UNNAMED");
    }
    command.addAll(jvmArgs);
    command.addAll(extraJvmArgs);
    if (gatewayJar != null) {
      Path aotCache = aotCache();
      if (aotCache != null) {
        command.add("-XX:AOTCache=" + aotCache);
      }
      command.addAll(nettyOptions());
      command.add("-jar");
      command.add(gatewayJar.toString());
    } else {
      command.add("-cp");
      command.add(selfClassPath);
      command.add(MAIN_CLASS);
    }
    command.add("--config");
    command.add(config.toString());
    return command;
  }

  /**
   * The options this launch gives Netty besides the command line's own: Unsafe memory access allowed, with the AOT
   * cache only (its training ran with it). A plain proxy compared with the gateway gets the same.
   */
  public List<String> nettyOptions() {
    return aotCache() != null ? List.of(UNSAFE_ALLOWED) : List.of();
  }

  private Path aotCache() {
    Path aotCache = gatewayJar == null ? null : gatewayJar.resolveSibling("switchboard.aot");
    return aotCache != null && Files.isRegularFile(aotCache) ? aotCache : null;
  }

  /** What runs, for the report. */
  public String describe() {
    return gatewayJar != null ? gatewayJar.toString() : "perf jar class path (" + MAIN_CLASS + ")";
  }
}
