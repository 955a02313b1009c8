package dev.switchboard.launcher.config;

/**
 * A configuration that cannot be used. The message is {@code <path>: <problem>}, where the path names the offending
 * key ({@code backends[2].url}, {@code aggregation.tools[0].overrides.echo.name}), or the file for a file that cannot
 * be read, or {@code line L, column C} for a YAML syntax error.
 */
public final class ConfigException extends RuntimeException {
  private final String path;
  private final String problem;

  public ConfigException(String path, String problem) {
    this(path, problem, null);
  }

  public ConfigException(String path, String problem, Throwable cause) {
    super(path + ": " + problem, cause);
    this.path = path;
    this.problem = problem;
  }

  /** The key path (or file, or YAML location) the problem is about. */
  public String path() {
    return path;
  }

  /** The problem without the path. */
  public String problem() {
    return problem;
  }
}
