package dev.switchboard.transport.stateless;

import dev.switchboard.transport.streamable.ErrorMapper;
import io.vertx.core.json.JsonObject;

/**
 * The outcome of a call held here for a client whose retry reached another instance: sent back to that instance
 * ({@link InputBridge#ANSWER}), which answers the client's POST. Notifications stay here: they cannot be streamed
 * through the other instance.
 */
final class RelayedAnswer implements StatelessAnswer {
  private final InstanceLink link;
  private final String to;
  private final String token;

  RelayedAnswer(InstanceLink link, String to, String token) {
    this.link = link;
    this.to = to;
    this.token = token;
  }

  @Override
  public void notify(JsonObject message) {
  }

  @Override
  public void result(JsonObject result) {
    link.publish(InputBridge.ANSWER, new JsonObject().put("to", to).put("token", token).put("result", result));
  }

  @Override
  public void fail(Throwable failure) {
    link.publish(InputBridge.ANSWER, new JsonObject().put("to", to).put("token", token)
      .put("error", ErrorMapper.errorObject(failure)));
  }

  @Override
  public void onGone(Runnable action) {
  }
}
