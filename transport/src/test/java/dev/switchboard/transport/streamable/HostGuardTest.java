package dev.switchboard.transport.streamable;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostGuardTest {
  private final HostGuard loopback = HostGuard.loopbackOnly();
  private final HostGuard custom = new HostGuard(List.of("Gateway.Example.COM", "api.example.org:8443"),
    List.of("https://app.example.net"));
  private final HostGuard wildcard = new HostGuard(List.of("*"), List.of("*"));

  @ParameterizedTest(name = "Host {0} -> {1}")
  @CsvSource({
    "localhost, true",
    "localhost:3000, true",
    "LOCALHOST:3000, true",
    "127.0.0.1, true",
    "127.0.0.1:8080, true",
    "[::1], true",
    "[::1]:3000, true",
    "evil.example.com, false",
    "evil.example.com:80, false",
    "localhost.evil.example.com, false",
    "127.0.0.1.nip.io, false",
    "::1, false",
    "[::1, false",
    "localhost:abc, false",
    "localhost:, false",
    "localhost:1234567, false",
    "user@localhost, false",
    "'', false",
    "gateway.example.com, false",
  })
  void loopbackHosts(String host, boolean allowed) {
    assertThat(loopback.allowsHost(host)).isEqualTo(allowed);
  }

  @ParameterizedTest(name = "Host {0} -> {1}")
  @CsvSource({
    "gateway.example.com, true",
    "GATEWAY.example.com:9000, true",
    "api.example.org:8443, true",
    "api.example.org:9999, false",
    "localhost:1, true",
    "evil.example.com, false",
  })
  void configuredHosts(String host, boolean allowed) {
    assertThat(custom.allowsHost(host)).isEqualTo(allowed);
  }

  @ParameterizedTest(name = "Origin {0} -> {1}")
  @CsvSource({
    "http://localhost, true",
    "http://localhost:3000, true",
    "https://127.0.0.1:8443, true",
    "http://[::1]:3000, true",
    "HTTP://LOCALHOST, true",
    "http://evil.example.com, false",
    "https://evil.example.com:443, false",
    "null, false",
    "file://localhost, false",
    "http://localhost/path, false",
    "localhost, false",
  })
  void loopbackOrigins(String origin, boolean allowed) {
    assertThat(loopback.allowsOrigin(origin)).isEqualTo(allowed);
  }

  @ParameterizedTest(name = "Origin {0} -> {1}")
  @CsvSource({
    "https://app.example.net, true",
    "https://app.example.net/, true",
    "http://app.example.net, false",
    "https://gateway.example.com, true",
    "http://gateway.example.com:8080, true",
    "http://evil.example.com, false",
  })
  void configuredOrigins(String origin, boolean allowed) {
    assertThat(custom.allowsOrigin(origin)).isEqualTo(allowed);
  }

  @ParameterizedTest(name = "wildcard {0} -> {1}")
  @CsvSource({
    "evil.example.com, http://evil.example.com, true",
    "anything:1, https://other.example, true",
    "anything, null, false",
  })
  void wildcardAllowsAnyButNullOrigin(String host, String origin, boolean allowed) {
    assertThat(wildcard.allowsHost(host) && wildcard.allowsOrigin(origin)).isEqualTo(allowed);
  }
}
