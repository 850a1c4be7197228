package dev.swiftbolt.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.swiftbolt.db.Database;
import dev.swiftbolt.db.TestDatabase;
import dev.swiftbolt.jobs.Job;
import dev.swiftbolt.jobs.JobQueue;
import dev.swiftbolt.jobs.MutableClock;
import dev.swiftbolt.jobs.NewJob;
import dev.swiftbolt.jobs.RetryPolicy;
import dev.swiftbolt.market.Direction;
import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.ml.features.FeatureBuilder;
import dev.swiftbolt.ml.models.MajorityModel;
import dev.swiftbolt.ml.models.ModelKind;
import dev.swiftbolt.ml.models.NewModel;
import dev.swiftbolt.ml.registry.ModelRegistry;
import dev.swiftbolt.predictions.UnifiedPredictionRepository;
import dev.swiftbolt.validation.Fixtures;
import dev.swiftbolt.validation.UnifiedPrediction;
import dev.swiftbolt.validation.UnifiedValidator;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox on a real embedded PostgreSQL: events written with their cause, never twice. */
class OutboxTest {

  private static Database database;
  private static Jdbi jdbi;
  private static final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T15:00:00Z"));
  private static UnifiedPredictionRepository predictions;
  private static NotificationFeed feed;

  @BeforeAll
  static void open() {
    database = TestDatabase.create();
    jdbi = database.jdbi();
    predictions = new UnifiedPredictionRepository(jdbi, new PredictionAlerts(clock));
    feed = new NotificationFeed(jdbi, clock);
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @BeforeEach
  void fresh() {
    jdbi.useHandle(
        h -> {
          h.execute("DELETE FROM notifications");
          h.execute("DELETE FROM notification_settings");
          h.execute("DELETE FROM unified_predictions");
          h.execute("DELETE FROM user_symbol_tracking");
          h.execute("DELETE FROM forecast_jobs");
          h.execute("DELETE FROM models");
          h.execute(
              "INSERT INTO symbols (symbol, name, exchange) VALUES ('NVDA', 'Nvidia', 'NASDAQ'),"
                  + " ('AAPL', 'Apple', 'NASDAQ') ON CONFLICT DO NOTHING");
        });
  }

  private static void track(String user, String symbol) {
    jdbi.useHandle(
        h ->
            h.execute(
                "INSERT INTO user_symbol_tracking (user_id, symbol_id)"
                    + " SELECT ?, id FROM symbols WHERE symbol = ?",
                user,
                symbol));
  }

  /** A validator answer for NVDA with the given direction: strong scores, no drift. */
  private static UnifiedPrediction nvda(Direction direction) {
    return new UnifiedValidator().validate("NVDA", direction, Fixtures.scores(0.7, 0.7, 0.7));
  }

  private static List<String> kinds(String user) {
    return feed.page(user, 0, 100, false).stream()
        .map(NotificationFeed.Notification::kind)
        .toList();
  }

  @Test
  void the_first_prediction_after_tracking_is_ready_for_each_tracker_and_only_once() {
    track("alice", "NVDA");
    track("bob", "NVDA");
    predictions.store(nvda(Direction.BULLISH));
    predictions.store(nvda(Direction.BULLISH));
    assertThat(kinds("alice")).containsExactly("prediction.ready");
    assertThat(kinds("bob")).containsExactly("prediction.ready");
    assertThat(kinds("carol")).isEmpty();
    NotificationFeed.Notification ready = feed.page("alice", 0, 1, false).get(0);
    assertThat(ready.symbol()).isEqualTo("NVDA");
    assertThat(ready.data().get("direction").asText()).isEqualTo("BULLISH");
  }

  @Test
  void a_symbol_nobody_tracks_writes_nothing() {
    predictions.store(nvda(Direction.BULLISH));
    predictions.store(nvda(Direction.BEARISH));
    long count =
        jdbi.withHandle(
            h -> h.createQuery("SELECT count(*) FROM notifications").mapTo(Long.class).one());
    assertThat(count).isZero();
  }

  @Test
  void flips_inside_the_cooldown_yield_one_event_per_new_state_and_after_it_again() {
    track("alice", "NVDA");
    predictions.store(nvda(Direction.BULLISH));
    predictions.store(nvda(Direction.BEARISH));
    clock.advance(Duration.ofMinutes(10));
    predictions.store(nvda(Direction.BULLISH));
    clock.advance(Duration.ofMinutes(10));
    predictions.store(nvda(Direction.BEARISH)); // BEARISH again inside 6 h: dropped
    assertThat(kinds("alice"))
        .containsExactly("direction.changed", "direction.changed", "prediction.ready");
    clock.advance(Duration.ofHours(6));
    predictions.store(nvda(Direction.BULLISH)); // BULLISH's last event is 6 h 10 min old
    assertThat(kinds("alice")).hasSize(4).first().isEqualTo("direction.changed");
  }

  @Test
  void re_storing_the_same_state_adds_nothing_even_after_the_cooldown() {
    track("alice", "NVDA");
    predictions.store(nvda(Direction.BULLISH));
    predictions.store(nvda(Direction.BEARISH));
    clock.advance(Duration.ofHours(7));
    predictions.store(nvda(Direction.BEARISH));
    predictions.store(nvda(Direction.BEARISH));
    assertThat(kinds("alice")).containsExactly("direction.changed", "prediction.ready");
  }

  @Test
  void a_kind_the_user_disabled_is_not_written_and_the_threshold_is_per_user() {
    track("alice", "NVDA");
    track("bob", "NVDA");
    UnifiedPrediction strong = nvda(Direction.BULLISH);
    UnifiedPrediction weak =
        new UnifiedValidator()
            .validate("NVDA", Direction.BULLISH, Fixtures.scores(0.45, 0.45, 0.45));
    double low = weak.unifiedConfidence();
    double high = strong.unifiedConfidence();
    assertThat(low).isLessThan(high);
    double between = (low + high) / 2;
    feed.saveSettings(
        "alice",
        NotificationSettings.DEFAULTS
            .withKinds(EnumSet.of(NotificationKind.CONFIDENCE_CROSSED))
            .withThreshold(between));
    feed.saveSettings("bob", NotificationSettings.DEFAULTS.withThreshold(Math.min(1, high + 0.01)));
    predictions.store(weak);
    predictions.store(strong);
    assertThat(kinds("alice")).containsExactly("confidence.crossed");
    assertThat(kinds("bob")).containsExactly("prediction.ready");
  }

  @Test
  void an_outbox_that_fails_rolls_its_prediction_back() {
    track("alice", "NVDA");
    UnifiedPredictionRepository failing =
        new UnifiedPredictionRepository(
            jdbi,
            (handle, id, p) -> {
              new PredictionAlerts(clock).stored(handle, id, p);
              throw new IllegalStateException("the outbox failed after writing");
            });
    assertThatThrownBy(() -> failing.store(nvda(Direction.BULLISH)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(predictions.latest("NVDA")).isEmpty();
    assertThat(kinds("alice")).isEmpty();
  }

  @Test
  void a_dead_job_of_a_tracked_symbol_notifies_its_trackers_with_the_last_error() {
    track("alice", "NVDA");
    JobQueue queue = new JobQueue(jdbi, clock, RetryPolicy.defaultPolicy(), new JobFailureAlerts());
    long symbolId =
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT id FROM symbols WHERE symbol = 'NVDA'")
                    .mapTo(Long.class)
                    .one());
    queue.enqueue(NewJob.of("train").forSymbol(symbolId).withMaxAttempts(2));
    Job first = queue.claim("w", 1, Duration.ofMinutes(1)).get(0);
    queue.fail(first, "first failure");
    assertThat(kinds("alice")).isEmpty(); // retried, not dead
    clock.advance(Duration.ofHours(2));
    Job second = queue.claim("w", 1, Duration.ofMinutes(1)).get(0);
    queue.fail(second, "bars missing for NVDA D1");
    List<NotificationFeed.Notification> feedOfAlice = feed.page("alice", 0, 10, false);
    assertThat(feedOfAlice)
        .extracting(NotificationFeed.Notification::kind)
        .containsExactly("job.failed");
    assertThat(feedOfAlice.get(0).data().get("last_error").asText())
        .isEqualTo("bars missing for NVDA D1");
    assertThat(feedOfAlice.get(0).data().get("job_type").asText()).isEqualTo("train");
  }

  @Test
  void a_job_whose_last_lease_expired_dies_at_claim_and_notifies() {
    track("alice", "NVDA");
    JobQueue queue = new JobQueue(jdbi, clock, RetryPolicy.defaultPolicy(), new JobFailureAlerts());
    long symbolId =
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT id FROM symbols WHERE symbol = 'NVDA'")
                    .mapTo(Long.class)
                    .one());
    jdbi.useHandle(h -> h.execute("DELETE FROM forecast_jobs")); // the tracking trigger's jobs
    queue.enqueue(NewJob.of("forecast").forSymbol(symbolId).withMaxAttempts(1));
    assertThat(queue.claim("crashing", 1, Duration.ofSeconds(30))).hasSize(1);
    clock.advance(Duration.ofMinutes(1));
    assertThat(queue.claim("other", 1, Duration.ofSeconds(30))).isEmpty();
    assertThat(kinds("alice")).containsExactly("job.failed");
  }

  @Test
  void a_retrained_model_notifies_and_a_first_model_does_not() {
    track("alice", "NVDA");
    ModelRegistry registry = new ModelRegistry(jdbi, new RetrainAlerts(clock));
    long symbolId =
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT id FROM symbols WHERE symbol = 'NVDA'")
                    .mapTo(Long.class)
                    .one());
    Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
    registry.register(model(symbolId, t0, t0.plus(Duration.ofDays(300))));
    assertThat(kinds("alice")).isEmpty();
    long second = registry.register(model(symbolId, t0, t0.plus(Duration.ofDays(330))));
    List<NotificationFeed.Notification> got = feed.page("alice", 0, 10, false);
    assertThat(got)
        .extracting(NotificationFeed.Notification::kind)
        .containsExactly("model.retrained");
    assertThat(got.get(0).data().get("model_id").asLong()).isEqualTo(second);
    assertThat(got.get(0).data().get("train_to").asText()).isEqualTo("2025-11-27T00:00:00Z");
    assertThat(got.get(0).data().get("previous_train_to").asText())
        .isEqualTo("2025-10-28T00:00:00Z");
  }

  @Test
  void stale_d1_data_is_reported_once_per_gap() {
    track("alice", "AAPL");
    jdbi.useHandle(
        h ->
            h.execute(
                "INSERT INTO ohlc_bars (symbol_id, timeframe, ts, open, high, low, close, volume,"
                    + " source) SELECT id, 'D1', '2026-11-02T14:30:00Z', 1, 2, 0.5, 1.5, 100, 'sim'"
                    + " FROM symbols WHERE symbol = 'AAPL'"));
    StaleDataCheck check =
        new StaleDataCheck(jdbi, dev.swiftbolt.marketdata.TradingCalendar.nyse());
    assertThat(check.run(Instant.parse("2026-11-04T22:00:00Z"))).isZero();
    assertThat(check.run(Instant.parse("2026-11-05T22:00:00Z"))).isEqualTo(1);
    assertThat(check.run(Instant.parse("2026-11-06T22:00:00Z"))).isZero();
    assertThat(kinds("alice")).containsExactly("data.stale");
  }

  private static NewModel model(long symbolId, Instant from, Instant to) {
    return new NewModel(
        symbolId,
        Timeframe.D1,
        ModelKind.MAJORITY,
        JsonNodeFactory.instance.objectNode().put("kind", "majority").toString(),
        FeatureBuilder.FEATURE_NAMES,
        5,
        from,
        to,
        to,
        "{\"walkforward\":{\"accuracy\":0.4}}",
        "none",
        new double[0],
        new MajorityModel(new double[] {0.5, 0.3, 0.2}).toBytes());
  }
}
