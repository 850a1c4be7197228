package dev.swiftbolt.alerts;

import org.jdbi.v3.core.Jdbi;

/**
 * Whether Supabase Realtime can push new notifications to the app: the {@code supabase_realtime}
 * publication exists and publishes {@code notifications} (listed, or the publication is for all
 * tables). Read-only.
 */
public enum RealtimePublication {
  /** No {@code supabase_realtime} publication: not a Supabase database. */
  ABSENT,
  /** The publication exists without {@code notifications}. */
  NOT_PUBLISHED,
  /** {@code notifications} is published. */
  PUBLISHED;

  private static final String STATE =
      """
      SELECT CASE
        WHEN NOT EXISTS (SELECT 1 FROM pg_publication WHERE pubname = 'supabase_realtime')
          THEN 'ABSENT'
        WHEN EXISTS (SELECT 1 FROM pg_publication
                     WHERE pubname = 'supabase_realtime' AND puballtables)
          OR EXISTS (SELECT 1 FROM pg_publication_tables
                     WHERE pubname = 'supabase_realtime' AND schemaname = current_schema()
                       AND tablename = 'notifications')
          THEN 'PUBLISHED'
        ELSE 'NOT_PUBLISHED'
      END
      """;

  /** The state found through {@code jdbi}. */
  public static RealtimePublication read(Jdbi jdbi) {
    return valueOf(jdbi.withHandle(h -> h.createQuery(STATE).mapTo(String.class).one()));
  }
}
