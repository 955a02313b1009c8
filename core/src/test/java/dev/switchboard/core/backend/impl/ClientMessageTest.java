package dev.switchboard.core.backend.impl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.backend.BackendException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import java.net.ConnectException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What a client is told of a backend failure: the backend and a generic reason, nothing internal (issue 10). */
class ClientMessageTest {

  @Test
  void fullWaitQueueIsBusy() {
    BackendException failure = (BackendException) FailureClassifier.classify("alpha",
      new ConnectionPoolTooBusyException("Connection pool reached max wait queue size of 1024"));

    assertThat(failure.kind()).isEqualTo(BackendException.Kind.BUSY);
    assertThat(failure.clientMessage()).isEqualTo("backend 'alpha': busy");
  }

  @Test
  void refusedConnectionIsUnreachableWithoutAddress() {
    BackendException failure = (BackendException) FailureClassifier.classify("alpha",
      new ConnectException("Connection refused: /127.0.0.1:18483"));

    assertThat(failure.getMessage()).contains("127.0.0.1:18483");
    assertThat(failure.clientMessage()).isEqualTo("backend 'alpha': unreachable");
  }

  @Test
  void httpStatusKeepsOnlyTheStatus() {
    BackendException failure = FailureClassifier.status("alpha", "s-1", 502, "<html>nginx at 10.0.0.7</html>");

    assertThat(failure.clientMessage()).isEqualTo("backend 'alpha': HTTP 502");
  }

  @Test
  void timeoutIsTimedOut() {
    assertThat(FailureClassifier.timeout("alpha", Duration.ofSeconds(30)).clientMessage())
      .isEqualTo("backend 'alpha': timed out");
  }

  @Test
  void badAnswerIsAnInvalidAnswer() {
    assertThat(FailureClassifier.protocol("alpha", "response body is not valid JSON: Unexpected character ('<')")
      .clientMessage()).isEqualTo("backend 'alpha': invalid answer");
  }
}
