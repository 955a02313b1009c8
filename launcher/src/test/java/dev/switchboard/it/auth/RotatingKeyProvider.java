package dev.switchboard.it.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import no.nav.security.mock.oauth2.token.KeyProvider;

/**
 * The IdP's key provider with key rotation: after {@link #rotate()}, the mock IdP signs with a new RSA key (key id
 * {@code <issuer>-<generation>}) and its JWKS endpoint publishes only that key, as an IdP does after a rotation.
 */
final class RotatingKeyProvider extends KeyProvider {
  private final AtomicInteger generation = new AtomicInteger();
  private final Map<String, JWK> keys = new ConcurrentHashMap<>();

  void rotate() {
    generation.incrementAndGet();
  }

  @Override
  public JWK signingKey(String issuerId) {
    String kid = issuerId + "-" + generation.get();
    return keys.computeIfAbsent(kid, id -> {
      try {
        return new RSAKeyGenerator(2048).keyID(id).generate();
      } catch (JOSEException e) {
        throw new IllegalStateException(e);
      }
    });
  }
}
