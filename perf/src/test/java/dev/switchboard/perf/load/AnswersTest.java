package dev.switchboard.perf.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;
import java.util.concurrent.TimeoutException;
import java.net.ConnectException;

class AnswersTest {
  private static Reply json(String body) {
    return new Reply(200, "application/json", null, Buffer.buffer(body));
  }

  private static Reply sse(String body) {
    return new Reply(200, "text/event-stream", null, Buffer.buffer(body));
  }

  @Test
  void jsonResultIsReturned() {
    assertThat(Answers.result(json("{\"jsonrpc\":\"2.0\",\"id\":5,\"result\":{\"ok\":true}}"), 5).getBoolean("ok"))
      .isTrue();
  }

  @Test
  void sseSkipsNotificationsAndPrimingEvents() {
    String stream = "id: 1\ndata: \n\n"
      + "data: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":{}}\n\n"
      + "id: 2\r\ndata: {\"jsonrpc\":\"2.0\",\"id\":9,\r\ndata: \"result\":{\"n\":1}}\r\n\r\n";
    assertThat(Answers.result(sse(stream), 9).getInteger("n")).isEqualTo(1);
  }

  @Test
  void wrongIdIsAValidationError() {
    assertThatThrownBy(() -> Answers.result(json("{\"jsonrpc\":\"2.0\",\"id\":4,\"result\":{}}"), 5))
      .isInstanceOfSatisfying(LoadFailure.class, f -> assertThat(f.kind()).isEqualTo(ErrorKind.VALIDATION));
  }

  @Test
  void errorObjectIsAJsonRpcError() {
    assertThatThrownBy(() -> Answers.result(json("{\"jsonrpc\":\"2.0\",\"id\":5,\"error\":{\"code\":-32602,"
      + "\"message\":\"Unknown tool: x\"}}"), 5))
      .isInstanceOfSatisfying(LoadFailure.class, f -> assertThat(f.kind()).isEqualTo(ErrorKind.JSON_RPC));
  }

  @Test
  void streamWithoutOurResponseIsAValidationError() {
    assertThatThrownBy(() -> Answers.result(sse("data: {\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}\n\n"), 2))
      .isInstanceOfSatisfying(LoadFailure.class, f -> assertThat(f.kind()).isEqualTo(ErrorKind.VALIDATION));
  }

  @Test
  void unexpectedStatusIsAnHttpStatusError() {
    Reply reply = new Reply(404, "application/json", null, Buffer.buffer("{}"));
    assertThatThrownBy(() -> reply.expectStatus(200))
      .isInstanceOfSatisfying(LoadFailure.class, f -> assertThat(f.kind()).isEqualTo(ErrorKind.HTTP_STATUS));
  }

  @Test
  void failuresAreClassified() {
    assertThat(LoadFailure.classify(new ConnectException("refused"))).isEqualTo(ErrorKind.CONNECT);
    assertThat(LoadFailure.classify(new TimeoutException("t"))).isEqualTo(ErrorKind.TIMEOUT);
    assertThat(LoadFailure.classify(new IllegalStateException("closed"))).isEqualTo(ErrorKind.IO);
  }
}
