package dev.swiftbolt.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * A fresh database prepared as a Supabase project created in 2026 is before the app's migrations:
 * the roles {@code anon}, {@code authenticated} and {@code service_role}; a schema {@code auth}
 * whose {@code auth.uid()} reads the {@code request.jwt.claims} setting as Supabase defines it;
 * usage of the schemas for the three roles; and, since 2026-05-30, <b>no</b> default privileges on
 * {@code public}: a new table is reachable through the Data API only after an explicit {@code
 * GRANT}.
 */
public final class SupabaseProject {

  /** What Supabase creates in a 2026 project (roles are cluster-wide, hence IF NOT EXISTS). */
  public static final String PROJECT_2026 =
      """
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'anon') THEN
          CREATE ROLE anon NOLOGIN NOINHERIT;
        END IF;
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'authenticated') THEN
          CREATE ROLE authenticated NOLOGIN NOINHERIT;
        END IF;
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'service_role') THEN
          CREATE ROLE service_role NOLOGIN NOINHERIT BYPASSRLS;
        END IF;
      END
      $$;
      CREATE SCHEMA auth;
      CREATE FUNCTION auth.uid() RETURNS uuid
      LANGUAGE sql STABLE AS $$
        SELECT coalesce(
          nullif(current_setting('request.jwt.claim.sub', true), ''),
          (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
        )::uuid
      $$;
      GRANT USAGE ON SCHEMA auth TO anon, authenticated, service_role;
      GRANT USAGE ON SCHEMA public TO anon, authenticated, service_role;
      """;

  private SupabaseProject() {}

  /** A new, unmigrated database in the test server prepared as a 2026 Supabase project. */
  public static ConnectionSettings create2026() {
    return create2026("");
  }

  /**
   * Like {@link #create2026()}, then {@code moreSql} (e.g. the {@code supabase_realtime}
   * publication a project has).
   */
  public static ConnectionSettings create2026(String moreSql) {
    ConnectionSettings settings = TestDatabase.newDatabase();
    Properties credentials = new Properties();
    credentials.setProperty("user", settings.user());
    try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), credentials);
        Statement s = c.createStatement()) {
      s.execute(PROJECT_2026 + moreSql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return settings;
  }

  /**
   * Runs {@code body} in one transaction as PostgREST does for a request of {@code role}: {@code
   * SET LOCAL ROLE role} and the transaction-local setting {@code request.jwt.claims} holding
   * {@code role} and, when {@code sub} is not null, {@code sub} (what {@code auth.uid()} reads).
   *
   * @param jdbi a database prepared by {@link #create2026()} (and migrated, for the app's tables)
   * @param role {@code anon}, {@code authenticated} or {@code service_role}
   * @param sub the user id of the token, or null for a request without a user
   * @return what {@code body} returns; a failure in {@code body} rolls the transaction back
   */
  public static <T> T asRequest(
      Jdbi jdbi, String role, String sub, HandleCallback<T, RuntimeException> body) {
    return jdbi.inTransaction(
        h -> {
          h.execute("SET LOCAL ROLE " + role);
          String claims =
              sub == null
                  ? "{\"role\": \"%s\"}".formatted(role)
                  : "{\"sub\": \"%s\", \"role\": \"%s\"}".formatted(sub, role);
          h.createQuery("SELECT set_config('request.jwt.claims', :claims, true)")
              .bind("claims", claims)
              .mapTo(String.class)
              .one();
          return body.withHandle(h);
        });
  }
}
