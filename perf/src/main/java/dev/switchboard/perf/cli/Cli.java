package dev.switchboard.perf.cli;

import java.util.Arrays;
import java.util.Set;

/** Dispatches {@code args[0]} to its command; returns the process exit code. */
public final class Cli {
  static final Set<String> FLAGS = Set.of("quick", "smoke", "full", "no-nginx", "no-vertx", "profile", "no-progress",
    "churn", "spread", "sse", "json", "help");

  private Cli() {
  }

  public static int run(String[] argv) {
    if (argv.length == 0 || argv[0].equals("help") || argv[0].equals("--help") || argv[0].equals("-h")) {
      System.out.println(Help.TEXT);
      return 0;
    }
    Args args = new Args(Arrays.copyOfRange(argv, 1, argv.length), FLAGS);
    String commandLine = "java -jar switchboard-perf.jar " + String.join(" ", argv);
    return switch (argv[0]) {
      case "benchmark" -> BenchmarkCommand.run(args, commandLine, BenchmarkCommand.Kind.BENCHMARK);
      case "scenario" -> BenchmarkCommand.run(args, commandLine, BenchmarkCommand.Kind.SCENARIO);
      case "profile" -> BenchmarkCommand.run(args, commandLine, BenchmarkCommand.Kind.PROFILE);
      case "load" -> LoadCommand.run(args);
      case "stub" -> StubCommand.run(args);
      default -> throw new IllegalArgumentException("unknown command '" + argv[0]
        + "' (benchmark, scenario, profile, load, stub, help)");
    };
  }
}
