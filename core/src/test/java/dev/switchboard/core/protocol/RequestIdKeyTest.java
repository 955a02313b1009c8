package dev.switchboard.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.json.ExactNumber;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdKeyTest {

  @Test
  void oneIntegerIsOneKeyWhateverItsTypeOrNotation() {
    assertThat(RequestIdKey.of(100))
      .isEqualTo(RequestIdKey.of(100L))
      .isEqualTo(RequestIdKey.of((short) 100))
      .isEqualTo(RequestIdKey.of(BigInteger.valueOf(100)))
      .isEqualTo(RequestIdKey.of(new ExactNumber("1E+2")))
      .isEqualTo(RequestIdKey.of(new ExactNumber("1e2")))
      .isEqualTo(RequestIdKey.of(new BigDecimal("100.00")))
      .isEqualTo(RequestIdKey.of(100.0))
      .isEqualTo("n:100");
  }

  @Test
  void aStringIsNeverTheNumberItSpells() {
    assertThat(RequestIdKey.of("7")).isEqualTo("s:7").isNotEqualTo(RequestIdKey.of(7));
    assertThat(RequestIdKey.of("n:7")).isNotEqualTo(RequestIdKey.of(7));
  }

  @Test
  void differentValuesHaveDifferentKeys() {
    assertThat(RequestIdKey.of(100)).isNotEqualTo(RequestIdKey.of(101));
    assertThat(RequestIdKey.of(new ExactNumber("1.5"))).isNotEqualTo(RequestIdKey.of(1))
      .isNotEqualTo(RequestIdKey.of(2)).isEqualTo(RequestIdKey.of(1.5));
  }

  @Test
  void zeroHasOneKeyWhateverItsSign() {
    assertThat(RequestIdKey.of(new ExactNumber("-0"))).isEqualTo(RequestIdKey.of(0)).isEqualTo(RequestIdKey.of(-0.0));
  }

  @ParameterizedTest
  @ValueSource(strings = {"9223372036854775807", "-9223372036854775808", "9223372036854775808", "1E+19", "1e20",
    "-9.3E+18", "123456789012345678901234567890"})
  void integersAtAndBeyondTheLongRangeAgreeAcrossTypes(String text) {
    BigDecimal value = new BigDecimal(text);
    String key = RequestIdKey.of(new ExactNumber(text));

    assertThat(RequestIdKey.of(value.toBigIntegerExact())).isEqualTo(key);
    assertThat(RequestIdKey.of(value)).isEqualTo(key);
    if (value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0
        && value.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0) {
      assertThat(RequestIdKey.of(value.longValueExact())).isEqualTo(key);
    }
  }

  @Test
  void aHugeExponentKeepsItsShortCanonicalText() {
    assertThat(RequestIdKey.of(new ExactNumber("1e999999"))).isEqualTo("n:1E+999999")
      .isEqualTo(RequestIdKey.of(new ExactNumber("10E+999998")));
  }

  @Test
  void aPeersNullOrMalformedIdMatchesNoStringOrNumber() {
    assertThat(RequestIdKey.of(null)).isEqualTo("x:null").isNotEqualTo(RequestIdKey.of("null"));
    assertThat(RequestIdKey.of(true)).isNotEqualTo(RequestIdKey.of("true"));
  }
}
