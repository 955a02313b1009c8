package dev.switchboard.transport.streamable;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionIdsTest {

  @Test
  void generatedIdsAreUniqueAndVisibleAscii() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String id = SessionIds.generate();
      assertThat(id).hasSize(32).matches("[A-Za-z0-9_-]+");
      assertThat(SessionIds.isWellFormed(id)).isTrue();
      ids.add(id);
    }
    assertThat(ids).hasSize(10_000);
  }

  @Test
  void wellFormedRejectsEmptyLongAndInvisible() {
    assertThat(SessionIds.isWellFormed(null)).isFalse();
    assertThat(SessionIds.isWellFormed("")).isFalse();
    assertThat(SessionIds.isWellFormed("a".repeat(129))).isFalse();
    assertThat(SessionIds.isWellFormed("a".repeat(128))).isTrue();
    assertThat(SessionIds.isWellFormed("has space")).isFalse();
    assertThat(SessionIds.isWellFormed("tab\t")).isFalse();
    assertThat(SessionIds.isWellFormed("caf\u00e9")).isFalse();
    assertThat(SessionIds.isWellFormed("!~{}")).isTrue();
  }
}
