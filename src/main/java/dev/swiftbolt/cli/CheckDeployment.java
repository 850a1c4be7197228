package dev.swiftbolt.cli;

import com.nimbusds.jose.KeySourceException;
import dev.swiftbolt.alerts.RealtimePublication;
import dev.swiftbolt.auth.SupabaseJwks;
import dev.swiftbolt.auth.TokenKeys;
import dev.swiftbolt.config.SwiftBoltConfig;
import dev.swiftbolt.db.ConnectionMode;
import dev.swiftbolt.db.Database;
import dev.swiftbolt.db.DatabaseStatus;
import dev.swiftbolt.db.DatabaseUnavailableException;
import dev.swiftbolt.db.Databases;
import dev.swiftbolt.db.SchemaSecurity;
import dev.swiftbolt.db.SupabaseGrants;
import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.marketdata.AlpacaBarSource;
import dev.swiftbolt.marketdata.AlpacaSettings;
import dev.swiftbolt.marketdata.BarSchedule;
import dev.swiftbolt.marketdata.TradingCalendar;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.flywaydb.core.api.MigrationInfoService;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code swiftbolt check deployment}: is this deployment ready to serve the app? */
@Command(
    name = "deployment",
    mixinStandardHelpOptions = true,
    description = {
      "Check that this deployment is ready to serve the app: one PASS, WARN or FAIL line per check, exit 1 when any fails.",
      "Checks: the database is reachable and how (direct, session pooler, transaction pooler); the schema is at the current version; row-level security is on for every table, with the policies where Supabase's roles and auth.uid() exist; the privileges of anon and authenticated on every table match the intended grants (a FAIL names the table, the role and the GRANT or REVOKE that fixes it); the tracking trigger is present; notifications is published to Supabase Realtime where its publication exists; tokens are verified (the project's JWKS with its number of keys, the legacy secret, or development tokens, a warning when the database is not local); the Alpaca keys are accepted by one small request, or the simulator is used. Nothing is changed: the database is not migrated."
    })
final class CheckDeployment implements Callable<Integer> {

  /** A check's outcome. */
  enum Status {
    PASS,
    WARN,
    FAIL
  }

  /** One line of the report. */
  record Line(Status status, String check, String detail) {
    @Override
    public String toString() {
      return "%-4s  %-18s  %s".formatted(status, check, detail);
    }
  }

  private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "::1", "[::1]");
  private static final Database.ConnectRetry QUICK =
      new Database.ConnectRetry(Duration.ofMillis(500), Duration.ofSeconds(2), 3);

  @ParentCommand CheckCommand check;

  @Override
  public Integer call() {
    List<Line> lines = report(check.main.config());
    lines.forEach(System.out::println);
    return lines.stream().anyMatch(l -> l.status() == Status.FAIL) ? 1 : 0;
  }

  /** Every check's line for the deployment {@code config} describes, in the order printed. */
  static List<Line> report(SwiftBoltConfig config) {
    List<Line> lines = new ArrayList<>();
    boolean localDatabase = databaseChecks(config, lines);
    lines.add(tokens(config, localDatabase));
    lines.add(alpaca(config));
    return lines;
  }

  /** The database lines; returns whether the database is local (embedded or on this machine). */
  private static boolean databaseChecks(SwiftBoltConfig config, List<Line> lines) {
    Database database;
    try {
      database = Databases.connect(config, new Database.PoolOptions(2, "swiftbolt-check"), QUICK);
    } catch (DatabaseUnavailableException e) {
      lines.add(new Line(Status.FAIL, "database", e.getMessage()));
      return false;
    }
    try (database) {
      ConnectionMode mode = database.settings().mode();
      String version = new DatabaseStatus(database.jdbi()).serverVersion();
      lines.add(
          new Line(
              Status.PASS,
              "database",
              "reachable at %s, %s%s (PostgreSQL %s)"
                  .formatted(
                      database.isEmbedded()
                          ? "embedded " + database.settings().address()
                          : database.settings().address(),
                      mode.label(),
                      mode == ConnectionMode.TRANSACTION_POOLER
                          ? ": prepared statements off, no session state"
                          : "",
                      version)));
      lines.add(schema(database.flyway().info()));
      SchemaSecurity security = SchemaSecurity.read(database.jdbi());
      lines.add(rowLevelSecurity(security));
      lines.add(policies(security));
      lines.addAll(
          privileges(
              security,
              security.supabase()
                  ? SupabaseGrants.compare(security.tables(), SupabaseGrants.read(database.jdbi()))
                  : List.of()));
      lines.add(trigger(security));
      lines.add(realtime(RealtimePublication.read(database.jdbi())));
      return database.isEmbedded()
          || LOCAL_HOSTS.contains(database.settings().host().toLowerCase(Locale.ROOT));
    } catch (RuntimeException e) {
      lines.add(new Line(Status.FAIL, "database", "checks failed: " + e.getMessage()));
      return false;
    }
  }

  static Line schema(MigrationInfoService info) {
    String current = info.current() == null ? "none" : info.current().getVersion().getVersion();
    int pending = info.pending().length;
    if (pending > 0) {
      return new Line(
          Status.FAIL,
          "schema",
          "version %s, %d migrations pending; run `swiftbolt db migrate` (through the session pooler or the direct connection)"
              .formatted(current, pending));
    }
    if (info.current() == null) {
      return new Line(Status.FAIL, "schema", "no migrations applied; run `swiftbolt db migrate`");
    }
    return new Line(Status.PASS, "schema", "version %s, current".formatted(current));
  }

  static Line rowLevelSecurity(SchemaSecurity s) {
    if (s.tables().isEmpty()) {
      return new Line(
          Status.FAIL, "row-level security", "no tables yet; run `swiftbolt db migrate`");
    }
    if (!s.withoutRowLevelSecurity().isEmpty()) {
      return new Line(
          Status.FAIL,
          "row-level security",
          "off on %s; run `swiftbolt db migrate`"
              .formatted(String.join(", ", s.withoutRowLevelSecurity())));
    }
    return new Line(
        Status.PASS, "row-level security", "enabled on all %d tables".formatted(s.tables().size()));
  }

  static Line policies(SchemaSecurity s) {
    if (!s.supabase()) {
      return new Line(
          Status.PASS,
          "policies",
          "none needed: no Supabase roles or auth.uid() here, so nothing but the owner reaches the tables (%d policies)"
              .formatted(s.policies().size()));
    }
    if (s.policies().size() < SchemaSecurity.EXPECTED_POLICIES) {
      return new Line(
          Status.FAIL,
          "policies",
          "%d of %d present although Supabase's roles and auth.uid() exist; the app cannot read its watchlist until migration V7 runs on this database"
              .formatted(s.policies().size(), SchemaSecurity.EXPECTED_POLICIES));
    }
    return new Line(
        Status.PASS,
        "policies",
        "%d present (Supabase's roles and auth.uid() found): own watchlist rows, market data and own symbols' jobs for authenticated, nothing for anon"
            .formatted(s.policies().size()));
  }

  /**
   * The privilege lines: one PASS when {@code mismatches} is empty (or Supabase's roles are
   * absent), else one FAIL per role × table naming the statement that fixes it.
   */
  static List<Line> privileges(SchemaSecurity s, List<SupabaseGrants.Mismatch> mismatches) {
    if (!s.supabase()) {
      return List.of(
          new Line(
              Status.PASS,
              "privileges",
              "none needed: no Supabase roles or auth.uid() here, so no API role reaches the tables"));
    }
    if (mismatches.isEmpty()) {
      return List.of(
          new Line(
              Status.PASS,
              "privileges",
              "as intended on all %d tables: anon nothing; authenticated SELECT on the app's %d tables, INSERT and DELETE on user_symbol_tracking, UPDATE of read_at on notifications, nothing else"
                  .formatted(s.tables().size(), SupabaseGrants.AUTHENTICATED.size())));
    }
    return mismatches.stream().map(m -> new Line(Status.FAIL, "privileges", m.toString())).toList();
  }

  /** Whether {@code notifications} is in Supabase Realtime's publication (V15 adds it). */
  static Line realtime(RealtimePublication state) {
    return switch (state) {
      case PUBLISHED ->
          new Line(
              Status.PASS,
              "realtime",
              "notifications is published to supabase_realtime: the app can subscribe to its own");
      case NOT_PUBLISHED ->
          new Line(
              Status.WARN,
              "realtime",
              "supabase_realtime exists without notifications; the app gets no live alerts until `ALTER PUBLICATION supabase_realtime ADD TABLE notifications` (migration V15 does it when the publication exists first)");
      case ABSENT ->
          new Line(
              Status.PASS,
              "realtime",
              "no supabase_realtime publication (not Supabase): live alerts come from /api/v1/notifications/stream");
    };
  }

  static Line trigger(SchemaSecurity s) {
    if (!s.trackingTrigger()) {
      return new Line(
          Status.FAIL,
          "tracking trigger",
          "user_symbol_tracking_enqueue is missing: tracking a symbol would queue no jobs; run `swiftbolt db migrate`");
    }
    if (!s.triggerRunsAsOwner()) {
      return new Line(
          Status.FAIL,
          "tracking trigger",
          "present but not SECURITY DEFINER with a fixed search_path: the app's inserts could not queue jobs; run `swiftbolt db migrate`");
    }
    return new Line(
        Status.PASS, "tracking trigger", "present, runs as the owner with a fixed search_path");
  }

  static Line tokens(SwiftBoltConfig config, boolean localDatabase) {
    TokenKeys keys;
    try {
      keys = TokenKeys.resolve(config);
    } catch (RuntimeException e) {
      return new Line(Status.FAIL, "tokens", e.getMessage());
    }
    if (keys.development()) {
      return localDatabase
          ? new Line(Status.PASS, "tokens", "development tokens (`swiftbolt token USER`)")
          : new Line(
              Status.WARN,
              "tokens",
              "development tokens only, on a database that is not local: set SUPABASE_URL (and SUPABASE_JWT_SECRET while the project still has legacy tokens) so the app's users can sign in");
    }
    String legacy = keys.secret().isPresent() ? " and the legacy SUPABASE_JWT_SECRET" : "";
    if (keys.jwks().isEmpty()) {
      return new Line(Status.PASS, "tokens", "legacy HS256 secret (SUPABASE_JWT_SECRET)");
    }
    SupabaseJwks jwks = keys.jwks().get();
    try {
      int count = jwks.fetchKeys().size();
      if (count == 0) {
        return new Line(Status.FAIL, "tokens", "JWKS at %s has no keys".formatted(jwks.jwksUrl()));
      }
      return new Line(
          Status.PASS,
          "tokens",
          "JWKS at %s reachable with %d keys%s".formatted(jwks.jwksUrl(), count, legacy));
    } catch (KeySourceException e) {
      return new Line(
          Status.FAIL,
          "tokens",
          "JWKS at %s unreachable (%s): the server would answer 503 to its tokens"
              .formatted(jwks.jwksUrl(), e.getMessage()));
    }
  }

  static Line alpaca(SwiftBoltConfig config) {
    Optional<AlpacaSettings> settings;
    try {
      settings = AlpacaSettings.fromEnvironment(config.alpacaEnvironment());
    } catch (IllegalArgumentException e) {
      return new Line(Status.FAIL, "alpaca", e.getMessage());
    }
    if (settings.isEmpty()) {
      return new Line(
          Status.PASS, "alpaca", "simulator (APCA_API_KEY_ID and APCA_API_SECRET_KEY are not set)");
    }
    // one quick answer, not the backfill's patience
    AlpacaSettings alpaca =
        settings.get().withBackoff(Duration.ofMillis(200), Duration.ofSeconds(1));
    try {
      // history only (complete bars, one request): the last 15 minutes may take a second feed
      Instant now = Instant.now().minus(AlpacaSettings.RECENT_WINDOW);
      int bars =
          new AlpacaBarSource(
                  alpaca,
                  HttpClient.newHttpClient(),
                  new BarSchedule(TradingCalendar.nyse()),
                  java.time.Clock.systemUTC())
              .fetch("AAPL", Timeframe.D1, now.minus(Duration.ofDays(7)), now)
              .size();
      return new Line(
          Status.PASS,
          "alpaca",
          "keys accepted by %s (feed %s, %d AAPL daily bars this week)"
              .formatted(alpaca.dataUrl(), alpaca.feed(), bars));
    } catch (RuntimeException e) {
      return new Line(
          Status.FAIL,
          "alpaca",
          "request to %s failed: %s".formatted(alpaca.dataUrl(), e.getMessage()));
    }
  }
}
