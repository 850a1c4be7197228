-- Jobs and pipelines: the worker's claim path and the record of every pipeline run.

-- Workers claim due queued jobs and running jobs whose lease expired, by priority then age.
-- One ordered partial index over the active set serves both, so a claim of N jobs reads about
-- N index entries (plus the few live leases it skips) instead of sorting the queue.
DROP INDEX forecast_jobs_due;
CREATE INDEX forecast_jobs_claim ON forecast_jobs (priority, run_after, id)
  WHERE status IN ('queued', 'running');

-- One row per pipeline run. run_key is unique: a scheduled run's key is the pipeline name and its
-- scheduled instant, so when several processes run the scheduler, exactly one of them inserts the
-- row and runs it (INSERT ... ON CONFLICT DO NOTHING); the others skip.
CREATE TABLE pipeline_runs (
  id            BIGSERIAL PRIMARY KEY,
  pipeline      TEXT NOT NULL,
  run_key       TEXT NOT NULL UNIQUE,
  trigger       TEXT NOT NULL CHECK (trigger IN ('schedule', 'manual')),
  scheduled_for TIMESTAMPTZ,
  started_at    TIMESTAMPTZ NOT NULL,
  finished_at   TIMESTAMPTZ,
  status        TEXT NOT NULL DEFAULT 'running'
                CHECK (status IN ('running', 'succeeded', 'failed')),
  stats         JSONB NOT NULL DEFAULT '{}'::jsonb,
  error         TEXT
);

CREATE INDEX pipeline_runs_latest ON pipeline_runs (pipeline, started_at DESC);

-- Tracking a symbol: its forecast waits for the backfill and for the training the backfill
-- enqueues when it succeeds (depends_on may now list several job types), so the chain is
-- tracking -> bars -> models -> forecast, never a forecast without a model.
CREATE OR REPLACE FUNCTION enqueue_jobs_for_tracked_symbol() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO forecast_jobs (job_type, symbol_id, timeframe, user_id, priority, payload)
  VALUES
    ('backfill', NEW.symbol_id, NULL, NEW.user_id, 0, '{"reason": "tracked"}'::jsonb),
    ('forecast', NEW.symbol_id, NULL, NEW.user_id, 0,
     '{"reason": "tracked", "depends_on": ["backfill", "train"]}'::jsonb)
  ON CONFLICT DO NOTHING;
  RETURN NEW;
END;
$$;
