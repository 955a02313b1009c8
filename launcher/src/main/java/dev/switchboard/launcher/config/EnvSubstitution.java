package dev.switchboard.launcher.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Replaces environment references in every string value of a YAML tree (keys are left alone):
 * {@code ${NAME}} becomes the variable's value and fails if it is unset; {@code ${NAME:-default}} falls back to the
 * default when the variable is unset or empty (the default ends at the first <code>}</code>); <code>$${</code> stands
 * for a literal <code>${</code>. Replaced text is not scanned again.
 */
final class EnvSubstitution {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private EnvSubstitution() {
  }

  /** @return a copy of {@code tree} with every string value substituted */
  static JsonNode apply(JsonNode tree, Map<String, String> env) {
    return walk(tree, "", env);
  }

  private static JsonNode walk(JsonNode node, String path, Map<String, String> env) {
    if (node.isTextual()) {
      return JsonNodeFactory.instance.textNode(substitute(node.textValue(), KeyPath.display(path), env));
    }
    if (node.isObject()) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      node.properties().forEach(e -> copy.set(e.getKey(), walk(e.getValue(), KeyPath.child(path, e.getKey()), env)));
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      for (int i = 0; i < node.size(); i++) {
        copy.add(walk(node.get(i), KeyPath.element(path, i), env));
      }
      return copy;
    }
    return node;
  }

  /**
   * @param path shown in errors
   * @throws ConfigException if a variable without default is unset or a reference is malformed
   */
  static String substitute(String text, String path, Map<String, String> env) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      if (text.startsWith("$${", i)) {
        out.append("${");
        i += 3;
      } else if (text.startsWith("${", i)) {
        int end = text.indexOf('}', i + 2);
        if (end < 0) {
          throw new ConfigException(path, "unterminated ${ (write $${ for a literal ${)");
        }
        out.append(resolve(text.substring(i + 2, end), path, env));
        i = end + 1;
      } else {
        out.append(text.charAt(i));
        i++;
      }
    }
    return out.toString();
  }

  private static String resolve(String reference, String path, Map<String, String> env) {
    int sep = reference.indexOf(":-");
    String name = sep < 0 ? reference : reference.substring(0, sep);
    if (!NAME.matcher(name).matches()) {
      throw new ConfigException(path, "invalid environment variable reference ${" + reference + "}"
        + " (expected ${NAME} or ${NAME:-default}; write $${ for a literal ${)");
    }
    String value = env.get(name);
    if (sep >= 0) {
      return value == null || value.isEmpty() ? reference.substring(sep + 2) : value;
    }
    if (value == null) {
      throw new ConfigException(path, "environment variable " + name + " is not set"
        + " (set it, or give a default: ${" + name + ":-default})");
    }
    return value;
  }
}
