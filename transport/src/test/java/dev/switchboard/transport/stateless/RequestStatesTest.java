package dev.switchboard.transport.stateless;

import dev.switchboard.core.protocol.JsonRpcError;
import dev.switchboard.core.protocol.McpException;
import io.vertx.core.json.JsonObject;
import java.util.Base64;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestStatesTest {
  private static final String KEY = "0123456789abcdef0123456789abcdef";
  private final RequestStates states = new RequestStates(KEY);

  @Test
  void aSealedStateOpensToItsPayloadUntilItExpires() {
    String state = states.seal(new JsonObject().put("c", "call").put("exp", 1_000));
    assertThat(states.open(state, 999)).isEqualTo(new JsonObject().put("c", "call").put("exp", 1_000));
    assertInvalid(() -> states.open(state, 1_001));
  }

  @Test
  void aTamperedOrForeignStateIsRefused() {
    String state = states.seal(new JsonObject().put("c", "call").put("exp", Long.MAX_VALUE));
    assertInvalid(() -> states.open(state + "-TAMPERED", 0));
    String[] parts = state.split("\\.");
    String otherPayload = Base64.getUrlEncoder().withoutPadding()
      .encodeToString(new JsonObject().put("c", "another").put("exp", Long.MAX_VALUE).toBuffer().getBytes());
    assertInvalid(() -> states.open(parts[0] + "." + otherPayload + "." + parts[2], 0));
    assertInvalid(() -> new RequestStates("another key, just as long as the first").open(state, 0));
    assertInvalid(() -> states.open(42, 0));
    assertInvalid(() -> states.open("v1.", 0));
    assertInvalid(() -> states.open("v2.abc.def", 0));
  }

  @Test
  void instancesWithTheSameKeyShareStates() {
    String state = states.seal(new JsonObject().put("exp", Long.MAX_VALUE));
    assertThat(new RequestStates(KEY).open(state, 0).containsKey("exp")).isTrue();
  }

  @Test
  void aShortKeyIsRefused() {
    assertThatThrownBy(() -> new RequestStates("short")).isInstanceOf(IllegalArgumentException.class);
  }

  private static void assertInvalid(Runnable action) {
    assertThatThrownBy(action::run).isInstanceOfSatisfying(McpException.class, e -> {
      assertThat(e.code()).isEqualTo(JsonRpcError.INVALID_PARAMS);
      assertThat(e.getMessage()).isEqualTo("Invalid or expired requestState");
    });
  }
}
