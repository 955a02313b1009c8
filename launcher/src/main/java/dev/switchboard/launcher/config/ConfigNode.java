package dev.switchboard.launcher.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One node of the (substituted) YAML tree together with its key path. Every typed read checks the node's type and
 * range and fails with a {@link ConfigException} naming the path. An absent key and an explicit {@code null} (an empty
 * YAML value) read the same: the caller's default applies.
 */
final class ConfigNode {
  private final JsonNode node;
  private final String path;

  private ConfigNode(JsonNode node, String path) {
    this.node = node == null ? MissingNode.getInstance() : node;
    this.path = path;
  }

  static ConfigNode root(JsonNode node) {
    return new ConfigNode(node, "");
  }

  /** Whether the key is there (and not null). */
  boolean isPresent() {
    return !node.isMissingNode() && !node.isNull();
  }

  ConfigException fail(String problem) {
    return new ConfigException(KeyPath.display(path), problem);
  }

  /**
   * Checks that this node is a map (or absent) holding only the given keys.
   *
   * @return this node, for chaining
   */
  ConfigNode requireKeys(String... known) {
    entries().keySet().stream()
      .filter(key -> !List.of(known).contains(key))
      .findFirst()
      .ifPresent(key -> {
        throw new ConfigException(KeyPath.child(path, key), "unknown key (known: " + String.join(", ", known) + ")");
      });
    return this;
  }

  /** The child under {@code key}; absent if this node is absent. Call {@link #requireKeys} first. */
  ConfigNode get(String key) {
    return new ConfigNode(node.isObject() ? node.get(key) : null, KeyPath.child(path, key));
  }

  /** The entries of a map, in document order; empty if absent. */
  Map<String, ConfigNode> entries() {
    if (!isPresent()) {
      return Map.of();
    }
    if (!node.isObject()) {
      throw fail("expected a map, got " + describe());
    }
    Map<String, ConfigNode> entries = new LinkedHashMap<>();
    node.properties().forEach(e -> entries.put(e.getKey(), new ConfigNode(e.getValue(), KeyPath.child(path, e.getKey()))));
    return entries;
  }

  /** The elements of a list; empty if absent. */
  List<ConfigNode> elements() {
    if (!isPresent()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw fail("expected a list, got " + describe());
    }
    List<ConfigNode> elements = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      elements.add(new ConfigNode(node.get(i), KeyPath.element(path, i)));
    }
    return elements;
  }

  /**
   * A string. YAML reads unquoted {@code 010}, {@code 0x1F}, {@code on} or {@code yes} as numbers and booleans, so
   * those are rejected with a hint to quote the value rather than silently turned back into different text.
   */
  String text(String defaultValue) {
    if (!isPresent()) {
      return defaultValue;
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isNumber() || node.isBoolean()) {
      throw fail("expected a string, got " + (node.isNumber() ? "the number " : "the boolean ") + node.asText()
        + " (put the value in quotes)");
    }
    throw fail("expected a string, got " + describe());
  }

  String requiredText() {
    String text = text(null);
    if (text == null) {
      throw fail("required");
    }
    return text;
  }

  /** A boolean: {@code true}/{@code false}, or those words as a string (e.g. from {@code ${AUDIT}}). */
  boolean bool(boolean defaultValue) {
    if (!isPresent()) {
      return defaultValue;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isTextual() && node.textValue().strip().matches("(?i)true|false")) {
      return Boolean.parseBoolean(node.textValue().strip());
    }
    throw fail("expected true or false, got " + describe());
  }

  /** A whole number in {@code [min, max]}; a string of digits (e.g. from {@code ${PORT}}) counts. */
  int integer(int defaultValue, int min, int max) {
    if (!isPresent()) {
      return defaultValue;
    }
    boolean digits = node.isTextual() && node.textValue().strip().matches("-?\\d+");
    if (!node.isIntegralNumber() && !digits) {
      throw fail("expected a whole number, got " + describe());
    }
    BigInteger value = digits ? new BigInteger(node.textValue().strip()) : node.bigIntegerValue();
    boolean tooSmall = value.compareTo(BigInteger.valueOf(min)) < 0;
    if (tooSmall || value.compareTo(BigInteger.valueOf(max)) > 0) {
      throw fail(rangeProblem(min, max, tooSmall));
    }
    return value.intValueExact();
  }

  private static String rangeProblem(int min, int max, boolean tooSmall) {
    if (max != Integer.MAX_VALUE) {
      return "must be between " + min + " and " + max;
    }
    if (!tooSmall) {
      return "must be at most " + max;
    }
    return min == 1 ? "must be greater than 0" : "must be at least " + min;
  }

  /** A duration greater than zero (formats: {@link Durations}). */
  Duration duration(Duration defaultValue) {
    if (!isPresent()) {
      return defaultValue;
    }
    Duration value;
    try {
      value = Durations.parse(scalarText());
    } catch (IllegalArgumentException e) {
      throw fail("not a duration: " + describe() + " (" + Durations.FORMATS + ")");
    }
    if (value.isZero() || value.isNegative()) {
      throw fail("must be greater than 0");
    }
    return value;
  }

  /** A size in bytes greater than zero (formats: {@link ByteSizes}). */
  long byteSize(long defaultValue) {
    if (!isPresent()) {
      return defaultValue;
    }
    long value;
    try {
      value = ByteSizes.parse(scalarText());
    } catch (IllegalArgumentException e) {
      throw fail("not a size: " + describe() + " (" + ByteSizes.FORMATS + ")");
    }
    if (value <= 0) {
      throw fail("must be greater than 0");
    }
    return value;
  }

  private String scalarText() {
    if (node.isTextual() || node.isIntegralNumber()) {
      return node.asText();
    }
    throw new IllegalArgumentException(describe());
  }

  /** The node as shown in messages: a quoted string, a number as written, or its kind. */
  private String describe() {
    if (node.isTextual()) {
      return "\"" + node.textValue() + "\"";
    }
    if (node.isObject()) {
      return "a map";
    }
    if (node.isArray()) {
      return "a list";
    }
    return node.asText();
  }
}
