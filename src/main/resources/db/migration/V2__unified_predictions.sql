-- The unified validator's answers: every output field of UnifiedPrediction, one row per validation.
-- symbol is the text as validated, with no foreign key to symbols: POST /api/v1/validate and
-- `swiftbolt validate` accept any symbol, and predictions are history that outlives the registry
-- (join on symbols.symbol, which is unique). as_of is the prediction's "timestamp" field (the
-- validator's "now"); created_at is when the row was stored.
CREATE TABLE unified_predictions (
  id                    BIGSERIAL PRIMARY KEY,
  symbol                TEXT NOT NULL CHECK (length(symbol) BETWEEN 1 AND 100),
  direction             TEXT NOT NULL CHECK (direction IN ('BULLISH', 'NEUTRAL', 'BEARISH')),
  unified_confidence    DOUBLE PRECISION NOT NULL CHECK (unified_confidence BETWEEN 0 AND 1),
  base_confidence       DOUBLE PRECISION NOT NULL CHECK (base_confidence BETWEEN 0 AND 1),
  backtesting_score     DOUBLE PRECISION NOT NULL CHECK (backtesting_score BETWEEN 0 AND 1),
  walkforward_score     DOUBLE PRECISION NOT NULL CHECK (walkforward_score BETWEEN 0 AND 1),
  live_score            DOUBLE PRECISION NOT NULL CHECK (live_score BETWEEN 0 AND 1),
  multi_tf_consensus    JSONB NOT NULL DEFAULT '{}'::jsonb,
  drift_detected        BOOLEAN NOT NULL,
  drift_magnitude       DOUBLE PRECISION NOT NULL CHECK (drift_magnitude >= 0),
  drift_explanation     TEXT NOT NULL,
  timeframe_conflict    BOOLEAN NOT NULL,
  conflict_explanation  TEXT NOT NULL,
  consensus_direction   TEXT NOT NULL
                        CHECK (consensus_direction IN ('BULLISH', 'NEUTRAL', 'BEARISH', 'UNKNOWN')),
  hierarchy_weights     JSONB NOT NULL DEFAULT '{}'::jsonb,
  recommendation        TEXT NOT NULL,
  retraining_trigger    BOOLEAN NOT NULL,
  retraining_reason     TEXT NOT NULL,
  next_retraining_date  TIMESTAMPTZ NOT NULL,
  as_of                 TIMESTAMPTZ NOT NULL,
  -- beyond the seed: sample sizes, Wilson 95 % intervals, drift and overfitting tests
  backtesting_n         INT CHECK (backtesting_n >= 1),
  walkforward_n         INT CHECK (walkforward_n >= 1),
  live_n                INT CHECK (live_n >= 1),
  backtesting_ci_low    DOUBLE PRECISION,
  backtesting_ci_high   DOUBLE PRECISION,
  walkforward_ci_low    DOUBLE PRECISION,
  walkforward_ci_high   DOUBLE PRECISION,
  live_ci_low           DOUBLE PRECISION,
  live_ci_high          DOUBLE PRECISION,
  drift_z               DOUBLE PRECISION,
  drift_p_value         DOUBLE PRECISION CHECK (drift_p_value BETWEEN 0 AND 1),
  drift_significant     BOOLEAN,
  overfit_z             DOUBLE PRECISION,
  overfit_p_value       DOUBLE PRECISION CHECK (overfit_p_value BETWEEN 0 AND 1),
  overfit_suspected     BOOLEAN NOT NULL,
  overfit_explanation   TEXT NOT NULL,
  last_retraining_date  TIMESTAMPTZ NOT NULL,
  persistent_drift_days INT NOT NULL CHECK (persistent_drift_days >= 0),
  created_at            TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- "Latest prediction for a symbol" and "latest per symbol" read this index backwards.
CREATE INDEX unified_predictions_latest ON unified_predictions (symbol, as_of DESC, id DESC);
