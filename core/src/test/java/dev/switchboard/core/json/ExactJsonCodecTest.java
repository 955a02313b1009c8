package dev.switchboard.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ExactJsonCodecTest {

  @Test
  void vertxUsesTheExactCodec() {
    assertThat(Json.CODEC).isInstanceOf(ExactJsonCodec.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e999999", "-1E-999999", "12345678901234567890123", "1E+2", "1.5", "1.50", "-0", "0",
    "-0.0", "3", "-42", "9223372036854775808", "2.5e-3"})
  void numbersRoundTripByteExact(String number) {
    String json = "{\"id\":" + number + ",\"a\":[" + number + ",{\"n\":" + number + "}]}";

    assertThat(new JsonObject(Buffer.buffer(json)).encode()).isEqualTo(json);
    assertThat(Json.encode(Json.decodeValue(json))).isEqualTo(json);
    assertThat(new JsonObject(json).copy().encode()).isEqualTo(json);
  }

  @Test
  void fractionKeepsItsValue() {
    JsonObject json = new JsonObject("{\"x\":1E+2,\"y\":2.5}");

    assertThat(json.getInteger("x")).isEqualTo(100);
    assertThat(json.getDouble("y")).isEqualTo(2.5);
    assertThat((BigDecimal) json.getValue("x")).isEqualByComparingTo("100");
  }

  @Test
  void decodedFractionEqualsTheSameDouble() {
    assertThat(new JsonObject("{\"x\":1.5}")).isEqualTo(new JsonObject().put("x", 1.5));
  }

  @Test
  void arraysAndNestingDecodeAsVertxDoes() {
    JsonArray array = new JsonArray("[1,\"two\",true,null,{\"k\":[3]}]");

    assertThat(array.getInteger(0)).isEqualTo(1);
    assertThat(array.getString(1)).isEqualTo("two");
    assertThat(array.getBoolean(2)).isTrue();
    assertThat(array.getValue(3)).isNull();
    assertThat(array.getJsonObject(4).getJsonArray("k").getInteger(0)).isEqualTo(3);
  }

  @Test
  void trailingGarbageIsRejected() {
    assertThatThrownBy(() -> Json.decodeValue("{} x")).isInstanceOf(DecodeException.class);
  }

  @Test
  void wrongShapeIsRejected() {
    assertThatThrownBy(() -> new JsonObject("[1]")).isInstanceOf(DecodeException.class);
  }

  @Test
  void scalarsDecode() {
    assertThat(Json.decodeValue("\"s\"")).isEqualTo("s");
    assertThat(Json.decodeValue("7")).isEqualTo(7);
    assertThat(Json.decodeValue("null")).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "1E+2", "1e999999", "1.0", "12345678901234567890123", "-0", "0.0"})
  void integralIds(String number) {
    assertThat(JsonNumbers.isIntegral((Number) Json.decodeValue(number))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.5", "1e-1", "-0.25", "1e-999999"})
  void fractionalIds(String number) {
    assertThat(JsonNumbers.isIntegral((Number) Json.decodeValue(number))).isFalse();
  }
}
