package dev.switchboard.core.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.EncodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.JacksonCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 *
 * <p>A {@link RawObject} nobody has parsed is written as its bytes ({@link #decodeMessage} cuts a message's result and
 * a request's arguments out that way) when it is a message's {@code result} or {@code params.arguments}, or that of
 * a message in a batch; anywhere else it is parsed and written like any map.
 */
public class ExactJsonCodec extends JacksonCodec {
  private static final JsonFactory GENERATORS = new JsonFactory();
  /** For {@link #decodeMessage}: JSON as the standard has it (no comments), UTF-8, Jackson's default read limits. */
  private static final JsonFactory STRICT = JsonFactory.builder().disable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
    .disable(JsonReadFeature.ALLOW_YAML_COMMENTS).build();

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

  @Override
  public Buffer toBuffer(Object object, boolean pretty) throws EncodeException {
    long rawBytes = pretty ? -1 : rawBytes(object);
    if (rawBytes < 0) {
      return super.toBuffer(object, pretty);
    }
    SplicedOutput out = new SplicedOutput(rawBytes < SplicedOutput.SPLICE_BYTES ? (int) rawBytes + 512 : 512);
    try (JsonGenerator generator = GENERATORS.createGenerator(out, JsonEncoding.UTF8)) {
      write(object, generator, out);
    } catch (IOException e) {
      throw new EncodeException(e.getMessage(), e);
    }
    return out.result();
  }

  @Override
  public String toString(Object object, boolean pretty) throws EncodeException {
    if (pretty || rawBytes(object) < 0) {
      return super.toString(object, pretty);
    }
    return toBuffer(object, false).toString(StandardCharsets.UTF_8);
  }

  /**
   * Decodes one JSON-RPC message. When it is an object whose {@code result} is an object, or whose {@code params} hold
   * an {@code arguments} object, that object is not parsed: it is checked for syntax (its top-level {@code isError}
   * read), and kept as a {@link RawObject} over those bytes of {@code body}. Only strict UTF-8 JSON is kept raw: a
   * body with comments (which Vert.x's parser accepts) or in another encoding is decoded whole, as before, so that
   * what is forwarded as bytes is always valid JSON.
   */
  public static Object decodeMessage(Buffer body) throws DecodeException {
    try (JsonParser parser = strictParser(body)) {
      Object value = parser.nextToken() == JsonToken.START_OBJECT ? parseObject(parser, body, Within.MESSAGE)
        : parseAny(parser);
      if (parser.nextToken() != null) {
        throw new DecodeException("Unexpected trailing token");
      }
      return shape(value, Object.class);
    } catch (IOException | NumberFormatException | DecodeException | IndexOutOfBoundsException e) {
      return decode(JacksonCodec.createParser(body), Object.class);
    }
  }

  /**
   * A strict parser over the body's own bytes when they are one heap array (a body collected from the network is),
   * else over a copy. Its byte offsets count from the body's start either way.
   */
  private static JsonParser strictParser(Buffer body) throws IOException {
    if (body instanceof BufferInternal internal) {
      ByteBuf bytes = internal.getByteBuf();
      if (bytes.hasArray()) {
        return STRICT.createParser(bytes.array(), bytes.arrayOffset() + bytes.readerIndex(), bytes.readableBytes());
      }
    }
    return STRICT.createParser(body.getBytes());
  }

  /** The object the parser is on, skipped and kept as a {@link RawObject} over its bytes. */
  private static JsonObject raw(JsonParser parser, Buffer body) throws IOException {
    long start = parser.currentTokenLocation().getByteOffset();
    boolean isError = skipObject(parser);
    long end = parser.currentLocation().getByteOffset();
    if (start < 0 || end <= start) {
      throw new DecodeException("no byte offsets (not UTF-8)");
    }
    return RawObject.of(body.slice((int) start, (int) end), isError);
  }

  /** Skips an object (the parser on its start), returning whether its {@code isError} is {@code true}. */
  private static boolean skipObject(JsonParser parser) throws IOException {
    boolean isError = false;
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      JsonToken value = parser.nextToken();
      if ("isError".equals(name)) {
        isError = value == JsonToken.VALUE_TRUE;
      }
      parser.skipChildren();
    }
    if (parser.currentToken() != JsonToken.END_OBJECT) {
      throw new DecodeException("Unexpected token " + parser.currentToken());
    }
    return isError;
  }

  /** Parses the bytes of a {@link RawObject}. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> decodeMap(Buffer bytes) {
    return decode(JacksonCodec.createParser(bytes), Map.class);
  }

  /**
   * The bytes of the unparsed raw objects where {@link #decodeMessage} and answers put them: {@code value} itself, a
   * message's {@code result} or {@code params.arguments}, or those of the messages of a batch; -1 when there are
   * none. A raw object anywhere else is written parsed.
   */
  private static long rawBytes(Object value) {
    Buffer raw = RawObject.unparsedBytes(value);
    if (raw != null) {
      return raw.length();
    }
    Object unwrapped = value instanceof JsonObject object ? object.getMap()
      : value instanceof JsonArray array ? array.getList() : value;
    if (unwrapped instanceof Map<?, ?> message) {
      return resultBytes(message);
    }
    long total = -1;
    if (unwrapped instanceof List<?> batch) {
      for (Object element : batch) {
        Object map = element instanceof JsonObject object ? object.getMap() : element;
        long bytes = map instanceof Map<?, ?> message ? resultBytes(message) : -1;
        if (bytes >= 0) {
          total = Math.max(total, 0) + bytes;
        }
      }
    }
    return total;
  }

  private static long resultBytes(Map<?, ?> message) {
    if (message instanceof RawObject) {
      return -1;
    }
    Buffer raw = RawObject.unparsedBytes(message.get("result"));
    Object params = message.get("params");
    Object paramsMap = params instanceof JsonObject object ? object.getMap() : params;
    if (raw == null && paramsMap instanceof Map<?, ?> map && !(map instanceof RawObject)) {
      raw = RawObject.unparsedBytes(map.get("arguments"));
    }
    return raw == null ? -1 : raw.length();
  }

  /** Vert.x's encoding, except that an unparsed raw object goes out as its bytes. */
  private static void write(Object value, JsonGenerator generator, SplicedOutput out) throws IOException {
    Buffer raw = RawObject.unparsedBytes(value);
    if (raw != null) {
      generator.writeRawValue("");
      generator.flush();
      out.splice(raw);
      return;
    }
    Object unwrapped = value instanceof JsonObject object ? object.getMap()
      : value instanceof JsonArray array ? array.getList() : value;
    if (unwrapped instanceof Map<?, ?> map) {
      generator.writeStartObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        generator.writeFieldName((String) entry.getKey());
        write(entry.getValue(), generator, out);
      }
      generator.writeEndObject();
    } else if (unwrapped instanceof List<?> list) {
      generator.writeStartArray();
      for (Object element : list) {
        write(element, generator, out);
      }
      generator.writeEndArray();
    } else {
      JacksonCodec.encodeJson(unwrapped, generator);
    }
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
    return parseObject(parser, null, Within.PLAIN);
  }

  /**
   * An object, the parser on its start. In a message, an object {@code result} is kept raw and {@code params} are
   * read as params; in params, an object {@code arguments} is kept raw; elsewhere everything is parsed.
   */
  private static Map<String, Object> parseObject(JsonParser parser, Buffer body, Within within) throws IOException {
    Map<String, Object> map = new LinkedHashMap<>();
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      boolean object = parser.nextToken() == JsonToken.START_OBJECT;
      if (object && within == Within.MESSAGE && "result".equals(name)
          || object && within == Within.PARAMS && "arguments".equals(name)) {
        map.put(name, raw(parser, body));
      } else if (object && within == Within.MESSAGE && "params".equals(name)) {
        map.put(name, parseObject(parser, body, Within.PARAMS));
      } else {
        map.put(name, parseAny(parser));
      }
    }
    if (parser.currentToken() != JsonToken.END_OBJECT) {
      throw new DecodeException("Unexpected token " + parser.currentToken());
    }
    return map;
  }

  /** Where {@link #parseObject(JsonParser, Buffer, Within)} is: what it keeps raw. */
  private enum Within { MESSAGE, PARAMS, PLAIN }

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
