-- Explicit, least-privilege grants for Supabase's API roles (issue 23). Since 2026-05-30 for new
-- projects and 2026-10-30 for every existing one, Supabase no longer grants anon, authenticated and
-- service_role anything on new tables in public: a table is invisible to the Data API (PostgREST)
-- until a GRANT opts it in. SwiftBolt relies on no default privileges: this migration states every
-- privilege the API roles have, and takes away any that older projects' default privileges gave.
--
-- The matrix (dev.swiftbolt.db.SupabaseGrants holds the same one; `swiftbolt check deployment`
-- compares the database with it):
--   authenticated  SELECT                  symbols, ohlc_bars, forecasts, unified_predictions,
--                                          forecast_jobs (row-level security: its own symbols' jobs)
--                  SELECT, INSERT, DELETE  user_symbol_tracking (row-level security: its own rows)
--                  no sequence: user_symbol_tracking has none, and the jobs its insert queues are
--                  written by the SECURITY DEFINER trigger as the tables' owner
--                  no function: the app calls none through the API
--   anon           nothing
--   service_role   everything, as Supabase expects (it bypasses row-level security)
-- Every other table is server-only: models, model_evaluations, pipeline_runs, replay_runs,
-- replay_days and flyway_schema_history.
--
-- A later migration that adds a table states its grants the same way, in a block guarded like
-- the one below: GRANT ALL to service_role, and either GRANT what the app needs to authenticated
-- or nothing (server-only); then the table goes into SupabaseGrants' matrix or its server-only list
-- (SupabaseGrantsTest fails until it does).
--
-- Flyway's history table is left to Database.migrate, which revokes it from anon and
-- authenticated after Flyway finishes (Flyway holds it while a migration runs). On a plain
-- PostgreSQL without Supabase's roles nothing happens here.
DO $$
DECLARE
  t record;
BEGIN
  IF (SELECT count(*) FROM pg_roles WHERE rolname IN ('anon', 'authenticated', 'service_role')) < 3
  THEN
    RETURN;
  END IF;

  FOR t IN
    SELECT c.relname
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema()
      AND c.relkind IN ('r', 'p')
      AND c.relname <> 'flyway_schema_history'
  LOOP
    EXECUTE format('REVOKE ALL ON TABLE %I FROM anon, authenticated', t.relname);
    EXECUTE format('GRANT ALL ON TABLE %I TO service_role', t.relname);
  END LOOP;

  EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA %I FROM anon, authenticated',
                 current_schema());
  EXECUTE format('GRANT ALL ON ALL SEQUENCES IN SCHEMA %I TO service_role', current_schema());
  EXECUTE format('REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA %I FROM PUBLIC, anon, authenticated',
                 current_schema());
  EXECUTE format('GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA %I TO service_role', current_schema());

  GRANT SELECT ON TABLE symbols, ohlc_bars, forecasts, unified_predictions, forecast_jobs
    TO authenticated;
  GRANT SELECT, INSERT, DELETE ON TABLE user_symbol_tracking TO authenticated;
END;
$$;
