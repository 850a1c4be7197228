package dev.swiftbolt.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swiftbolt.alpaca.AlpacaAuthenticationException;
import dev.swiftbolt.alpaca.AlpacaException;
import dev.swiftbolt.db.Database;
import dev.swiftbolt.db.TestDatabase;
import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.symbols.SymbolRepository;
import dev.swiftbolt.symbols.UnknownSymbolException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MarketDataServiceTest {

  private static Database db;
  private static final BarSchedule SCHEDULE = new BarSchedule(TradingCalendar.nyse());
  private static final MarketSimulator SIMULATOR =
      new MarketSimulator(SCHEDULE, SimulationParameters.DEFAULT);
  private static final LabelledSource SIM =
      new LabelledSource("sim", SIMULATOR, "Source: simulator (test)");

  @BeforeAll
  static void open() {
    db = TestDatabase.create();
    new SymbolRepository(db.jdbi()).seed();
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @BeforeEach
  void empty() {
    db.jdbi().useHandle(h -> h.execute("DELETE FROM ohlc_bars"));
  }

  private static MarketDataService service(Instant now) {
    return new MarketDataService(
        db.jdbi(),
        SCHEDULE,
        Clock.fixed(now, ZoneOffset.UTC),
        BackfillSettings.DEFAULT.withBackoff(Duration.ofMillis(1), Duration.ofMillis(5)),
        QualityThresholds.DEFAULT);
  }

  private static List<Bar> aapl2013() throws Exception {
    try (Reader r =
        new InputStreamReader(
            MarketDataServiceTest.class.getResourceAsStream("/appleinc_bars_from_20130101_usd.csv"),
            StandardCharsets.UTF_8)) {
      return new CsvBarParser(TradingCalendar.nyse())
          .parse(r, "appleinc_bars_from_20130101_usd.csv", Timeframe.D1);
    }
  }

  private static Bar bar(String ts, double o, double h, double l, double c, double v) {
    return new Bar(Instant.parse(ts), o, h, l, c, v);
  }

  @Test
  void aapl_2013_from_ta4j_imports_as_252_daily_bars_53_weeks_and_passes_quality()
      throws Exception {
    MarketDataService service = service(Instant.parse("2014-01-06T12:00:00Z"));

    Map<Timeframe, UpsertResult> loads =
        service.importBars("AAPL", Timeframe.D1, "csv", aapl2013());

    assertThat(loads.get(Timeframe.D1).inserted()).isEqualTo(252);
    // ISO weeks 2013-W01 (from Mon 2012-12-31) to 2014-W01 (from Mon 2013-12-30)
    assertThat(loads.get(Timeframe.W1).inserted()).isEqualTo(53);
    List<Bar> weeks =
        service.bars("AAPL", Timeframe.W1, Optional.empty(), Optional.empty()).stream()
            .map(StoredBar::bar)
            .toList();
    assertThat(weeks)
        .contains(
            // first week: Jan 2-4 only; bar time = the calendar's first session, Mon Dec 31 2012
            bar(
                "2012-12-31T14:30:00Z",
                553.82,
                555.00,
                525.83,
                527.00,
                20018500 + 12605900 + 21226200),
            // MLK week: opens Tuesday Jan 22
            bar(
                "2013-01-22T14:30:00Z",
                504.56,
                514.99,
                435.00,
                439.88,
                16483800 + 30768200 + 52173300 + 43143800),
            // Good Friday week, after the switch to daylight saving: 09:30 EDT = 13:30 UTC
            bar(
                "2013-03-25T13:30:00Z",
                464.69,
                469.95,
                441.62,
                442.66,
                17897700 + 10510500 + 11829900 + 15815700),
            // Thanksgiving week, back on EST
            bar(
                "2013-11-25T14:30:00Z",
                521.02,
                558.33,
                521.00,
                556.07,
                8189700 + 14335100 + 12980300 + 11361700),
            bar("2013-12-30T14:30:00Z", 557.46, 561.28, 552.32, 561.02, 9058200 + 7967300));

    List<SeriesQuality> reports = service.quality(List.of("AAPL"));
    assertThat(reports).allSatisfy(q -> assertThat(q.report().errorCount()).isZero());
    SeriesQuality daily =
        reports.stream()
            .filter(q -> q.report().timeframe() == Timeframe.D1)
            .findFirst()
            .orElseThrow();
    assertThat(daily.report().coverage().count()).isEqualTo(252);
    assertThat(daily.report().coverage().expectedCount()).isEqualTo(252);
    assertThat(daily.sources()).containsExactly("csv");
  }

  @Test
  void importing_the_same_file_twice_changes_nothing() throws Exception {
    MarketDataService service = service(Instant.parse("2014-01-06T12:00:00Z"));
    service.importBars("AAPL", Timeframe.D1, "csv", aapl2013());
    Map<Timeframe, UpsertResult> again =
        service.importBars("AAPL", Timeframe.D1, "csv", aapl2013());
    assertThat(again.get(Timeframe.D1).changed()).isFalse();
    assertThat(again.get(Timeframe.D1).unchanged()).isEqualTo(252);
    assertThat(again).doesNotContainKey(Timeframe.W1); // nothing changed, nothing rebuilt
  }

  @Test
  void a_corrected_daily_bar_rebuilds_its_week() throws Exception {
    MarketDataService service = service(Instant.parse("2014-01-06T12:00:00Z"));
    service.importBars("AAPL", Timeframe.D1, "csv", aapl2013());
    Bar friday = bar("2013-01-25T14:30:00Z", 451.69, 600.00, 435.00, 439.88, 43143800);

    Map<Timeframe, UpsertResult> loads =
        service.importBars("AAPL", Timeframe.D1, "csv", List.of(friday));

    assertThat(loads.get(Timeframe.W1).updated()).isEqualTo(1);
    assertThat(
            service.bars(
                "AAPL",
                Timeframe.W1,
                Optional.of(LocalDate.of(2013, 1, 22)),
                Optional.of(LocalDate.of(2013, 1, 22))))
        .extracting(s -> s.bar().high())
        .containsExactly(600.00);
  }

  @Test
  void backfill_from_the_simulator_stores_base_and_resampled_bars_but_no_forming_week() {
    // now = Thu 2024-02-01 12:00 UTC; January 2024 has 23 weekdays minus Jan 1 and MLK day
    MarketDataService service = service(Instant.parse("2024-02-01T12:00:00Z"));
    List<SymbolLoad> loads =
        service.backfill(
            List.of("MSFT"),
            EnumSet.of(Timeframe.H1, Timeframe.W1),
            Optional.of(LocalDate.of(2024, 1, 1)),
            Optional.of(LocalDate.of(2024, 1, 31)),
            SIM,
            BackfillListener.none());

    assertThat(loads).singleElement().satisfies(l -> assertThat(l.succeeded()).isTrue());
    Map<Timeframe, UpsertResult> byTf = loads.get(0).loads();
    assertThat(byTf.get(Timeframe.D1).inserted()).isEqualTo(21);
    assertThat(byTf.get(Timeframe.M15).inserted()).isEqualTo(21 * 26);
    assertThat(byTf.get(Timeframe.H1).inserted()).isEqualTo(21 * 7);
    assertThat(byTf.get(Timeframe.H4).inserted()).isEqualTo(21 * 2);
    // weeks of Jan 1, 8, 16, 22 closed; the week of Jan 29 closes Fri Feb 2: still forming
    assertThat(byTf.get(Timeframe.W1).inserted()).isEqualTo(4);
    assertThat(service.quality(List.of("MSFT")))
        .allSatisfy(
            q -> {
              assertThat(q.report().findings())
                  .filteredOn(f -> f.severity() == Severity.ERROR)
                  .isEmpty();
              assertThat(q.simulated()).isTrue();
            });
  }

  @Test
  void a_second_backfill_resumes_from_the_last_bar_and_changes_nothing() {
    MarketDataService service = service(Instant.parse("2024-02-01T12:00:00Z"));
    service.backfill(
        List.of("AMD"),
        EnumSet.of(Timeframe.D1),
        Optional.of(LocalDate.of(2024, 1, 1)),
        Optional.empty(),
        SIM,
        BackfillListener.none());
    List<SymbolLoad> again =
        service.backfill(
            List.of("AMD"),
            EnumSet.of(Timeframe.D1),
            Optional.empty(),
            Optional.empty(),
            SIM,
            BackfillListener.none());
    UpsertResult d1 = again.get(0).loads().get(Timeframe.D1);
    assertThat(d1.changed()).isFalse();
    // only the overlap is fetched again: the newest 5 bars, compared to see a re-adjustment
    assertThat(d1.unchanged()).isEqualTo(SeriesAdjustment.OVERLAP_BARS);
  }

  @Test
  void a_failing_symbol_is_retried_three_times_and_isolated_from_the_others() {
    Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    BarSource flaky =
        (symbol, tf, from, to) -> {
          int call = calls.computeIfAbsent(symbol, k -> new AtomicInteger()).incrementAndGet();
          if (symbol.equals("NVDA") || (symbol.equals("TSLA") && call <= 2)) {
            throw new AlpacaException("HTTP 503 from test", 503, true, Optional.empty(), null);
          }
          return SIMULATOR.fetch(symbol, tf, from, to);
        };
    List<SymbolLoad> heard = new ArrayList<>();
    List<SymbolLoad> loads =
        service(Instant.parse("2024-02-01T12:00:00Z"))
            .backfill(
                List.of("NVDA", "TSLA", "META"),
                EnumSet.of(Timeframe.D1),
                Optional.of(LocalDate.of(2024, 1, 2)),
                Optional.empty(),
                new LabelledSource("sim", flaky, "test"),
                heard::add);

    assertThat(loads).extracting(SymbolLoad::symbol).containsExactly("NVDA", "TSLA", "META");
    assertThat(loads.get(0).succeeded()).isFalse();
    assertThat(loads.get(0).attempts()).isEqualTo(1 + 3);
    assertThat(loads.get(0).error()).contains("HTTP 503 from test");
    assertThat(loads.get(1).succeeded()).isTrue();
    assertThat(loads.get(1).attempts()).isEqualTo(3);
    assertThat(loads.get(2).attempts()).isEqualTo(1);
    assertThat(heard).hasSize(3);
  }

  @Test
  void rejected_credentials_are_not_retried() {
    BarSource refusing =
        (symbol, tf, from, to) -> {
          throw new AlpacaAuthenticationException(401, "{\"message\":\"forbidden.\"}");
        };
    List<SymbolLoad> loads =
        service(Instant.parse("2024-02-01T12:00:00Z"))
            .backfill(
                List.of("AAPL"),
                EnumSet.of(Timeframe.D1),
                Optional.empty(),
                Optional.empty(),
                new LabelledSource("alpaca", refusing, "test"),
                BackfillListener.none());
    assertThat(loads.get(0).attempts()).isEqualTo(1);
    assertThat(loads.get(0).error().orElseThrow()).contains("APCA_API_KEY_ID");
  }

  @Test
  void intraday_ingestion_never_stores_a_bar_still_forming() {
    // Jan 2 2024 stored; now = Wed Jan 3 10:10 New York (15:10 UTC)
    service(Instant.parse("2024-01-03T00:00:00Z"))
        .backfill(
            List.of("GOOGL"),
            EnumSet.of(Timeframe.M15),
            Optional.of(LocalDate.of(2024, 1, 2)),
            Optional.empty(),
            SIM,
            BackfillListener.none());
    MarketDataService service = service(Instant.parse("2024-01-03T15:10:00Z"));

    List<SymbolLoad> loads = service.ingestIntraday(List.of("GOOGL"), SIM, BackfillListener.none());

    // 09:30 and 09:45 have closed; 10:00 closes at 10:15, after now
    assertThat(loads.get(0).loads().get(Timeframe.M15).inserted()).isEqualTo(2);
    List<StoredBar> jan3 =
        service.bars(
            "GOOGL", Timeframe.M15, Optional.of(LocalDate.of(2024, 1, 3)), Optional.empty());
    assertThat(jan3)
        .extracting(s -> s.bar().ts())
        .containsExactly(
            Instant.parse("2024-01-03T14:30:00Z"), Instant.parse("2024-01-03T14:45:00Z"));
    // the 09:30 hour closes at 10:30: not stored yet
    assertThat(
            service.bars(
                "GOOGL", Timeframe.H1, Optional.of(LocalDate.of(2024, 1, 3)), Optional.empty()))
        .isEmpty();
  }

  @Test
  void an_unknown_symbol_points_at_symbols_list() {
    assertThatThrownBy(
            () ->
                service(Instant.now())
                    .bars("ZZZZ", Timeframe.D1, Optional.empty(), Optional.empty()))
        .isInstanceOf(UnknownSymbolException.class)
        .hasMessageContaining("swiftbolt symbols list");
  }
}
