-- Foundation: the symbols registry, users' watchlists and the job queue.

CREATE TABLE symbols (
  id          BIGSERIAL PRIMARY KEY,
  symbol      TEXT NOT NULL UNIQUE CHECK (symbol ~ '^[A-Z][A-Z0-9.\-]{0,9}$'),
  name        TEXT NOT NULL,
  exchange    TEXT NOT NULL,
  asset_class TEXT NOT NULL DEFAULT 'equity',
  active      BOOLEAN NOT NULL DEFAULT true,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- user_id is TEXT: Supabase user ids are UUIDs, local and test users are plain names.
CREATE TABLE user_symbol_tracking (
  user_id    TEXT NOT NULL CHECK (length(user_id) BETWEEN 1 AND 200),
  symbol_id  BIGINT NOT NULL REFERENCES symbols (id) ON DELETE CASCADE,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, symbol_id)
);

-- The job queue. status: queued -> running -> succeeded | queued (retry) | dead.
-- priority: lower runs first; user-triggered work (0) is claimed before scheduled work (100).
-- timeframe NULL means "every timeframe" (a backfill covers all five).
CREATE TABLE forecast_jobs (
  id           BIGSERIAL PRIMARY KEY,
  job_type     TEXT NOT NULL CHECK (job_type ~ '^[a-z][a-z0-9_-]{0,39}$'),
  symbol_id    BIGINT REFERENCES symbols (id) ON DELETE CASCADE,
  timeframe    TEXT CHECK (timeframe IN ('M15', 'H1', 'H4', 'D1', 'W1')),
  user_id      TEXT,
  status       TEXT NOT NULL DEFAULT 'queued'
               CHECK (status IN ('queued', 'running', 'succeeded', 'dead')),
  priority     INT NOT NULL DEFAULT 100,
  attempts     INT NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  max_attempts INT NOT NULL DEFAULT 5 CHECK (max_attempts >= 1),
  run_after    TIMESTAMPTZ NOT NULL DEFAULT now(),
  locked_by    TEXT,
  locked_until TIMESTAMPTZ,
  last_error   TEXT,
  payload      JSONB NOT NULL DEFAULT '{}'::jsonb,
  created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  finished_at  TIMESTAMPTZ
);

-- One active job per (type, symbol, timeframe); jobs without a symbol are not deduplicated.
CREATE UNIQUE INDEX forecast_jobs_one_active
  ON forecast_jobs (job_type, symbol_id, COALESCE(timeframe, '*'))
  WHERE status IN ('queued', 'running');

-- The claim query's path: due queued jobs by priority, then age.
CREATE INDEX forecast_jobs_due ON forecast_jobs (priority, run_after, id) WHERE status = 'queued';
CREATE INDEX forecast_jobs_symbol ON forecast_jobs (symbol_id, created_at DESC);

-- Tracking a symbol creates its jobs in the same transaction, whoever inserts the row
-- (the CLI, the API, the app through Supabase, psql): a backfill of every timeframe and a
-- forecast that waits for it. Tracking a symbol that already has active jobs adds none.
CREATE FUNCTION enqueue_jobs_for_tracked_symbol() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO forecast_jobs (job_type, symbol_id, timeframe, user_id, priority, payload)
  VALUES
    ('backfill', NEW.symbol_id, NULL, NEW.user_id, 0, '{"reason": "tracked"}'::jsonb),
    ('forecast', NEW.symbol_id, NULL, NEW.user_id, 0,
     '{"reason": "tracked", "depends_on": "backfill"}'::jsonb)
  ON CONFLICT DO NOTHING;
  RETURN NEW;
END;
$$;

CREATE TRIGGER user_symbol_tracking_enqueue
  AFTER INSERT ON user_symbol_tracking
  FOR EACH ROW EXECUTE FUNCTION enqueue_jobs_for_tracked_symbol();
