package dev.switchboard.transport.streamable;

import dev.switchboard.core.protocol.JsonRpcError;

/**
 * A transport-level rejection: the HTTP status to answer with and the JSON-RPC error code for the body. It travels as
 * a failed future and is turned into a response in one place (see {@link ErrorMapper}).
 */
public class HttpFailure extends RuntimeException {
  private final int status;
  private final int jsonRpcCode;
  private final Object data;

  public HttpFailure(int status, int jsonRpcCode, String message) {
    this(status, jsonRpcCode, message, null);
  }

  /** @param data the JSON-RPC error's {@code data} (a JSON value), or null */
  public HttpFailure(int status, int jsonRpcCode, String message, Object data) {
    super(message, null, false, false);
    this.status = status;
    this.jsonRpcCode = jsonRpcCode;
    this.data = data;
  }

  /** The JSON-RPC error's {@code data}, or null. */
  public Object data() {
    return data;
  }

  public int status() {
    return status;
  }

  public int jsonRpcCode() {
    return jsonRpcCode;
  }

  public static HttpFailure of(int status, int jsonRpcCode, String message) {
    return new HttpFailure(status, jsonRpcCode, message);
  }

  /** A transport rejection with the generic server error code {@value JsonRpcError#SERVER_ERROR}. */
  public static HttpFailure of(int status, String message) {
    return new HttpFailure(status, JsonRpcError.SERVER_ERROR, message);
  }

  public static HttpFailure badRequest(String message) {
    return of(400, message);
  }

  public static HttpFailure parseError(String message) {
    return of(400, JsonRpcError.PARSE_ERROR, message);
  }

  public static HttpFailure invalidRequest(String message) {
    return of(400, JsonRpcError.INVALID_REQUEST, message);
  }

  public static HttpFailure forbidden(String message) {
    return of(403, message);
  }

  public static HttpFailure notFound(String message) {
    return of(404, message);
  }

  public static HttpFailure methodNotAllowed(String message) {
    return of(405, message);
  }

  public static HttpFailure notAcceptable(String message) {
    return of(406, message);
  }

  public static HttpFailure conflict(String message) {
    return of(409, message);
  }

  public static HttpFailure payloadTooLarge(long maxBytes) {
    return of(413, "Request body exceeds " + maxBytes + " bytes");
  }

  public static HttpFailure unsupportedMediaType(String message) {
    return of(415, message);
  }
}
