package dev.switchboard.launcher.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ByteSizesTest {
  @Test
  void binaryUnitsArePowersOf1024() {
    assertThat(ByteSizes.parse("512KiB")).isEqualTo(512L * 1024);
    assertThat(ByteSizes.parse("4MiB")).isEqualTo(4L * 1024 * 1024);
    assertThat(ByteSizes.parse("2GiB")).isEqualTo(2L * 1024 * 1024 * 1024);
  }

  @Test
  void decimalUnitsArePowersOf1000() {
    assertThat(ByteSizes.parse("1KB")).isEqualTo(1_000);
    assertThat(ByteSizes.parse("1MB")).isEqualTo(1_000_000);
    assertThat(ByteSizes.parse("1GB")).isEqualTo(1_000_000_000);
  }

  @Test
  void bareNumberIsBytes() {
    assertThat(ByteSizes.parse("1000")).isEqualTo(1000);
    assertThat(ByteSizes.parse("1000B")).isEqualTo(1000);
  }

  @Test
  void unitsAreCaseInsensitive() {
    assertThat(ByteSizes.parse("4mib")).isEqualTo(4L * 1024 * 1024);
  }

  @Test
  void unknownUnitIsNotASize() {
    assertThatThrownBy(() -> ByteSizes.parse("4 megs")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void overflowIsNotASize() {
    assertThatThrownBy(() -> ByteSizes.parse("99999999999GiB")).isInstanceOf(IllegalArgumentException.class);
  }
}
