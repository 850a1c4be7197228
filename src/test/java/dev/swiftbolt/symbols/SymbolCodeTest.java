package dev.swiftbolt.symbols;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;

class SymbolCodeTest {

  @ParameterizedTest
  @CsvSource({
    "aapl, AAPL",
    "'  msft  ', MSFT",
    "BRK.B, BRK.B",
    "brk-b, BRK.B",
    "BRK/B, BRK.B",
    "' brk/b ', BRK.B",
    "ABCDEFGHIJ, ABCDEFGHIJ",
    "A, A",
    "BF.B, BF.B"
  })
  void class_shares_keep_their_dot_and_dashes_and_slashes_mean_it(String raw, String expected) {
    assertThat(SymbolCode.normalize(raw)).isEqualTo(expected);
  }

  @ParameterizedTest
  @FieldSource("dev.swiftbolt.symbols.RefusedTickers#FORMS")
  void every_other_form_is_refused_naming_the_rule(String raw) {
    assertThatThrownBy(() -> SymbolCode.normalize(raw))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid symbol")
        .hasMessageContaining(SymbolCode.RULE);
    assertThat(SymbolCode.isValid(raw)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"ABCDEFGHIJ, true", "ABCDEFGHIJK, false", "ABCDE.FGHI, true", "ABCDE.FGHIJ, false"})
  void ten_characters_is_the_limit(String raw, boolean valid) {
    assertThat(SymbolCode.isValid(raw)).isEqualTo(valid);
  }
}
