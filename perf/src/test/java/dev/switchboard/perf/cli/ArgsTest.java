package dev.switchboard.perf.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgsTest {
  @Test
  void optionsFlagsAndWords() {
    Args args = new Args(new String[] {"a,b", "--window", "500ms", "--quick", "--concurrency=1,16"}, Set.of("quick"));
    assertThat(args.positional()).containsExactly("a,b");
    assertThat(args.duration("window", Duration.ZERO)).isEqualTo(Duration.ofMillis(500));
    assertThat(args.flag("quick")).isTrue();
    assertThat(args.integers("concurrency", List.of())).containsExactly(1, 16);
    args.rejectUnknown();
  }

  @Test
  void durationsTakeUnits() {
    Args args = new Args(new String[] {"--a", "2m", "--b", "1.5s", "--c", "3"}, Set.of());
    assertThat(args.duration("a", null)).isEqualTo(Duration.ofMinutes(2));
    assertThat(args.duration("b", null)).isEqualTo(Duration.ofMillis(1500));
    assertThat(args.duration("c", null)).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void unknownOptionIsRejected() {
    Args args = new Args(new String[] {"--windw", "5s"}, Set.of());
    args.duration("window", Duration.ZERO);
    assertThatThrownBy(args::rejectUnknown).hasMessageContaining("--windw");
  }

  @Test
  void badDurationNamesTheOption() {
    Args args = new Args(new String[] {"--window", "soon"}, Set.of());
    assertThatThrownBy(() -> args.duration("window", Duration.ZERO)).hasMessageContaining("--window");
  }
}
