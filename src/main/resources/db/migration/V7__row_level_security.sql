-- Row-level security on every table of the schema. SwiftBolt's server, workers and CLI connect as
-- the tables' owner, which row-level security does not restrict; on Supabase, PostgREST connects
-- as anon or authenticated, which it does: a table without a policy gives them nothing. Tables
-- added by later migrations enable it in their own migration.
--
-- Flyway's history table is the one exception here: Flyway keeps a transaction open on it while a
-- migration runs, so ALTER TABLE on it from inside a migration would wait forever. SwiftBolt
-- enables row-level security on it right after Flyway finishes (Database.migrate).
DO $$
DECLARE
  t record;
BEGIN
  FOR t IN
    SELECT c.relname
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema()
      AND c.relkind IN ('r', 'p')
      AND c.relname <> 'flyway_schema_history'
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t.relname);
  END LOOP;
END;
$$;

-- The app (authenticated) inserting its own tracking row still queues the row's jobs: the trigger
-- runs as the owner of forecast_jobs, with a search path nobody else can change.
DO $$
BEGIN
  EXECUTE format(
    'ALTER FUNCTION %I.enqueue_jobs_for_tracked_symbol() SECURITY DEFINER SET search_path = %I, pg_temp',
    current_schema(), current_schema());
END;
$$;

-- Where the database is Supabase's (its roles and auth.uid() exist), the policies give the app
-- exactly what it needs: its own watchlist rows; symbols, bars, forecasts and predictions to read;
-- the jobs of the symbols on its own watchlist. anon gets nothing; models, evaluations, pipeline
-- runs and the migration history are reachable by neither. On a plain PostgreSQL nothing is
-- created here.
DO $$
BEGIN
  IF (SELECT count(*) FROM pg_roles WHERE rolname IN ('anon', 'authenticated', 'service_role')) < 3
     OR to_regprocedure('auth.uid()') IS NULL THEN
    RAISE NOTICE 'Supabase roles or auth.uid() missing: row-level security enabled, no policies created';
    RETURN;
  END IF;

  CREATE POLICY tracking_select_own ON user_symbol_tracking
    FOR SELECT TO authenticated
    USING (user_id = (SELECT auth.uid())::text);
  CREATE POLICY tracking_insert_own ON user_symbol_tracking
    FOR INSERT TO authenticated
    WITH CHECK (user_id = (SELECT auth.uid())::text);
  CREATE POLICY tracking_delete_own ON user_symbol_tracking
    FOR DELETE TO authenticated
    USING (user_id = (SELECT auth.uid())::text);

  CREATE POLICY symbols_read ON symbols FOR SELECT TO authenticated USING (true);
  CREATE POLICY ohlc_bars_read ON ohlc_bars FOR SELECT TO authenticated USING (true);
  CREATE POLICY forecasts_read ON forecasts FOR SELECT TO authenticated USING (true);
  CREATE POLICY unified_predictions_read ON unified_predictions
    FOR SELECT TO authenticated USING (true);

  CREATE POLICY forecast_jobs_of_own_symbols ON forecast_jobs
    FOR SELECT TO authenticated
    USING (symbol_id IN (
      SELECT t.symbol_id
      FROM user_symbol_tracking t
      WHERE t.user_id = (SELECT auth.uid())::text));
END;
$$;
