package dev.switchboard.core.catalog.impl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 6570 templates compiled to patterns. */
class UriTemplatesTest {

  private static boolean matches(String template, String uri) {
    return UriTemplates.compile(template).matcher(uri).matches();
  }

  @Test
  void simpleVariableMatchesOneOrMoreCharactersOtherThanSlash() {
    assertThat(matches("test://template/{id}/data", "test://template/123/data")).isTrue();
    assertThat(matches("test://template/{id}/data", "test://template/1/2/data")).isFalse();
    assertThat(matches("test://template/{id}/data", "test://template//data")).isFalse();
  }

  @Test
  void reservedAndFragmentExpansionsMatchAnyCharacters() {
    assertThat(matches("file:///{+path}", "file:///a/b/c.txt")).isTrue();
    assertThat(matches("doc://page{#section}", "doc://page#a/b")).isTrue();
    assertThat(matches("doc://page{#section}", "doc://page")).isTrue();
  }

  @Test
  void queryExpansionsMatchAnOptionalQuery() {
    assertThat(matches("search://items{?q,limit}", "search://items?q=x&limit=5")).isTrue();
    assertThat(matches("search://items{?q}{&limit}", "search://items?q=x&limit=5")).isTrue();
    assertThat(matches("search://items{?q}", "search://items")).isTrue();
    assertThat(matches("search://items{?q}", "search://other")).isFalse();
  }

  @Test
  void literalPartsAreNotRegexSyntax() {
    assertThat(matches("test://a.b/{id}", "test://aXb/1")).isFalse();
    assertThat(matches("test://a.b/{id}", "test://a.b/1")).isTrue();
  }

  @Test
  void unclosedBraceIsMatchedLiterally() {
    assertThat(matches("test://x/{id", "test://x/{id")).isTrue();
    assertThat(matches("test://x/{id", "test://x/1")).isFalse();
  }
}
