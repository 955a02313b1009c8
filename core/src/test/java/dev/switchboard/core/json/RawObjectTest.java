package dev.switchboard.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;

/** A backend's result forwarded as the bytes it came in: cut out by decodeMessage, spliced back by the codec. */
class RawObjectTest {
  private static final String RESULT = "{\"content\":[{\"type\":\"text\",\"text\":\"caf\\u00e9 \u2603\"}],"
    + "\"structuredContent\":{\"n\":1E+2,\"z\":-0,\"big\":12345678901234567890123},\"isError\":false}";

  private static JsonObject decode(String message) {
    return (JsonObject) ExactJsonCodec.decodeMessage(Buffer.buffer(message));
  }

  private static JsonObject response(Object id, JsonObject result) {
    return new JsonObject().put("jsonrpc", "2.0").put("id", id).put("result", result);
  }

  @Test
  void aResultIsKeptAsItsBytesAndWrittenBackAsThem() {
    JsonObject message = decode("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":" + RESULT + "}");
    JsonObject result = message.getJsonObject("result");

    assertThat(RawObject.unparsedBytes(result)).isEqualTo(Buffer.buffer(RESULT));
    assertThat(response("client-1", result).encode())
      .isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":\"client-1\",\"result\":" + RESULT + "}");
    assertThat(response(2, result).toBuffer().toString())
      .isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":" + RESULT + "}");
    assertThat(RawObject.unparsedBytes(result)).as("writing does not parse it").isNotNull();
    assertThat(message.getInteger("id")).isEqualTo(7);
  }

  @Test
  void aBodyThatIsASliceOfALargerBufferIsCutAtItsOwnOffsets() {
    String message = "{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":" + RESULT + "}";
    Buffer larger = Buffer.buffer("garbage before " + message + " and after");
    int start = "garbage before ".length();
    Buffer body = larger.slice(start, start + message.getBytes(StandardCharsets.UTF_8).length);

    JsonObject result = ((JsonObject) ExactJsonCodec.decodeMessage(body)).getJsonObject("result");

    assertThat(RawObject.unparsedBytes(result)).isEqualTo(Buffer.buffer(RESULT));
    assertThat(response(1, result).encode()).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":" + RESULT + "}");
  }

  @Test
  void aLargeResultIsSplicedWithoutACopyAndSurvivesBeingWrittenAndReleased() {
    String text = "x".repeat(SplicedOutput.SPLICE_BYTES);
    String large = "{\"content\":[{\"type\":\"text\",\"text\":\"" + text + "\"}]}";
    JsonObject message = decode("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":" + large + "}");
    JsonObject result = message.getJsonObject("result");
    String expected = "{\"jsonrpc\":\"2.0\",\"id\":\"c\",\"result\":" + large + "}";

    Buffer written = response("c", result).toBuffer();
    assertThat(((BufferInternal) written).getByteBuf()).as("a composite, not one copied array")
      .matches(bytes -> !bytes.hasArray());
    assertThat(written.toString(StandardCharsets.UTF_8)).isEqualTo(expected);
    assertThat(written.appendString("\n").toString(StandardCharsets.UTF_8)).isEqualTo(expected + "\n");

    // the network layer releases what it wrote: the raw bytes must stay readable for the next write
    ((BufferInternal) response("c", result).toBuffer()).getByteBuf().release();
    assertThat(response("c", result).toBuffer().toString(StandardCharsets.UTF_8)).isEqualTo(expected);
    assertThat(result.getJsonArray("content").getJsonObject(0).getString("text")).isEqualTo(text);
  }

  @Test
  void aSmallResultIsCopiedIntoOneBuffer() {
    JsonObject result = decode("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":" + RESULT + "}").getJsonObject("result");
    assertThat(((BufferInternal) response(1, result).toBuffer()).getByteBuf().hasArray()).isTrue();
  }

  @Test
  void isErrorIsReadWithoutParsing() {
    JsonObject failed = decode("{\"id\":1,\"result\":{\"content\":[],\"isError\":true}}").getJsonObject("result");
    JsonObject ok = decode("{\"id\":1,\"result\":{\"isError\":true,\"isError\":false}}").getJsonObject("result");

    assertThat(RawObject.isError(failed)).isTrue();
    assertThat(RawObject.isError(ok)).isFalse();
    assertThat(RawObject.unparsedBytes(failed)).isNotNull();
    assertThat(RawObject.isError(new JsonObject().put("isError", true))).isTrue();
  }

  @Test
  void readingOrChangingAResultParsesItAndFromThenOnItIsAnOrdinaryObject() {
    JsonObject result = decode("{\"id\":1,\"result\":" + RESULT + "}").getJsonObject("result");

    assertThat(result.getJsonArray("content").getJsonObject(0).getString("text")).isEqualTo("café ☃");
    assertThat(result.getJsonObject("structuredContent").getInteger("n")).isEqualTo(100);
    assertThat(RawObject.unparsedBytes(result)).isNull();
    assertThat(result).isEqualTo(new JsonObject(RESULT));

    result.put("resultType", "complete");
    assertThat(response(1, result).encode()).contains("\"resultType\":\"complete\"")
      .contains("\"n\":1E+2,\"z\":-0,\"big\":12345678901234567890123");
  }

  @Test
  void aCopyIsAParsedCopy() {
    JsonObject result = decode("{\"id\":1,\"result\":" + RESULT + "}").getJsonObject("result");
    JsonObject copy = result.copy();
    copy.put("extra", 1);

    assertThat(result.containsKey("extra")).isFalse();
    assertThat(copy.getJsonArray("content")).hasSize(1);
  }

  @Test
  void resultsInABatchAreSplicedAndDeeperOnesAreWrittenParsed() {
    JsonObject result = decode("{\"id\":1,\"result\":{\"a\":[1,2]}}").getJsonObject("result");
    JsonArray batch = new JsonArray().add(response(1, result)).add(response(2, result));
    assertThat(batch.encode()).isEqualTo("[{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"a\":[1,2]}},"
      + "{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{\"a\":[1,2]}}]");

    JsonObject deep = new JsonObject().put("x", new JsonObject().put("y", new JsonObject().put("z", result)));
    assertThat(Json.encode(deep)).isEqualTo("{\"x\":{\"y\":{\"z\":{\"a\":[1,2]}}}}");
  }

  @Test
  void whatIsNotAnObjectResultIsParsedAsBefore() {
    assertThat(decode("{\"id\":1,\"result\":[1]}").getValue("result")).isEqualTo(new JsonArray().add(1));
    assertThat(decode("{\"id\":1,\"error\":{\"code\":-32601,\"message\":\"no\"}}").getJsonObject("error")
      .getInteger("code")).isEqualTo(-32601);
    assertThat(ExactJsonCodec.decodeMessage(Buffer.buffer("[{\"id\":1,\"result\":{}}]"))).isInstanceOf(JsonArray.class);
    assertThat(decode("{\"params\":{\"result\":{\"a\":1}}}").getJsonObject("params").getJsonObject("result")
      .getMap()).isNotInstanceOf(RawObject.class);
  }

  @Test
  void aRequestsArgumentsAreKeptAsBytesAndForwardedAsThem() {
    String arguments = "{\"text\":\"caf\\u00e9\",\"n\":1E+2,\"deep\":{\"a\":[1,{\"b\":null}]}}";
    JsonObject request = decode("{\"jsonrpc\":\"2.0\",\"id\":\"c-1\",\"method\":\"tools/call\",\"params\":{\"name\":"
      + "\"gw_echo\",\"arguments\":" + arguments + ",\"_meta\":{\"progressToken\":7}}}");
    JsonObject params = request.getJsonObject("params");
    assertThat(RawObject.unparsedBytes(params.getJsonObject("arguments"))).isEqualTo(Buffer.buffer(arguments));
    assertThat(params.getJsonObject("_meta").getInteger("progressToken")).isEqualTo(7);

    JsonObject forwarded = new JsonObject(new LinkedHashMap<>(params.getMap())).put("name", "echo");
    assertThat(new JsonObject().put("jsonrpc", "2.0").put("id", 3).put("method", "tools/call")
      .put("params", forwarded).encode()).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\","
        + "\"params\":{\"name\":\"echo\",\"arguments\":" + arguments + ",\"_meta\":{\"progressToken\":7}}}");
    assertThat(params.getJsonObject("arguments").getJsonObject("deep").getJsonArray("a")).hasSize(2);
  }

  @Test
  void aResultWithCommentsIsDecodedWholeSoThatNoCommentIsForwarded() {
    JsonObject message = decode("{\"id\":1,\"result\":{\"a\":1 /* x */, // y\n \"b\":2}}");

    assertThat(RawObject.unparsedBytes(message.getJsonObject("result"))).isNull();
    assertThat(response(1, message.getJsonObject("result")).encode())
      .isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"a\":1,\"b\":2}}");
  }

  @Test
  void aBodyInAnotherEncodingIsDecodedWholeAsBefore() {
    Buffer utf16 = Buffer.buffer("{\"id\":1,\"result\":{\"a\":\"\u00e9\"}}".getBytes(StandardCharsets.UTF_16BE));
    JsonObject message = (JsonObject) ExactJsonCodec.decodeMessage(utf16);

    assertThat(message.getJsonObject("result").getString("a")).isEqualTo("\u00e9");
    assertThat(RawObject.unparsedBytes(message.getJsonObject("result"))).isNull();
  }

  @Test
  void aMalformedResultIsADecodeError() {
    assertThatThrownBy(() -> decode("{\"id\":1,\"result\":{\"a\":}}")).isInstanceOf(DecodeException.class);
    assertThatThrownBy(() -> decode("{\"id\":1,\"result\":{\"a\":1}")).isInstanceOf(DecodeException.class);
    assertThatThrownBy(() -> decode("{\"id\":1,\"result\":{\"a\":1}} x")).isInstanceOf(DecodeException.class);
    assertThatThrownBy(() -> decode("{\"id\":1,\"result\":{\"a\":\"\\q\"}}")).isInstanceOf(DecodeException.class);
  }
}
