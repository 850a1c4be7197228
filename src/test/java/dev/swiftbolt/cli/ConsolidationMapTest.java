package dev.swiftbolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/consolidation.md} has a row for every workflow and script the legacy consolidation
 * plan named, and every row names what replaces it (its invocations are parsed by {@link
 * DocumentedCommandsTest}).
 */
class ConsolidationMapTest {

  /** The names the legacy plan's script and workflow consolidation steps list, in its order. */
  static final List<String> LEGACY_NAMES =
      List.of(
          "backfill-ohlc.yml",
          "batch-backfill-cron.yml",
          "daily-historical-sync.yml",
          "symbol-backfill.yml",
          "alpaca-intraday-cron.yml",
          "alpaca-intraday-cron-fixed.yml",
          "intraday-update.yml",
          "intraday-update-v2.yml",
          "backfill-intraday-worker.yml",
          "ml-forecast.yml",
          "ml-evaluation.yml",
          "data-quality-monitor.yml",
          "drift-monitoring.yml",
          "options-nightly.yml",
          "scheduled-refresh.yml",
          "performance-tracking.yml",
          "sync-user-symbols.yml",
          "backfill.sh",
          "backfill_v2.sh",
          "backfill_historical.sh",
          "symbols-backfill.sql",
          "check_aapl_data.sql",
          "diagnose_chart_data_issue.sql",
          "verify_ohlc_integrity.sql",
          "find_gaps.sql",
          "check_symbol_coverage.sql",
          "validate_data_quality.sql",
          "canonical `backfill.sh",
          "shared.ts",
          "test_symbol_sync.sh",
          "seed-symbols.sql");

  @Test
  void every_legacy_name_has_a_row_naming_its_replacement() throws IOException {
    List<String> rows =
        Files.readAllLines(Path.of("docs/consolidation.md")).stream()
            .filter(line -> line.startsWith("| "))
            .toList();
    for (String name : LEGACY_NAMES) {
      String start = name.startsWith("canonical") ? "| " + name + "` |" : "| `" + name + "` |";
      assertThat(rows)
          .as(name)
          .filteredOn(row -> row.startsWith(start))
          .singleElement()
          .satisfies(
              row ->
                  assertThat(row.substring(start.length()))
                      .containsAnyOf("swiftbolt ", "not replaced", "no command"));
    }
  }
}
