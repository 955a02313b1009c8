package dev.switchboard.launcher.config;

import org.junit.jupiter.api.Test;

import static dev.switchboard.launcher.config.ConfigAssertions.ONE_BACKEND;
import static dev.switchboard.launcher.config.ConfigAssertions.assertRejected;
import static dev.switchboard.launcher.config.ConfigAssertions.parse;
import static org.assertj.core.api.Assertions.assertThat;

class ServerValidationTest {
  private static void assertServerRejected(String server, String messagePrefix) {
    assertRejected(ONE_BACKEND + "server: " + server, messagePrefix);
  }

  @Test
  void portAboveRangeIsRejected() {
    assertServerRejected("{port: 65536}", "server.port: must be between 0 and 65535");
  }

  @Test
  void negativePortIsRejected() {
    assertServerRejected("{port: -1}", "server.port: must be between 0 and 65535");
  }

  @Test
  void hugePortIsRejected() {
    assertServerRejected("{port: 99999999999999999999}", "server.port: must be between 0 and 65535");
  }

  @Test
  void portZeroPicksAFreePort() {
    assertThat(parse(ONE_BACKEND + "server: {port: 0}").server().port()).isZero();
  }

  @Test
  void pathWithoutLeadingSlashIsRejected() {
    assertServerRejected("{path: mcp}", "server.path: must start with /");
  }

  @Test
  void emptyHostIsRejected() {
    assertServerRejected("{host: \"\"}", "server.host: must not be empty");
  }

  @Test
  void negativeInstancesIsRejected() {
    assertServerRejected("{instances: -2}", "server.instances: must be at least 0");
  }

  @Test
  void maxBodySizeInBinaryUnitsIsParsed() {
    assertThat(parse(ONE_BACKEND + "server: {maxBodySize: 512KiB}").server().maxBodyBytes()).isEqualTo(512 * 1024);
  }

  @Test
  void malformedMaxBodySizeIsRejected() {
    assertServerRejected("{maxBodySize: 4 megs}", "server.maxBodySize: not a size: \"4 megs\"");
  }

  @Test
  void zeroMaxBodySizeIsRejected() {
    assertServerRejected("{maxBodySize: 0}", "server.maxBodySize: must be greater than 0");
  }

  @Test
  void zeroMaxJsonDepthIsRejected() {
    assertServerRejected("{maxJsonDepth: 0}", "server.maxJsonDepth: must be greater than 0");
  }

  @Test
  void allowedHostWithSchemeIsRejected() {
    assertServerRejected("{allowedHosts: [ok.example, \"https://gw.example\"]}",
      "server.allowedHosts[1]: not a host name: \"https://gw.example\"");
  }

  @Test
  void allowedOriginWithPathIsRejected() {
    assertServerRejected("{allowedOrigins: [\"https://app.example.com/\"]}",
      "server.allowedOrigins[0]: not an origin: \"https://app.example.com/\"");
  }

  @Test
  void wildcardOriginIsAccepted() {
    assertThat(parse(ONE_BACKEND + "server: {allowedOrigins: [\"*\"]}").server().allowedOrigins()).containsExactly("*");
  }

  @Test
  void zeroRegistrationTimeoutIsRejected() {
    assertServerRejected("{registrationTimeout: 0s}", "server.registrationTimeout: must be greater than 0");
  }
}
