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

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'   '| it is empty",
        "AA PL| not printable ASCII",
        "A!| outside the rule", // 0x21, the first printable character, is checked by the rule
        "A~| outside the rule", // 0x7e, the last one
        "A\u007f| not printable ASCII",
        "ABCDEFGHIJK| longer than 10 characters"
      })
  void each_refusal_says_why(String raw, String why) {
    assertThatThrownBy(() -> SymbolCode.normalize(raw)).hasMessageContaining(why.strip());
  }

  @org.junit.jupiter.api.Test
  void null_is_refused_as_empty() {
    assertThatThrownBy(() -> SymbolCode.normalize(null))
        .hasMessageStartingWith("invalid symbol '': it is empty");
  }

  @org.junit.jupiter.api.Test
  void a_list_is_normalised_once_per_symbol_in_order_and_an_empty_entry_is_refused() {
    assertThat(SymbolCode.normalizeList("msft,aapl,MSFT,brk-b"))
        .containsExactly("MSFT", "AAPL", "BRK.B");
    assertThat(SymbolCode.normalizeList("nvda")).containsExactly("NVDA");
    assertThatThrownBy(() -> SymbolCode.normalizeList("AAPL,,MSFT"))
        .hasMessageContaining("it is empty");
  }

  @org.junit.jupiter.api.Test
  void the_refused_input_is_quoted_with_control_characters_masked_and_cut_after_40() {
    String forty = "X".repeat(39) + "\u0007";
    assertThatThrownBy(() -> SymbolCode.normalize(forty))
        .hasMessageStartingWith("invalid symbol '" + "X".repeat(39) + "?': ");
    String long45 = "Y".repeat(45);
    assertThatThrownBy(() -> SymbolCode.normalize(long45))
        .hasMessageStartingWith("invalid symbol '" + "Y".repeat(40) + "…': ");
  }
}
