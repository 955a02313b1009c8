package dev.switchboard.it.auth;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.switchboard.transport.auth.IncomingAuthOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Tokens and Authorization headers never reach a log line: every log record (the gateway's JUL loggers at ALL, and
 * Vert.x's through SLF4J) written while good and bad tokens are presented is searched for them.
 */
class TokensNeverLoggedTest extends AuthGatewayTestBase {
  private final List<String> lines = new ArrayList<>();
  private final ListAppender<ILoggingEvent> slf4j = new ListAppender<>();
  private final java.util.logging.Logger gatewayLogger = java.util.logging.Logger.getLogger("dev.switchboard");
  private Level previous;
  private final Handler jul = new Handler() {
    private final SimpleFormatter format = new SimpleFormatter();

    @Override
    public void publish(LogRecord record) {
      synchronized (lines) {
        lines.add(format.format(record));
      }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
  };

  /** No debounce, so that the failed JWKS refetch with the IdP down is tried (and logged). */
  @Override
  protected IncomingAuthOptions incoming() {
    return new IncomingAuthOptions(IncomingAuthOptions.Type.OAUTH2, idp.issuer(), null, null, TestIdp.RESOURCE,
      List.of("mcp"), null, IncomingAuthOptions.DEFAULT_TOKEN_CACHE_SIZE, null, Duration.ofMillis(1), null, null);
  }

  @BeforeEach
  void capture() {
    previous = gatewayLogger.getLevel();
    gatewayLogger.setLevel(Level.ALL);
    jul.setLevel(Level.ALL);
    LogManager.getLogManager().getLogger("").addHandler(jul);
    gatewayLogger.addHandler(jul);
    slf4j.start();
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(slf4j);
  }

  @AfterEach
  void release() {
    gatewayLogger.removeHandler(jul);
    LogManager.getLogManager().getLogger("").removeHandler(jul);
    gatewayLogger.setLevel(previous);
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(slf4j);
  }

  @Test
  void noTokenOrAuthorizationHeaderIsLogged() {
    String good = idp.token("alice");
    String expired = idp.token("alice", TestIdp.RESOURCE, "mcp", -300);
    String wrongAudience = idp.token("alice", "https://other.example/mcp", "mcp", 3600);
    String forged = TestIdp.withPayload(good, TestIdp.payload(good).replace("alice", "mallory"));
    String unsigned = TestIdp.unsigned(good);
    idp.rotateKeys();
    String rotated = idp.token("alice");
    List<String> tokens = List.of(good, expired, wrongAudience, forged, unsigned, rotated);
    for (String token : tokens) {
      client(token).initialize().await();
    }
    idp.close();
    String unknownKey = TestIdp.withHeader(good, "{\"kid\":\"ghost\",\"alg\":\"RS256\"}");
    client(unknownKey).initialize().await();

    List<String> all = new ArrayList<>();
    synchronized (lines) {
      all.addAll(lines);
    }
    slf4j.list.forEach(event -> all.add(event.getFormattedMessage() + " " + event.getThrowableProxy()));
    assertThat(all).as("the failed key refetch was logged").anyMatch(line -> line.contains("could not refetch"));
    for (String token : List.of(good, expired, wrongAudience, forged, unsigned, rotated, unknownKey)) {
      String[] parts = token.split("\\.");
      String signatureOrPayload = parts.length == 3 && !parts[2].isEmpty() ? parts[2] : parts[1];
      assertThat(all).noneMatch(line -> line.contains(signatureOrPayload));
    }
  }
}
