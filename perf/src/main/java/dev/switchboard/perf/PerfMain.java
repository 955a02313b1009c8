package dev.switchboard.perf;

import dev.switchboard.perf.cli.Cli;

/** {@code java -jar switchboard-perf.jar <command> [options]}; see {@code perf/README.md} or {@code help}. */
public final class PerfMain {
  private PerfMain() {
  }

  public static void main(String[] args) {
    int code;
    try {
      code = Cli.run(args);
    } catch (IllegalArgumentException e) {
      System.err.println("switchboard-perf: " + e.getMessage());
      System.err.println("try: java -jar switchboard-perf.jar help");
      code = 2;
    } catch (RuntimeException e) {
      System.err.println("switchboard-perf: failed: " + e.getMessage());
      e.printStackTrace();
      code = 1;
    }
    System.exit(code);
  }
}
