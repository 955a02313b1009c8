package dev.switchboard.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits the command line: {@code --config FILE} (or {@code --config=FILE}) is Switchboard's; everything else goes
 * to the Vert.x launcher ({@code -options}, {@code -cluster}, ...). Without {@code --config}, the environment
 * variable {@code SWITCHBOARD_CONFIG} names the file; without either, the gateway runs the demo.
 *
 * @param configFile the configuration file, or null for demo mode
 * @param vertxArgs  the arguments left for the Vert.x launcher
 */
public record LaunchArgs(Path configFile, List<String> vertxArgs) {
  public static final String CONFIG_ENV = "SWITCHBOARD_CONFIG";

  /** @throws IllegalArgumentException when {@code --config} has no value */
  public static LaunchArgs parse(String[] args, Map<String, String> env) {
    List<String> rest = new ArrayList<>();
    String config = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if ("--config".equals(arg) || "-config".equals(arg)) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("--config needs a file name");
        }
        config = args[++i];
      } else if (arg.startsWith("--config=")) {
        config = arg.substring("--config=".length());
      } else {
        rest.add(arg);
      }
    }
    if (config == null) {
      String fromEnv = env.get(CONFIG_ENV);
      config = fromEnv == null || fromEnv.isBlank() ? null : fromEnv;
    }
    return new LaunchArgs(config == null ? null : Path.of(config), List.copyOf(rest));
  }
}
