package dev.switchboard.transport.kit;

import io.vertx.core.json.JsonObject;

/**
 * A notification a client sent to the server, as reported to {@link RunningServer#onNotification} listeners.
 *
 * @param sessionId the session it arrived on
 * @param method    e.g. {@code notifications/initialized}, {@code notifications/cancelled}
 * @param params    its params ({@code {}} when absent)
 */
public record ReceivedNotification(String sessionId, String method, JsonObject params) {
}
