package dev.switchboard.launcher.config;

import org.junit.jupiter.api.Test;

import static dev.switchboard.launcher.config.ConfigAssertions.ONE_BACKEND;
import static dev.switchboard.launcher.config.ConfigAssertions.assertRejected;

class StructureValidationTest {
  @Test
  void unknownTopLevelKeyIsRejectedWithItsPath() {
    assertRejected(ONE_BACKEND + "sesions: {ttl: 5m}",
      "sesions: unknown key (known: server, backends, aggregation, sessions, limits, auth, metrics, management, audit, "
        + "reload, tracing, stateless)");
  }

  @Test
  void unknownNestedKeyIsRejectedWithItsPath() {
    assertRejected(ONE_BACKEND + "server: {prot: 8080}", "server.prot: unknown key (known: host, port,");
  }

  @Test
  void unknownKeyInAListElementIsRejectedWithItsPath() {
    assertRejected("""
      backends:
        - {name: alpha, url: "http://127.0.0.1:9001/mcp"}
        - {name: beta, url: "http://127.0.0.1:9002/mcp", timout: 5s}
      """, "backends[1].timout: unknown key");
  }

  @Test
  void unknownKeyInAnOverrideIsRejectedWithItsPath() {
    assertRejected(ONE_BACKEND + """
      aggregation:
        tools: [{backend: alpha, overrides: {echo: {nmae: say}}}]
      """, "aggregation.tools[0].overrides.echo.nmae: unknown key (known: name, description)");
  }

  @Test
  void overridesOnResourcesAreRejected() {
    assertRejected(ONE_BACKEND + """
      aggregation:
        resources: [{backend: alpha, overrides: {x: {name: y}}}]
      """, "aggregation.resources[0].overrides: unknown key (known: backend, include, exclude)");
  }

  @Test
  void mapWhereListExpectedIsRejected() {
    assertRejected("backends: {name: alpha, url: \"http://127.0.0.1:9001/mcp\"}", "backends: expected a list");
  }

  @Test
  void scalarWhereListExpectedIsRejected() {
    assertRejected(ONE_BACKEND + "server: {allowedHosts: gateway.example.com}", "server.allowedHosts: expected a list");
  }

  @Test
  void scalarWhereMapExpectedIsRejected() {
    assertRejected(ONE_BACKEND + "server: 8080", "server: expected a map");
  }

  @Test
  void listWhereStringExpectedIsRejected() {
    assertRejected("backends: [{name: [alpha], url: \"http://127.0.0.1:9001/mcp\"}]",
      "backends[0].name: expected a string, got a list");
  }

  @Test
  void textWhereNumberExpectedIsRejected() {
    assertRejected(ONE_BACKEND + "server: {port: eighty}", "server.port: expected a whole number, got \"eighty\"");
  }

  @Test
  void fractionWhereNumberExpectedIsRejected() {
    assertRejected(ONE_BACKEND + "aggregation: {pageSize: 2.5}", "aggregation.pageSize: expected a whole number");
  }

  @Test
  void documentThatIsNotAMapIsRejected() {
    assertRejected("- alpha\n- beta\n", "<root>: expected a map, got a list");
  }

  @Test
  void numberWhereStringExpectedIsRejectedWithAHintToQuote() {
    assertRejected("backends: [{name: 010, url: \"http://127.0.0.1:9001/mcp\"}]",
      "backends[0].name: expected a string, got the number 8 (put the value in quotes)");
  }

  @Test
  void yamlBooleanWhereStringExpectedIsRejected() {
    assertRejected("backends: [{name: on, url: \"http://127.0.0.1:9001/mcp\"}]",
      "backends[0].name: expected a string, got the boolean true");
  }

  @Test
  void duplicateKeyIsRejectedWithItsPath() {
    assertRejected(ONE_BACKEND + "server:\n  port: 1\n  port: 2\n", "server.port: duplicate key");
  }

  @Test
  void aliasIsRejectedWithItsPath() {
    assertRejected("""
      backends:
        - {name: alpha, url: &u "http://127.0.0.1:9001/mcp"}
        - {name: beta, url: *u}
      """, "backends[1].url: YAML aliases (*u) are not supported");
  }

  @Test
  void secondDocumentIsRejected() {
    assertRejected(ONE_BACKEND + "---\n" + ONE_BACKEND, "line 4, column 1: more than one YAML document");
  }

  @Test
  void yamlSyntaxErrorNamesTheLineAndColumn() {
    assertRejected("backends:\n  - {name: alpha\n",
      "line 3, column 1: invalid YAML: expected ',' or '}', but got <stream end> (while parsing a flow mapping"
        + " that starts at line 2, column 5)");
  }

  @Test
  void tabIndentationIsRejectedAtItsLine() {
    assertRejected("server:\n\tport: 1\n", "line 2, column 1: invalid YAML: found character '\\t(TAB)'");
  }
}
