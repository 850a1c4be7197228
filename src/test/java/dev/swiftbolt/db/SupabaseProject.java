package dev.swiftbolt.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

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
    ConnectionSettings settings = TestDatabase.newDatabase();
    Properties credentials = new Properties();
    credentials.setProperty("user", settings.user());
    try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), credentials);
        Statement s = c.createStatement()) {
      s.execute(PROJECT_2026);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return settings;
  }
}
