package dev.switchboard.core.json;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.AbstractMap;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * A JSON object kept as the bytes it arrived in: the map of a {@link JsonObject} that parses itself the first time
 * anything reads or changes it. Until then {@link ExactJsonCodec} writes it out as those bytes, so a backend's result
 * that the gateway only forwards is neither parsed into a tree nor encoded again. Reading or changing it is always
 * correct, only no longer free: it parses (with {@link ExactJsonCodec}) and from then on is an ordinary map.
 *
 * <p>The bytes must be one JSON object, already checked for syntax by whoever cut them out.
 */
public final class RawObject extends AbstractMap<String, Object> {
  private final Buffer bytes;
  private final boolean isError;
  private Map<String, Object> parsed;

  private RawObject(Buffer bytes, boolean isError) {
    this.bytes = bytes;
    this.isError = isError;
  }

  /**
   * @param bytes   one JSON object
   * @param isError whether its top-level {@code isError} is {@code true} (read while cutting it out)
   */
  public static JsonObject of(Buffer bytes, boolean isError) {
    return new JsonObject(new RawObject(bytes, isError));
  }

  /** The bytes of {@code object} if it is a raw object nobody has parsed yet; else null. */
  public static Buffer unparsedBytes(Object object) {
    Object map = object instanceof JsonObject json ? json.getMap() : object;
    return map instanceof RawObject raw ? raw.unparsed() : null;
  }

  /**
   * True when {@code object}'s top-level {@code isError} is {@code true}, without parsing a raw object for it.
   */
  public static boolean isError(JsonObject object) {
    if (object.getMap() instanceof RawObject raw) {
      synchronized (raw) {
        if (raw.parsed == null) {
          return raw.isError;
        }
      }
    }
    return Boolean.TRUE.equals(object.getValue("isError"));
  }

  private synchronized Buffer unparsed() {
    return parsed == null ? bytes : null;
  }

  private synchronized Map<String, Object> map() {
    if (parsed == null) {
      parsed = ExactJsonCodec.decodeMap(bytes);
    }
    return parsed;
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return map().entrySet();
  }

  @Override
  public Set<String> keySet() {
    return map().keySet();
  }

  @Override
  public Collection<Object> values() {
    return map().values();
  }

  @Override
  public int size() {
    return map().size();
  }

  @Override
  public boolean isEmpty() {
    return map().isEmpty();
  }

  @Override
  public boolean containsKey(Object key) {
    return map().containsKey(key);
  }

  @Override
  public boolean containsValue(Object value) {
    return map().containsValue(value);
  }

  @Override
  public Object get(Object key) {
    return map().get(key);
  }

  @Override
  public Object put(String key, Object value) {
    return map().put(key, value);
  }

  @Override
  public Object remove(Object key) {
    return map().remove(key);
  }

  @Override
  public void putAll(Map<? extends String, ?> other) {
    map().putAll(other);
  }

  @Override
  public void clear() {
    map().clear();
  }

  @Override
  public boolean equals(Object other) {
    return map().equals(other);
  }

  @Override
  public int hashCode() {
    return map().hashCode();
  }

  @Override
  public String toString() {
    return map().toString();
  }
}
