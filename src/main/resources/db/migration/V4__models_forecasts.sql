-- ML: the model registry, forecasts and evaluations (issue 5).

-- One row per trained model. At most one active model per symbol × timeframe; its trained_at is
-- the "last retraining date" the unified validator needs. metrics holds the evaluation made at
-- training time (backtest, walk-forward with folds, calibration); calibration_method says whether
-- forecasts pass through Platt scaling ('platt', parameters in calibration_params) or not.
CREATE TABLE models (
  id                 BIGSERIAL PRIMARY KEY,
  symbol_id          BIGINT NOT NULL REFERENCES symbols (id) ON DELETE CASCADE,
  timeframe          TEXT NOT NULL CHECK (timeframe IN ('M15', 'H1', 'H4', 'D1', 'W1')),
  algorithm          TEXT NOT NULL,
  params             JSONB NOT NULL,
  features           JSONB NOT NULL CHECK (jsonb_typeof(features) = 'array'),
  horizon_bars       INT NOT NULL CHECK (horizon_bars >= 1),
  train_from         TIMESTAMPTZ NOT NULL,
  train_to           TIMESTAMPTZ NOT NULL,
  trained_at         TIMESTAMPTZ NOT NULL,
  metrics            JSONB NOT NULL,
  calibration_method TEXT NOT NULL
                     CHECK (calibration_method IN ('none', 'platt', 'none_platt_did_not_help')),
  calibration_params JSONB NOT NULL DEFAULT '[]'::jsonb,
  artifact_format    TEXT NOT NULL,
  artifact           BYTEA NOT NULL,
  active             BOOLEAN NOT NULL DEFAULT false,
  CHECK (train_from <= train_to)
);

CREATE UNIQUE INDEX models_one_active ON models (symbol_id, timeframe) WHERE active;
CREATE INDEX models_by_series ON models (symbol_id, timeframe, trained_at DESC);

-- One row per forecast: made at bar bar_ts (its open time) for the next horizon_bars bars.
-- live_run marks forecasts made in live runs: only those are resolved and counted in the live
-- score. resolved_at / realized / correct are set together once bar bar_ts + horizon exists.
CREATE TABLE forecasts (
  id           BIGSERIAL PRIMARY KEY,
  model_id     BIGINT NOT NULL REFERENCES models (id) ON DELETE CASCADE,
  symbol_id    BIGINT NOT NULL REFERENCES symbols (id) ON DELETE CASCADE,
  timeframe    TEXT NOT NULL CHECK (timeframe IN ('M15', 'H1', 'H4', 'D1', 'W1')),
  bar_ts       TIMESTAMPTZ NOT NULL,
  horizon_bars INT NOT NULL CHECK (horizon_bars >= 1),
  made_at      TIMESTAMPTZ NOT NULL,
  live_run     BOOLEAN NOT NULL,
  direction    TEXT NOT NULL CHECK (direction IN ('BULLISH', 'NEUTRAL', 'BEARISH')),
  p_bull       DOUBLE PRECISION NOT NULL CHECK (p_bull BETWEEN 0 AND 1),
  p_neutral    DOUBLE PRECISION NOT NULL CHECK (p_neutral BETWEEN 0 AND 1),
  p_bear       DOUBLE PRECISION NOT NULL CHECK (p_bear BETWEEN 0 AND 1),
  score        DOUBLE PRECISION NOT NULL CHECK (score BETWEEN -1 AND 1),
  resolved_at  TIMESTAMPTZ,
  realized     TEXT CHECK (realized IN ('BULLISH', 'NEUTRAL', 'BEARISH')),
  correct      BOOLEAN,
  CHECK ((resolved_at IS NULL) = (realized IS NULL) AND (realized IS NULL) = (correct IS NULL)),
  -- forecasting the same bar twice with the same model is idempotent
  UNIQUE (model_id, bar_ts, live_run)
);

CREATE INDEX forecasts_latest ON forecasts (symbol_id, timeframe, bar_ts DESC);
CREATE INDEX forecasts_unresolved ON forecasts (symbol_id, timeframe)
  WHERE live_run AND resolved_at IS NULL;
CREATE INDEX forecasts_resolved ON forecasts (symbol_id, timeframe, resolved_at DESC)
  WHERE live_run AND resolved_at IS NOT NULL;

-- One row per evaluation run: the three scores, each {accuracy, n, ci_low, ci_high,
-- baseline_accuracy} (walkforward adds folds), where the live score came from, and calibration.
CREATE TABLE model_evaluations (
  id                BIGSERIAL PRIMARY KEY,
  symbol_id         BIGINT NOT NULL REFERENCES symbols (id) ON DELETE CASCADE,
  timeframe         TEXT NOT NULL CHECK (timeframe IN ('M15', 'H1', 'H4', 'D1', 'W1')),
  model_id          BIGINT REFERENCES models (id) ON DELETE SET NULL,
  evaluated_at      TIMESTAMPTZ NOT NULL,
  backtest          JSONB NOT NULL,
  walkforward       JSONB NOT NULL,
  live              JSONB NOT NULL,
  live_score_source TEXT NOT NULL CHECK (live_score_source IN ('live', 'walkforward_proxy')),
  calibration       JSONB NOT NULL
);

CREATE INDEX model_evaluations_latest ON model_evaluations (symbol_id, timeframe, evaluated_at DESC);
