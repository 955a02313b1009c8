package dev.switchboard.core.json;

import io.vertx.core.spi.JsonFactory;
import io.vertx.core.spi.json.JsonCodec;

/** Vert.x's JSON codec for this process: {@link ExactJsonCodec}, chosen before Vert.x's own (order 0). */
public final class ExactJsonFactory implements JsonFactory {
  private static final ExactJsonCodec CODEC = new ExactJsonCodec();

  @Override
  public int order() {
    return 0;
  }

  @Override
  public JsonCodec codec() {
    return CODEC;
  }
}
