package dev.switchboard.transport.auth;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * OAuth 2.0 Protected Resource Metadata (RFC 9728), served at {@value #WELL_KNOWN} and at its path-inserted form
 * ({@code /.well-known/oauth-protected-resource/mcp}) when incoming authentication is on.
 */
public final class ProtectedResource {
  public static final String WELL_KNOWN = "/.well-known/oauth-protected-resource";

  private final String pathInserted;
  private final Buffer body;

  /**
   * @param endpointPath the MCP endpoint path ({@code server.path})
   */
  public ProtectedResource(IncomingAuthOptions options, String endpointPath) {
    this.pathInserted = WELL_KNOWN + endpointPath;
    this.body = new JsonObject()
      .put("resource", options.resource())
      .put("authorization_servers", new JsonArray().add(options.issuer()))
      .put("scopes_supported", new JsonArray(options.scopes()))
      .put("bearer_methods_supported", new JsonArray().add("header"))
      .toBuffer();
  }

  /** True for the two metadata paths. */
  public boolean serves(String path) {
    return WELL_KNOWN.equals(path) || pathInserted.equals(path);
  }

  public void handle(HttpServerRequest req) {
    if (!"GET".equals(req.method().name()) && !"HEAD".equals(req.method().name())) {
      req.response().setStatusCode(405).putHeader(HttpHeaders.ALLOW, "GET").end();
      return;
    }
    req.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
      .putHeader(HttpHeaders.CACHE_CONTROL, "max-age=3600").end(body);
  }
}
