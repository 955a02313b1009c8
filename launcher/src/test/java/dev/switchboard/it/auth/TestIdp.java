package dev.switchboard.it.auth;

import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.RecordedRequest;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;

/**
 * The real IdP of the tests: navikt's mock-oauth2-server (discovery, JWKS, token endpoint with client credentials
 * and token exchange, introspection), with key rotation and a clock that can be moved.
 */
public final class TestIdp implements AutoCloseable {
  public static final String ISSUER_ID = "idp";
  public static final String RESOURCE = "https://gateway.test/mcp";

  private final RotatingKeyProvider keys = new RotatingKeyProvider();
  private final AtomicReference<Duration> shift = new AtomicReference<>(Duration.ZERO);
  private final MockOAuth2Server server;

  public TestIdp() {
    OAuth2TokenProvider tokens = new OAuth2TokenProvider(keys, () -> Instant.now().plus(shift.get()));
    server = new MockOAuth2Server(new OAuth2Config(false, null, null, false, tokens));
    server.start();
  }

  public MockOAuth2Server server() {
    return server;
  }

  public String issuer() {
    return server.issuerUrl(ISSUER_ID).toString();
  }

  public String jwksUrl() {
    return server.jwksUrl(ISSUER_ID).toString();
  }

  public String tokenUrl() {
    return server.tokenEndpointUrl(ISSUER_ID).toString();
  }

  /** Signs with a new key from now on; the JWKS endpoint publishes only the new key. */
  public void rotateKeys() {
    keys.rotate();
  }

  /** Moves the IdP's clock (tokens issued from now on have iat/nbf/exp shifted). */
  public void shiftClock(Duration by) {
    shift.set(by);
  }

  /** A token for the gateway (aud = the resource) with scope {@code mcp}, valid for an hour. */
  public String token(String subject) {
    return token(subject, RESOURCE, "mcp", 3600);
  }

  public String token(String subject, String audience, String scope, long expirySeconds) {
    Map<String, Object> claims = new HashMap<>();
    if (scope != null) {
      claims.put("scope", scope);
    }
    return server.issueToken(ISSUER_ID, subject, audience, claims, expirySeconds).serialize();
  }

  /** A token with the given extra claims (they override the defaults, e.g. {@code iss}). */
  public String tokenWith(String subject, Map<String, Object> claims) {
    return server.issueToken(ISSUER_ID, subject, RESOURCE, claims, 3600).serialize();
  }

  /** A token signed by the IdP but carrying no {@code aud} at all. */
  public String tokenWithoutAudience(String subject) {
    SignedJWT jwt = server.anyToken(server.issuerUrl(ISSUER_ID), Map.of("sub", subject, "scope", "mcp"),
      Duration.ofHours(1));
    return jwt.serialize();
  }

  /** The payload of a JWT, decoded. */
  public static String payload(String jwt) {
    return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
  }

  /** The requests the IdP received since the last call, in order (bounded wait: 100 ms for the next one). */
  public List<RecordedRequest> requests() {
    List<RecordedRequest> requests = new ArrayList<>();
    while (true) {
      try {
        requests.add(server.takeRequest(100, TimeUnit.MILLISECONDS));
      } catch (RuntimeException none) {
        return requests;
      }
    }
  }

  /** The header of a JWT, decoded. */
  public static String header(String jwt) {
    return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]), StandardCharsets.UTF_8);
  }

  /** The token with its header replaced (the signature no longer matches). */
  public static String withHeader(String jwt, String headerJson) {
    String[] parts = jwt.split("\\.");
    return b64(headerJson) + "." + parts[1] + "." + parts[2];
  }

  /** The token with its payload replaced (the signature no longer matches). */
  public static String withPayload(String jwt, String payloadJson) {
    String[] parts = jwt.split("\\.");
    return parts[0] + "." + b64(payloadJson) + "." + parts[2];
  }

  /** The token's payload under an {@code alg: none} header, unsigned ({@code header.payload.}). */
  public static String unsigned(String jwt) {
    String[] parts = jwt.split("\\.");
    return b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private volatile boolean closed;

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      server.shutdown();
    }
  }
}
