package dev.switchboard.core.json;

import java.math.BigDecimal;

/**
 * A JSON number that is written back exactly as it was read ({@code 1e999999}, {@code 1E+2}, {@code 1.50},
 * {@code -0}): a {@link BigDecimal} of its value whose {@link #toString()} is the original text, which Jackson's
 * generator writes as is. The text always comes from a JSON number token, so it is valid JSON.
 */
public final class ExactNumber extends BigDecimal {
  private static final long serialVersionUID = 1L;

  private final String text;

  /** @throws NumberFormatException when the text is not a number {@link BigDecimal} can hold */
  public ExactNumber(String text) {
    super(text);
    this.text = text;
  }

  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object other) {
    return super.equals(other);
  }

  @Override
  public int hashCode() {
    return super.hashCode();
  }
}
