package dev.switchboard.perf.bench;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine a run happened on, for the report. */
final class Machine {
  private Machine() {
  }

  static JsonObject describe() {
    String cpu = cpuModel();
    int cores = Runtime.getRuntime().availableProcessors();
    long memMiB = memoryMiB();
    String os = System.getProperty("os.name") + " " + System.getProperty("os.version");
    String java = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
    return new JsonObject().put("cpu", cpu).put("cores", cores).put("memoryMiB", memMiB).put("os", os)
      .put("java", java)
      .put("summary", cores + " cores (" + cpu + "), " + memMiB + " MiB, " + os + ", " + java);
  }

  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).strip();
        }
      }
    } catch (IOException e) {
      // not Linux
    }
    return System.getProperty("os.arch");
  }

  private static long memoryMiB() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux
    }
    return -1;
  }
}
