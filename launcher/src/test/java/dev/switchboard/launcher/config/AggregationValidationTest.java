package dev.switchboard.launcher.config;

import dev.switchboard.core.catalog.ConflictResolution;
import java.time.Duration;
import org.junit.jupiter.api.Test;

import static dev.switchboard.launcher.config.ConfigAssertions.TWO_BACKENDS;
import static dev.switchboard.launcher.config.ConfigAssertions.assertRejected;
import static dev.switchboard.launcher.config.ConfigAssertions.parse;
import static org.assertj.core.api.Assertions.assertThat;

class AggregationValidationTest {
  private static void assertAggregationRejected(String aggregation, String messagePrefix) {
    assertRejected(TWO_BACKENDS + "aggregation:\n" + aggregation.indent(2), messagePrefix);
  }

  @Test
  void unknownConflictResolutionIsRejected() {
    assertAggregationRejected("conflictResolution: first",
      "aggregation.conflictResolution: must be one of prefix, priority, manual");
  }

  @Test
  void conflictResolutionIsCaseInsensitive() {
    assertThat(parse(TWO_BACKENDS + "aggregation: {conflictResolution: Priority}").aggregation().conflictResolution())
      .isEqualTo(ConflictResolution.PRIORITY);
  }

  @Test
  void prefixFormatWithoutPlaceholderIsRejected() {
    assertAggregationRejected("prefixFormat: \"backend_\"", "aggregation.prefixFormat: must contain {backend}");
  }

  @Test
  void prefixFormatWithCharactersNotAllowedInNamesIsRejected() {
    assertAggregationRejected("prefixFormat: \"{backend}/\"", "aggregation.prefixFormat: may contain only");
  }

  @Test
  void unknownBackendInPriorityOrderIsRejected() {
    assertAggregationRejected("priorityOrder: [alpha, gama]",
      "aggregation.priorityOrder[1]: unknown backend \"gama\" (known: alpha, beta)");
  }

  @Test
  void backendListedTwiceInPriorityOrderIsRejected() {
    assertAggregationRejected("priorityOrder: [beta, beta]", "aggregation.priorityOrder[1]: backend \"beta\" is listed twice");
  }

  @Test
  void zeroPageSizeIsRejected() {
    assertAggregationRejected("pageSize: 0", "aggregation.pageSize: must be greater than 0");
  }

  @Test
  void theCatalogCacheHasSafeDefaultsAndCanBeTurnedOff() {
    assertThat(parse(TWO_BACKENDS).aggregation().catalogCacheTtl()).isEqualTo(Duration.ofSeconds(60));
    assertThat(parse(TWO_BACKENDS).aggregation().maxCachedCatalogs()).isEqualTo(1_000);
    assertThat(parse(TWO_BACKENDS + "aggregation: {catalogCacheTtl: 5s, maxCachedCatalogs: 0}").aggregation())
      .extracting(a -> a.catalogCacheTtl(), a -> a.maxCachedCatalogs())
      .containsExactly(Duration.ofSeconds(5), 0);
    assertAggregationRejected("catalogCacheTtl: 0s", "aggregation.catalogCacheTtl: must be greater than 0");
    assertAggregationRejected("maxCachedCatalogs: -1", "aggregation.maxCachedCatalogs:");
  }

  @Test
  void unknownBackendInToolFilterIsRejected() {
    assertAggregationRejected("tools: [{backend: alpha}, {backend: delta}]",
      "aggregation.tools[1].backend: unknown backend \"delta\" (known: alpha, beta)");
  }

  @Test
  void unknownBackendInPromptFilterIsRejected() {
    assertAggregationRejected("prompts: [{backend: delta}]", "aggregation.prompts[0].backend: unknown backend \"delta\"");
  }

  @Test
  void unknownBackendInResourceFilterIsRejected() {
    assertAggregationRejected("resources: [{backend: delta}]",
      "aggregation.resources[0].backend: unknown backend \"delta\"");
  }

  @Test
  void filterWithoutBackendIsRejected() {
    assertAggregationRejected("tools: [{include: [echo]}]", "aggregation.tools[0].backend: required");
  }

  @Test
  void secondFilterForTheSameBackendIsRejected() {
    assertAggregationRejected("tools: [{backend: alpha}, {backend: alpha}]",
      "aggregation.tools[1].backend: backend \"alpha\" already has a filter");
  }

  @Test
  void emptyIncludePatternIsRejected() {
    assertAggregationRejected("tools: [{backend: alpha, include: [echo, \"\"]}]",
      "aggregation.tools[0].include[1]: must not be empty");
  }

  @Test
  void emptyOverrideNameIsRejected() {
    assertAggregationRejected("tools: [{backend: alpha, overrides: {echo: {name: \"\"}}}]",
      "aggregation.tools[0].overrides.echo.name: must not be empty");
  }

  @Test
  void overrideWithNeitherNameNorDescriptionIsRejected() {
    assertAggregationRejected("prompts: [{backend: beta, overrides: {greet: {}}}]",
      "aggregation.prompts[0].overrides.greet: must set name, description, or both");
  }

  @Test
  void overrideOfADottedNameIsQuotedInThePath() {
    assertAggregationRejected("tools: [{backend: alpha, overrides: {\"db.query\": {name: \" \"}}}]",
      "aggregation.tools[0].overrides[\"db.query\"].name: must not be empty");
  }

  @Test
  void descriptionOnlyOverrideKeepsTheName() {
    var filter = parse(TWO_BACKENDS + "aggregation: {tools: [{backend: alpha, overrides: {echo: {description: d}}}]}")
      .aggregation().tools().getFirst();

    assertThat(filter.overrides().get("echo").name()).isNull();
    assertThat(filter.overrides().get("echo").description()).isEqualTo("d");
  }
}
