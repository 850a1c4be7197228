package dev.swiftbolt.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swiftbolt.db.Database;
import dev.swiftbolt.db.TestDatabase;
import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.symbols.SymbolRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A series (symbol × timeframe) never mixes simulated and real bars. */
class SeriesSourcesTest {

  private static final BarSchedule SCHEDULE = new BarSchedule(TradingCalendar.nyse());
  private static final MarketSimulator SIMULATOR =
      new MarketSimulator(SCHEDULE, SimulationParameters.DEFAULT);
  private static final LabelledSource SIM =
      new LabelledSource("sim", SIMULATOR, "Source: simulator (test)");
  private static final Instant NOW = Instant.parse("2025-01-06T00:00:00Z");
  private static final Optional<LocalDate> FROM = Optional.of(LocalDate.of(2024, 7, 1));
  private static final Optional<LocalDate> TO = Optional.of(LocalDate.of(2024, 12, 31));

  private static Database db;
  private static long aapl;

  @BeforeAll
  static void open() {
    db = TestDatabase.create();
    new SymbolRepository(db.jdbi()).seed();
    aapl = new SymbolRepository(db.jdbi()).require("AAPL");
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @BeforeEach
  void empty() {
    db.jdbi()
        .useHandle(
            h -> {
              h.execute("DELETE FROM ohlc_bars");
              h.execute("DELETE FROM models");
            });
  }

  private static MarketDataService service() {
    return new MarketDataService(
        db.jdbi(),
        SCHEDULE,
        Clock.fixed(NOW, ZoneOffset.UTC),
        BackfillSettings.DEFAULT.withBackoff(Duration.ofMillis(1), Duration.ofMillis(5)),
        QualityThresholds.DEFAULT);
  }

  /** "Real" daily bars of the second half of 2024: the simulator's path times {@code scale}. */
  private static List<Bar> realDaily(double scale) {
    return SIMULATOR
        .fetch(
            "AAPL",
            Timeframe.D1,
            Instant.parse("2024-07-01T04:00:00Z"),
            Instant.parse("2025-01-01T05:00:00Z"))
        .stream()
        .map(
            b ->
                new Bar(
                    b.ts(),
                    b.open() * scale,
                    b.high() * scale,
                    b.low() * scale,
                    b.close() * scale,
                    b.volume() * 3))
        .toList();
  }

  private static Set<String> sources(Timeframe timeframe) {
    return new BarRepository(db.jdbi()).sources(aapl, timeframe);
  }

  private static long count(String sql) {
    return db.jdbi().withHandle(h -> h.createQuery(sql).bind("s", aapl).mapTo(Long.class).one());
  }

  private static void simulatedDailySeriesWithAModelForecastsAndAnEvaluation() {
    List<SymbolLoad> loads =
        service()
            .backfill(
                List.of("AAPL"),
                EnumSet.of(Timeframe.D1, Timeframe.W1),
                FROM,
                TO,
                SIM,
                BackfillListener.none());
    assertThat(loads.get(0).succeeded()).as(loads.get(0).error().orElse("")).isTrue();
    db.jdbi()
        .useHandle(
            h -> {
              long model =
                  h.createQuery(
                          """
                          INSERT INTO models (symbol_id, timeframe, algorithm, params, features,
                                              horizon_bars, train_from, train_to, trained_at,
                                              metrics, calibration_method, artifact_format,
                                              artifact, active)
                          VALUES (:s, 'D1', 'test', '{}', '[]', 1, '2024-07-01', '2024-12-01',
                                  '2024-12-02', '{}', 'none', 'test', '\\x00'::bytea, true)
                          RETURNING id
                          """)
                      .bind("s", aapl)
                      .mapTo(Long.class)
                      .one();
              h.createUpdate(
                      """
                      INSERT INTO forecasts (model_id, symbol_id, timeframe, bar_ts, horizon_bars,
                                             made_at, live_run, direction, p_bull, p_neutral,
                                             p_bear, score)
                      VALUES (:m, :s, 'D1', '2024-12-02T14:30:00Z', 1, '2024-12-02T21:00:00Z',
                              true, 'BULLISH', 0.6, 0.3, 0.1, 0.5)
                      """)
                  .bind("m", model)
                  .bind("s", aapl)
                  .execute();
              h.createUpdate(
                      """
                      INSERT INTO model_evaluations (symbol_id, timeframe, model_id, evaluated_at,
                                                     backtest, walkforward, live,
                                                     live_score_source, calibration)
                      VALUES (:s, 'D1', :m, '2024-12-03', '{}', '{}', '{}', 'live', '{}')
                      """)
                  .bind("m", model)
                  .bind("s", aapl)
                  .execute();
            });
  }

  @Test
  void real_bars_into_a_simulated_series_are_refused_without_replace_simulated() {
    simulatedDailySeriesWithAModelForecastsAndAnEvaluation();
    long before = count("SELECT count(*) FROM ohlc_bars WHERE symbol_id = :s");

    assertThatThrownBy(() -> service().importBars("AAPL", Timeframe.D1, "csv", realDaily(1.0)))
        .isInstanceOf(SeriesSourceException.class)
        .hasMessageContaining("AAPL D1 holds SIMULATED bars")
        .hasMessageContaining("--replace-simulated");

    assertThat(sources(Timeframe.D1)).containsExactly("sim");
    assertThat(count("SELECT count(*) FROM ohlc_bars WHERE symbol_id = :s")).isEqualTo(before);
    assertThat(count("SELECT count(*) FROM models WHERE symbol_id = :s AND active")).isOne();
  }

  @Test
  void replace_simulated_leaves_one_source_and_retires_the_models_forecasts_and_evaluations() {
    simulatedDailySeriesWithAModelForecastsAndAnEvaluation();
    List<Bar> real = realDaily(1.0);

    service().importBars("AAPL", Timeframe.D1, "csv", real, true);

    assertThat(sources(Timeframe.D1)).containsExactly("csv");
    assertThat(sources(Timeframe.W1)).containsExactly("csv");
    assertThat(count("SELECT count(*) FROM ohlc_bars WHERE symbol_id = :s AND timeframe = 'D1'"))
        .isEqualTo(real.size());
    assertThat(count("SELECT count(*) FROM models WHERE symbol_id = :s AND active")).isZero();
    assertThat(
            count(
                """
                SELECT count(*) FROM models
                WHERE symbol_id = :s AND retired_reason LIKE '%--replace-simulated%'
                """))
        .isOne();
    assertThat(count("SELECT count(*) FROM forecasts WHERE symbol_id = :s")).isZero();
    assertThat(count("SELECT count(*) FROM model_evaluations WHERE symbol_id = :s")).isZero();
  }

  @Test
  void a_backfill_of_real_bars_with_replace_simulated_reloads_the_whole_requested_history() {
    simulatedDailySeriesWithAModelForecastsAndAnEvaluation();
    LabelledSource alpaca =
        new LabelledSource("alpaca", (symbol, tf, from, to) -> realDaily(1.0), "fake Alpaca");

    SymbolLoad refused =
        service()
            .backfill(
                List.of("AAPL"),
                EnumSet.of(Timeframe.D1),
                Optional.empty(),
                TO,
                alpaca,
                BackfillListener.none())
            .get(0);
    assertThat(refused.succeeded()).isFalse();
    assertThat(refused.attempts()).as("a refusal is not retried").isOne();
    assertThat(refused.error().orElseThrow()).contains("--replace-simulated");

    SymbolLoad replaced =
        service()
            .backfill(
                List.of("AAPL"),
                EnumSet.of(Timeframe.D1),
                Optional.empty(),
                TO,
                alpaca,
                true,
                BackfillListener.none())
            .get(0);
    assertThat(replaced.succeeded()).as(replaced.error().orElse("")).isTrue();
    assertThat(sources(Timeframe.D1)).containsExactly("alpaca");
    assertThat(count("SELECT count(*) FROM ohlc_bars WHERE symbol_id = :s AND timeframe = 'D1'"))
        .isEqualTo(realDaily(1.0).size());
  }

  @Test
  void simulated_bars_into_a_real_series_are_always_refused() {
    service().importBars("AAPL", Timeframe.D1, "csv", realDaily(1.0));
    for (boolean replaceSimulated : new boolean[] {false, true}) {
      SymbolLoad load =
          service()
              .backfill(
                  List.of("AAPL"),
                  EnumSet.of(Timeframe.D1),
                  FROM,
                  TO,
                  SIM,
                  replaceSimulated,
                  BackfillListener.none())
              .get(0);
      assertThat(load.succeeded()).isFalse();
      assertThat(load.error().orElseThrow())
          .contains("AAPL D1 holds real bars (csv)")
          .contains("never loaded into a real series");
    }
    assertThat(sources(Timeframe.D1)).containsExactly("csv");
  }

  @Test
  void a_second_real_source_joins_only_where_its_overlapping_bars_agree() {
    List<Bar> csv = realDaily(1.0);
    service().importBars("AAPL", Timeframe.D1, "csv", csv.subList(0, 100));

    // halved prices (one source split-adjusted, the other not): refused, nothing written
    assertThatThrownBy(
            () ->
                service()
                    .importBars("AAPL", Timeframe.D1, "alpaca", realDaily(0.5).subList(90, 120)))
        .isInstanceOf(SeriesSourceException.class)
        .hasMessageContaining("disagrees with the stored csv bar");
    // no overlap: nothing shows they agree
    assertThatThrownBy(
            () ->
                service()
                    .importBars("AAPL", Timeframe.D1, "alpaca", realDaily(1.0).subList(110, 120)))
        .isInstanceOf(SeriesSourceException.class)
        .hasMessageContaining("no alpaca bar overlaps them");
    assertThat(sources(Timeframe.D1)).containsExactly("csv");

    // the same prices within rounding (volumes differ, as feeds do): accepted
    service().importBars("AAPL", Timeframe.D1, "alpaca", realDaily(1.0004).subList(90, 120));
    assertThat(sources(Timeframe.D1)).containsExactly("alpaca", "csv");
    assertThat(count("SELECT count(*) FROM ohlc_bars WHERE symbol_id = :s AND timeframe = 'D1'"))
        .isEqualTo(120);
  }
}
