package dev.swiftbolt.db;

import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * What protects the schema from Supabase's API roles, as found in the database: row-level security
 * per table, whether Supabase's roles and {@code auth.uid()} exist, the policies, and the tracking
 * trigger. Read-only.
 *
 * @param tables every table of the current schema
 * @param withoutRowLevelSecurity the tables among them whose row-level security is off
 * @param supabase whether the roles anon, authenticated, service_role and {@code auth.uid()} exist
 * @param policies {@code table.policy} of every policy on the current schema's tables
 * @param trackingTrigger whether the trigger that queues a tracked symbol's jobs is present
 * @param triggerRunsAsOwner whether its function is {@code SECURITY DEFINER} with a fixed search
 *     path
 */
public record SchemaSecurity(
    List<String> tables,
    List<String> withoutRowLevelSecurity,
    boolean supabase,
    List<String> policies,
    boolean trackingTrigger,
    boolean triggerRunsAsOwner) {

  /** The policies V7 (8) and V15 (3, notifications and their settings) create for Supabase. */
  public static final int EXPECTED_POLICIES = 11;

  private static final String TABLES =
      """
      SELECT c.relname || ':' || c.relrowsecurity::text
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
      ORDER BY c.relname
      """;

  private static final String SUPABASE =
      """
      SELECT (SELECT count(*) FROM pg_roles
              WHERE rolname IN ('anon', 'authenticated', 'service_role')) = 3
         AND to_regprocedure('auth.uid()') IS NOT NULL
      """;

  private static final String POLICIES =
      """
      SELECT tablename || '.' || policyname
      FROM pg_policies
      WHERE schemaname = current_schema()
      ORDER BY 1
      """;

  private static final String TRIGGER =
      """
      SELECT p.prosecdef
         AND EXISTS (SELECT 1 FROM unnest(p.proconfig) AS c WHERE c LIKE 'search_path=%')
      FROM pg_trigger t
      JOIN pg_class c ON c.oid = t.tgrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_proc p ON p.oid = t.tgfoid
      WHERE t.tgname = 'user_symbol_tracking_enqueue'
        AND c.relname = 'user_symbol_tracking'
        AND n.nspname = current_schema()
      """;

  /** Reads the schema's protection through {@code jdbi}. */
  public static SchemaSecurity read(Jdbi jdbi) {
    return jdbi.withHandle(
        h -> {
          List<String> rows = h.createQuery(TABLES).mapTo(String.class).list();
          List<String> tables = rows.stream().map(r -> r.substring(0, r.lastIndexOf(':'))).toList();
          List<String> off =
              rows.stream()
                  .filter(r -> r.endsWith(":false"))
                  .map(r -> r.substring(0, r.lastIndexOf(':')))
                  .toList();
          boolean supabase = h.createQuery(SUPABASE).mapTo(Boolean.class).one();
          List<String> policies = h.createQuery(POLICIES).mapTo(String.class).list();
          List<Boolean> trigger = h.createQuery(TRIGGER).mapTo(Boolean.class).list();
          return new SchemaSecurity(
              tables,
              off,
              supabase,
              policies,
              !trigger.isEmpty(),
              !trigger.isEmpty() && Boolean.TRUE.equals(trigger.get(0)));
        });
  }
}
