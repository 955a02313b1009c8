package dev.switchboard.launcher.config;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.switchboard.launcher.config.ConfigAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

class EnvSubstitutionTest {
  private static String header(String value) {
    return """
      backends:
        - name: alpha
          url: "http://127.0.0.1:9001/mcp"
          headers: {Authorization: "%s"}
      """.formatted(value);
  }

  private static String authorization(String value, Map<String, String> env) {
    return ConfigLoader.parse(header(value), env).backends().getFirst().headers().get("Authorization");
  }

  @Test
  void setVariableIsSubstituted() {
    assertThat(authorization("Bearer ${TOKEN}", Map.of("TOKEN", "abc"))).isEqualTo("Bearer abc");
  }

  @Test
  void defaultIsUsedWhenVariableIsUnset() {
    assertThat(authorization("Bearer ${TOKEN:-none}", Map.of())).isEqualTo("Bearer none");
  }

  @Test
  void defaultIsUsedWhenVariableIsEmpty() {
    assertThat(authorization("Bearer ${TOKEN:-none}", Map.of("TOKEN", ""))).isEqualTo("Bearer none");
  }

  @Test
  void setVariableWinsOverDefault() {
    assertThat(authorization("Bearer ${TOKEN:-none}", Map.of("TOKEN", "abc"))).isEqualTo("Bearer abc");
  }

  @Test
  void emptyDefaultIsAllowed() {
    assertThat(authorization("x${TOKEN:-}y", Map.of())).isEqualTo("xy");
  }

  @Test
  void doubleDollarEscapesALiteralReference() {
    assertThat(authorization("$${TOKEN}", Map.of("TOKEN", "abc"))).isEqualTo("${TOKEN}");
  }

  @Test
  void loneDollarIsKeptAsWritten() {
    assertThat(authorization("a$b $ c$$d", Map.of())).isEqualTo("a$b $ c$$d");
  }

  @Test
  void substitutedTextIsNotScannedAgain() {
    assertThat(authorization("${TOKEN}", Map.of("TOKEN", "${OTHER}"))).isEqualTo("${OTHER}");
  }

  @Test
  void unsetVariableWithoutDefaultFailsWithPathAndName() {
    assertRejected(header("Bearer ${ALPHA_TOKEN}"),
      "backends[0].headers.Authorization: environment variable ALPHA_TOKEN is not set");
  }

  @Test
  void unsetVariableInAListElementFailsWithElementPath() {
    assertRejected(ConfigAssertions.ONE_BACKEND + "server: {allowedHosts: [a.example, \"${GW_HOST}\"]}",
      "server.allowedHosts[1]: environment variable GW_HOST is not set");
  }

  @Test
  void unterminatedReferenceFailsWithPath() {
    assertRejected(header("Bearer ${TOKEN"), "backends[0].headers.Authorization: unterminated ${");
  }

  @Test
  void invalidVariableNameFailsWithPath() {
    assertRejected(header("Bearer ${1TOKEN}"), "backends[0].headers.Authorization: invalid environment variable");
  }

  @Test
  void substitutedNumberIsReadAsNumber() {
    GatewayConfig config = ConfigLoader.parse(ConfigAssertions.ONE_BACKEND + "server: {port: \"${PORT:-9090}\"}",
      Map.of());

    assertThat(config.server().port()).isEqualTo(9090);
  }

  @Test
  void keysAreNotSubstituted() {
    assertRejected(ConfigAssertions.ONE_BACKEND + "server: {\"${KEY}\": 1}", Map.of("KEY", "port"),
      "server[\"${KEY}\"]: unknown key");
  }
}
