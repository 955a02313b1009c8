package dev.switchboard.core.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.JacksonCodec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Vert.x's Jackson codec, except that a number with a fraction or an exponent is decoded as an {@link ExactNumber}
 * (its value and its original text) instead of a {@code double}: a relayed {@code 1e999999} no longer becomes
 * {@code "Infinity"} and {@code 1E+2} no longer {@code 100.0}. Whole numbers keep Vert.x's types (Integer, Long,
 * BigInteger), which write back as they were read; only {@code -0} is kept as text too. Encoding is Vert.x's: a
 * {@code BigDecimal} is written with its {@code toString()}, which for an {@link ExactNumber} is the original text.
 * Parser limits are Vert.x's (its {@code vertx.jackson.*} system properties).
 */
public class ExactJsonCodec extends JacksonCodec {

  @Override
  public Object fromString(String str) throws DecodeException {
    return decode(JacksonCodec.createParser(str), Object.class);
  }

  @Override
  public Object fromBuffer(Buffer buf) throws DecodeException {
    return decode(JacksonCodec.createParser(buf), Object.class);
  }

  @Override
  public <T> T fromString(String str, Class<T> clazz) throws DecodeException {
    return isTree(clazz) ? decode(JacksonCodec.createParser(str), clazz) : super.fromString(str, clazz);
  }

  @Override
  public <T> T fromBuffer(Buffer buf, Class<T> clazz) throws DecodeException {
    return isTree(clazz) ? decode(JacksonCodec.createParser(buf), clazz) : super.fromBuffer(buf, clazz);
  }

  private static boolean isTree(Class<?> clazz) {
    return clazz == Object.class || clazz == Map.class || clazz == List.class || clazz == JsonObject.class
      || clazz == JsonArray.class;
  }

  private static <T> T decode(JsonParser parser, Class<T> clazz) {
    Object value;
    try (parser) {
      parser.nextToken();
      value = parseAny(parser);
      if (parser.nextToken() != null) {
        throw new DecodeException("Unexpected trailing token");
      }
    } catch (IOException | NumberFormatException e) {
      throw new DecodeException(e.getMessage(), e);
    }
    return shape(value, clazz);
  }

  @SuppressWarnings("unchecked")
  private static <T> T shape(Object value, Class<T> clazz) {
    if (value instanceof Map<?, ?> map) {
      if (clazz == Object.class || clazz == JsonObject.class) {
        return (T) new JsonObject((Map<String, Object>) map);
      }
      if (clazz == Map.class) {
        return (T) map;
      }
    } else if (value instanceof List<?> list) {
      if (clazz == Object.class || clazz == JsonArray.class) {
        return (T) new JsonArray((List<Object>) list);
      }
      if (clazz == List.class) {
        return (T) list;
      }
    } else if (clazz == Object.class || value == null) {
      return (T) value;
    }
    throw new DecodeException("Failed to decode: expected " + clazz.getSimpleName());
  }

  private static Object parseAny(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == null) {
      throw new DecodeException("Unexpected end of input");
    }
    return switch (token) {
      case START_OBJECT -> parseObject(parser);
      case START_ARRAY -> parseArray(parser);
      case VALUE_STRING -> parser.getText();
      case VALUE_NUMBER_INT -> wholeNumber(parser);
      case VALUE_NUMBER_FLOAT -> new ExactNumber(parser.getText());
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw new DecodeException("Unexpected token " + token);
    };
  }

  private static Object wholeNumber(JsonParser parser) throws IOException {
    Number value = parser.getNumberValue();
    if (value instanceof Integer zero && zero == 0 && parser.getTextLength() == 2) {
      return new ExactNumber(parser.getText());
    }
    return value;
  }

  private static Map<String, Object> parseObject(JsonParser parser) throws IOException {
    Map<String, Object> map = new LinkedHashMap<>();
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      parser.nextToken();
      map.put(name, parseAny(parser));
    }
    if (parser.currentToken() != JsonToken.END_OBJECT) {
      throw new DecodeException("Unexpected token " + parser.currentToken());
    }
    return map;
  }

  private static List<Object> parseArray(JsonParser parser) throws IOException {
    List<Object> list = new ArrayList<>();
    for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
      if (token == null) {
        throw new DecodeException("Unexpected end of input");
      }
      list.add(parseAny(parser));
    }
    return list;
  }
}
