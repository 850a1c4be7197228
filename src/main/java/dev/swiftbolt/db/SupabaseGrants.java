package dev.swiftbolt.db;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * The privileges Supabase's API roles are meant to have on each table (migration V11 grants them;
 * nothing relies on Supabase's default privileges, which 2026 projects no longer have), and the
 * comparison of a database's actual privileges with them.
 *
 * <p>Every table that row-level security protects has a decision here: it is either in {@link
 * #AUTHENTICATED} with what the app may do, or in {@link #SERVER_ONLY}. {@code anon} gets nothing
 * on any table. A migration that adds a table adds it to one of the two, and states the same grants
 * in SQL.
 */
public final class SupabaseGrants {

  /** A table privilege, as {@code has_table_privilege} and {@code GRANT} name it. */
  public enum Privilege {
    SELECT,
    INSERT,
    UPDATE,
    DELETE,
    TRUNCATE,
    REFERENCES,
    TRIGGER
  }

  /** The roles whose privileges are checked: the app's signed-in users and the anonymous key. */
  public static final List<String> API_ROLES = List.of("anon", "authenticated");

  /** What the app (role {@code authenticated}) may do on each table it uses. */
  public static final Map<String, Set<Privilege>> AUTHENTICATED =
      Map.of(
          "symbols", EnumSet.of(Privilege.SELECT),
          "ohlc_bars", EnumSet.of(Privilege.SELECT),
          "forecasts", EnumSet.of(Privilege.SELECT),
          "unified_predictions", EnumSet.of(Privilege.SELECT),
          "forecast_jobs", EnumSet.of(Privilege.SELECT),
          "user_symbol_tracking", EnumSet.of(Privilege.SELECT, Privilege.INSERT, Privilege.DELETE),
          // V15: a user's own notifications (plus the column grant UPDATE (read_at), which a
          // table-level check does not see) and notification settings
          "notifications", EnumSet.of(Privilege.SELECT),
          "notification_settings", EnumSet.of(Privilege.SELECT));

  /** Tables only the server (the tables' owner) and {@code service_role} reach. */
  public static final Set<String> SERVER_ONLY =
      Set.of(
          "models",
          "model_evaluations",
          "pipeline_runs",
          "replay_runs",
          "replay_days",
          "webhook_endpoints",
          "webhook_deliveries",
          "flyway_schema_history");

  /**
   * One role's privileges on one table differing from the intended ones.
   *
   * @param missing privileges the app needs and the role lacks
   * @param extra privileges the role has and must not
   */
  public record Mismatch(String table, String role, Set<Privilege> missing, Set<Privilege> extra) {

    /** The statements that fix it, e.g. {@code GRANT INSERT ON user_symbol_tracking TO …}. */
    public String fix() {
      List<String> statements = new ArrayList<>();
      if (!missing.isEmpty()) {
        statements.add("GRANT %s ON %s TO %s;".formatted(names(missing), table, role));
      }
      if (!extra.isEmpty()) {
        statements.add("REVOKE %s ON %s FROM %s;".formatted(names(extra), table, role));
      }
      return String.join(" ", statements);
    }

    @Override
    public String toString() {
      List<String> parts = new ArrayList<>();
      if (!missing.isEmpty()) {
        parts.add("lacks " + names(missing));
      }
      if (!extra.isEmpty()) {
        parts.add("has " + names(extra) + " it must not");
      }
      return "%s on %s %s; run `%s`".formatted(role, table, String.join(" and ", parts), fix());
    }
  }

  private static final String PRIVILEGES =
      """
      SELECT c.relname AS table_name, r.rolname AS role_name, p.privilege
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      CROSS JOIN pg_roles r
      CROSS JOIN unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES',
                              'TRIGGER']) AS p(privilege)
      WHERE n.nspname = current_schema()
        AND c.relkind IN ('r', 'p')
        AND r.rolname IN ('anon', 'authenticated')
        AND has_table_privilege(r.oid, c.oid, p.privilege)
      ORDER BY 1, 2, 3
      """;

  private SupabaseGrants() {}

  /** What {@code role} is meant to have on {@code table} (nothing for a server-only table). */
  public static Set<Privilege> intended(String role, String table) {
    if (!role.equals("authenticated")) {
      return EnumSet.noneOf(Privilege.class);
    }
    Set<Privilege> granted = AUTHENTICATED.get(table);
    return granted == null ? EnumSet.noneOf(Privilege.class) : EnumSet.copyOf(granted);
  }

  /** Whether {@code table} has a grants decision: granted to the app or listed server-only. */
  public static boolean decided(String table) {
    return AUTHENTICATED.containsKey(table) || SERVER_ONLY.contains(table);
  }

  /**
   * The actual privileges of {@code anon} and {@code authenticated} on every table of the current
   * schema: role → table → privileges. Call only where both roles exist.
   */
  public static Map<String, Map<String, Set<Privilege>>> read(Jdbi jdbi) {
    Map<String, Map<String, Set<Privilege>>> actual = new TreeMap<>();
    jdbi.useHandle(
        h ->
            h.createQuery(PRIVILEGES)
                .map(
                    (rs, ctx) -> {
                      actual
                          .computeIfAbsent(rs.getString("role_name"), r -> new TreeMap<>())
                          .computeIfAbsent(
                              rs.getString("table_name"), t -> EnumSet.noneOf(Privilege.class))
                          .add(Privilege.valueOf(rs.getString("privilege")));
                      return 0;
                    })
                .list());
    return actual;
  }

  /**
   * Every role × table of {@code tables} whose privileges in {@code actual} (as {@link #read}
   * returns them) differ from the intended ones, in table then role order.
   */
  public static List<Mismatch> compare(
      List<String> tables, Map<String, Map<String, Set<Privilege>>> actual) {
    List<Mismatch> mismatches = new ArrayList<>();
    for (String table : tables.stream().sorted().toList()) {
      for (String role : API_ROLES) {
        Set<Privilege> has =
            actual
                .getOrDefault(role, Map.of())
                .getOrDefault(table, EnumSet.noneOf(Privilege.class));
        Set<Privilege> wanted = intended(role, table);
        Set<Privilege> missing = EnumSet.noneOf(Privilege.class);
        missing.addAll(wanted);
        missing.removeAll(has);
        Set<Privilege> extra = EnumSet.noneOf(Privilege.class);
        extra.addAll(has);
        extra.removeAll(wanted);
        if (!missing.isEmpty() || !extra.isEmpty()) {
          mismatches.add(new Mismatch(table, role, missing, extra));
        }
      }
    }
    return mismatches;
  }

  private static String names(Set<Privilege> privileges) {
    return privileges.stream().map(Privilege::name).collect(Collectors.joining(", "));
  }
}
