-- Alerts: the notification feed (an outbox written in the transaction that causes each event), each
-- user's notification settings, webhook endpoints and their signed deliveries.

CREATE TABLE notifications (
  id         BIGSERIAL PRIMARY KEY,
  user_id    TEXT NOT NULL CHECK (length(user_id) BETWEEN 1 AND 200),
  symbol     TEXT,
  kind       TEXT NOT NULL CHECK (kind IN ('prediction.ready', 'direction.changed',
               'confidence.crossed', 'drift.detected', 'drift.cleared', 'model.retrained',
               'data.stale', 'job.failed', 'webhook.test')),
  title      TEXT NOT NULL,
  body       TEXT NOT NULL,
  data       JSONB NOT NULL DEFAULT '{}'::jsonb,
  -- The same event written twice (a re-run, two racing workers) is one row per user.
  dedupe_key TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  read_at    TIMESTAMPTZ,
  CONSTRAINT notifications_dedupe UNIQUE (user_id, dedupe_key)
);

-- The feed (newest first, after an id) and the cooldown's look-back per (user, symbol, kind).
CREATE INDEX notifications_feed ON notifications (user_id, id DESC);
CREATE INDEX notifications_cooldown ON notifications (user_id, symbol, kind, created_at DESC);

-- No row means the defaults: every kind, threshold 0.50, cooldown 6 hours.
CREATE TABLE notification_settings (
  user_id              TEXT PRIMARY KEY CHECK (length(user_id) BETWEEN 1 AND 200),
  kinds                TEXT[] NOT NULL,
  confidence_threshold DOUBLE PRECISION NOT NULL DEFAULT 0.5
                       CHECK (confidence_threshold BETWEEN 0 AND 1),
  cooldown_seconds     INT NOT NULL DEFAULT 21600 CHECK (cooldown_seconds >= 60),
  updated_at           TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- kinds NULL means every kind. The secret is shown once, when the endpoint is created.
CREATE TABLE webhook_endpoints (
  id              BIGSERIAL PRIMARY KEY,
  user_id         TEXT NOT NULL CHECK (length(user_id) BETWEEN 1 AND 200),
  url             TEXT NOT NULL CHECK (length(url) BETWEEN 1 AND 2048),
  kinds           TEXT[],
  secret          TEXT NOT NULL,
  active          BOOLEAN NOT NULL DEFAULT true,
  disabled_reason TEXT,
  created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX webhook_endpoints_user ON webhook_endpoints (user_id) WHERE active;

-- One delivery per (notification, endpoint), whatever its number of attempts; message_id is the
-- webhook-id header of every attempt, body the exact bytes signed and sent each time.
-- status: pending -> delivered | dead | disabled (the endpoint answered 410 or was removed).
CREATE TABLE webhook_deliveries (
  id               BIGSERIAL PRIMARY KEY,
  endpoint_id      BIGINT NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
  notification_id  BIGINT REFERENCES notifications (id) ON DELETE CASCADE,
  user_id          TEXT NOT NULL,
  message_id       TEXT NOT NULL UNIQUE,
  event_type       TEXT NOT NULL,
  body             TEXT NOT NULL,
  status           TEXT NOT NULL DEFAULT 'pending'
                   CHECK (status IN ('pending', 'delivered', 'dead', 'disabled')),
  attempts         INT NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_status_code INT,
  last_error       TEXT,
  next_attempt_at  TIMESTAMPTZ,
  created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  CONSTRAINT webhook_deliveries_once UNIQUE (notification_id, endpoint_id)
);

CREATE INDEX webhook_deliveries_user ON webhook_deliveries (user_id, id DESC);

ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
ALTER TABLE notification_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE webhook_endpoints ENABLE ROW LEVEL SECURITY;
ALTER TABLE webhook_deliveries ENABLE ROW LEVEL SECURITY;

-- Grants, stated whatever the platform's default privileges were: the app (authenticated) reads
-- its notifications and marks them read (read_at only), and reads its settings; webhook endpoints
-- (their secrets) and deliveries are server-only; anon gets nothing.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'anon') THEN
    REVOKE ALL ON notifications, notification_settings, webhook_endpoints, webhook_deliveries
      FROM anon;
  END IF;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'authenticated') THEN
    REVOKE ALL ON notifications, notification_settings, webhook_endpoints, webhook_deliveries
      FROM authenticated;
    GRANT SELECT, UPDATE (read_at) ON notifications TO authenticated;
    GRANT SELECT ON notification_settings TO authenticated;
  END IF;
END;
$$;

-- Policies where Supabase's roles and auth.uid() exist (as in V7): a user reads and marks only its
-- own notifications and reads only its own settings.
DO $$
BEGIN
  IF (SELECT count(*) FROM pg_roles WHERE rolname IN ('anon', 'authenticated', 'service_role')) < 3
     OR to_regprocedure('auth.uid()') IS NULL THEN
    RAISE NOTICE 'Supabase roles or auth.uid() missing: row-level security enabled, no policies created';
    RETURN;
  END IF;
  CREATE POLICY notifications_select_own ON notifications
    FOR SELECT TO authenticated
    USING (user_id = (SELECT auth.uid())::text);
  CREATE POLICY notifications_mark_own ON notifications
    FOR UPDATE TO authenticated
    USING (user_id = (SELECT auth.uid())::text)
    WITH CHECK (user_id = (SELECT auth.uid())::text);
  CREATE POLICY notification_settings_select_own ON notification_settings
    FOR SELECT TO authenticated
    USING (user_id = (SELECT auth.uid())::text);
END;
$$;

-- Supabase Realtime: the app subscribes to its own new notifications (postgres_changes filtered on
-- user_id; Realtime applies the SELECT policy above). Only where the publication exists and does
-- not already publish every table.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_publication WHERE pubname = 'supabase_realtime' AND NOT puballtables)
     AND NOT EXISTS (
       SELECT 1 FROM pg_publication_tables
       WHERE pubname = 'supabase_realtime' AND schemaname = current_schema()
         AND tablename = 'notifications') THEN
    EXECUTE format('ALTER PUBLICATION supabase_realtime ADD TABLE %I.notifications',
                   current_schema());
  END IF;
END;
$$;
