package dev.swiftbolt.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintableTest {

  @Test
  void up_to_64_characters_are_quoted_whole_and_65_are_cut() {
    assertThat(Printable.quote("A".repeat(64))).isEqualTo("A".repeat(64));
    assertThat(Printable.quote("A".repeat(65))).isEqualTo("A".repeat(64) + "…");
  }

  @Test
  void control_and_bidirectional_characters_are_escaped() {
    assertThat(Printable.quote("a\nb\u0000c\u202Ed\u2066e\u200Ff"))
        .isEqualTo("a\\u000Ab\\u0000c\\u202Ed\\u2066e\\u200Ff");
  }

  @Test
  void letters_of_any_script_and_punctuation_stay() {
    assertThat(Printable.quote("Аpple — ünïcode ✓ 5")).isEqualTo("Аpple — ünïcode ✓ 5");
  }
}
