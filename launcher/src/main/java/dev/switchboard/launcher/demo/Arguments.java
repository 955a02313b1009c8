package dev.switchboard.launcher.demo;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/**
 * Typed access to tool arguments. A missing, mistyped or unexpected argument throws {@link IllegalArgumentException}
 * with a message saying what is wrong; the server kit turns that into an {@code isError} tool result.
 */
final class Arguments {
  private Arguments() {
  }

  static String string(JsonObject args, String name) {
    Object value = required(args, name, "string");
    if (!(value instanceof String text)) {
      throw mistyped(name, "string", value);
    }
    return text;
  }

  static double number(JsonObject args, String name) {
    Object value = required(args, name, "number");
    if (!(value instanceof Number number)) {
      throw mistyped(name, "number", value);
    }
    double result = number.doubleValue();
    if (Double.isNaN(result) || Double.isInfinite(result)) {
      throw new IllegalArgumentException("Argument '" + name + "' must be a finite number");
    }
    return result;
  }

  /** An integer in {@code [min, max]}. */
  static long integer(JsonObject args, String name, long min, long max) {
    Object value = required(args, name, "integer");
    if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
      throw mistyped(name, "integer", value);
    }
    long result = number.longValue();
    if (result < min || result > max) {
      throw new IllegalArgumentException("Argument '" + name + "' must be between " + min + " and " + max
        + ", got " + result);
    }
    return result;
  }

  /** Rejects arguments the schema does not declare (the schemas say {@code additionalProperties: false}). */
  static void only(JsonObject args, Set<String> allowed) {
    for (String name : args.fieldNames()) {
      if (!allowed.contains(name)) {
        throw new IllegalArgumentException("Unexpected argument '" + name + "'; expected only " + allowed);
      }
    }
  }

  private static Object required(JsonObject args, String name, String type) {
    Object value = args.getValue(name);
    if (value == null) {
      throw new IllegalArgumentException("Missing required argument '" + name + "' (" + type + ")");
    }
    return value;
  }

  private static IllegalArgumentException mistyped(String name, String type, Object value) {
    return new IllegalArgumentException("Argument '" + name + "' must be a " + type + ", got " + jsonType(value));
  }

  private static String jsonType(Object value) {
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof Number) {
      return "number";
    }
    if (value instanceof Boolean) {
      return "boolean";
    }
    if (value instanceof JsonArray) {
      return "array";
    }
    return value instanceof JsonObject ? "object" : "null";
  }
}
