package dev.swiftbolt.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SwiftBoltConfigTest {

  @Test
  void defaults_apply_when_nothing_is_set_and_blank_counts_as_unset() {
    SwiftBoltConfig config =
        SwiftBoltConfig.from(Map.of("DATABASE_URL", "  ", "APCA_API_KEY_ID", ""), Optional.empty());

    assertThat(config.home()).isEqualTo(Path.of(System.getProperty("user.home"), ".swiftbolt"));
    assertThat(config.databaseUrl()).isEmpty();
    assertThat(config.hasAlpacaKeys()).isFalse();
    assertThat(config.alpacaEnvironment())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "APCA_API_DATA_URL",
                "https://data.alpaca.markets",
                "APCA_API_BASE_URL",
                "https://paper-api.alpaca.markets"));
  }

  @Test
  void the_home_flag_wins_over_swiftbolt_home() {
    SwiftBoltConfig config =
        SwiftBoltConfig.from(Map.of("SWIFTBOLT_HOME", "/srv/a"), Optional.of(Path.of("/srv/b")));
    assertThat(config.home()).isEqualTo(Path.of("/srv/b"));
  }

  @Test
  void alpaca_options_are_handed_to_market_data_as_they_were_set() {
    SwiftBoltConfig config =
        SwiftBoltConfig.from(
            Map.of(
                "APCA_API_KEY_ID", " key ",
                "APCA_API_SECRET_KEY", "secret",
                "APCA_API_DATA_URL", "http://127.0.0.1:9999",
                "APCA_DATA_FEED", "sip"),
            Optional.empty());

    assertThat(config.hasAlpacaKeys()).isTrue();
    assertThat(config.alpacaEnvironment())
        .containsEntry("APCA_API_KEY_ID", "key")
        .containsEntry("APCA_API_SECRET_KEY", "secret")
        .containsEntry("APCA_API_DATA_URL", "http://127.0.0.1:9999")
        .containsEntry("APCA_DATA_FEED", "sip");
  }
}
