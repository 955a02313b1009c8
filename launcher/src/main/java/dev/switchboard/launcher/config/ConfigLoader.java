package dev.switchboard.launcher.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the gateway's YAML configuration: parses it, substitutes {@code ${NAME}} and {@code ${NAME:-default}} in
 * string values from {@code env}, validates every key strictly (unknown keys, wrong types and bad values are errors)
 * and maps it onto {@link GatewayConfig}. An empty document means all defaults, except that {@code backends} is
 * required. The first problem found is thrown as a {@link ConfigException} whose message starts with the key path.
 * The format is documented in {@code docs/configuration.md}.
 */
public final class ConfigLoader {
  private ConfigLoader() {
  }

  /**
   * @param yamlText the configuration document
   * @param env      the environment variables for substitution (usually {@link System#getenv()})
   * @throws ConfigException if the document is not valid YAML or not a valid configuration
   */
  public static GatewayConfig parse(String yamlText, Map<String, String> env) {
    Objects.requireNonNull(yamlText, "yamlText");
    Objects.requireNonNull(env, "env");
    JsonNode tree = YamlReader.read(yamlText);
    return ConfigMapper.map(tree == null ? null : EnvSubstitution.apply(tree, env));
  }

  /**
   * Reads {@code file} (UTF-8) and {@linkplain #parse parses} it.
   *
   * @throws ConfigException if the file is missing or unreadable (the path is then the file), or its content is invalid
   */
  public static GatewayConfig load(Path file, Map<String, String> env) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new ConfigException(file.toString(), "config file not found", e);
    } catch (IOException e) {
      throw new ConfigException(file.toString(), "cannot read the config file: " + e, e);
    }
    return parse(text, env);
  }
}
