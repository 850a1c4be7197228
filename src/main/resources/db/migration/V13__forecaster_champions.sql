-- Never worse than naive (issue 19): who issues a series' forecasts, the champion / challenger
-- registry, and the replay's record of it.

-- The forecaster a model's series issues (the model itself or a naive predictor, chosen by the
-- champion rule at training) with the rule's evidence; the model's status in its series and the
-- champion it was trained to replace. Models registered before this migration were each the active
-- model of their time: the active one is the champion, the others were retired by a retraining.
ALTER TABLE models
  ADD COLUMN forecaster      TEXT NOT NULL DEFAULT 'xgboost'
                             CHECK (forecaster IN ('xgboost', 'persistence', 'majority')),
  ADD COLUMN selection       JSONB,
  ADD COLUMN status          TEXT NOT NULL DEFAULT 'champion'
                             CHECK (status IN ('champion', 'rejected', 'retired')),
  ADD COLUMN status_reason   TEXT,
  ADD COLUMN parent_model_id BIGINT REFERENCES models (id) ON DELETE SET NULL;

-- Models retired with their bars (V12) keep that reason as their status reason.
UPDATE models SET status = 'retired', status_reason = retired_reason WHERE NOT active;

-- A model retired with its bars (V12) is never its series' champion.
ALTER TABLE models
  ADD CONSTRAINT models_retired_not_champion CHECK (retired_at IS NULL OR status <> 'champion');

-- Who issued each forecast.
ALTER TABLE forecasts
  ADD COLUMN forecaster TEXT NOT NULL DEFAULT 'xgboost'
                        CHECK (forecaster IN ('xgboost', 'persistence', 'majority'));

-- Replay days: who issued the primary forecast, whether the session's retraining replaced the
-- champion (before this migration every retraining did), and a retraining deferred by the cooldown.
ALTER TABLE replay_days
  ADD COLUMN forecaster              TEXT    NOT NULL DEFAULT 'xgboost',
  ADD COLUMN promoted                BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN deferred_retrain_reason TEXT;

UPDATE replay_days SET promoted = retrained;

-- Evaluations: the forecaster whose scores they are, and the champion rule's evidence on the same
-- rows (the model's own walk-forward accuracy, the strongest naive predictor's, the p-value).
ALTER TABLE model_evaluations
  ADD COLUMN forecaster TEXT NOT NULL DEFAULT 'xgboost'
                        CHECK (forecaster IN ('xgboost', 'persistence', 'majority')),
  ADD COLUMN selection  JSONB;

-- Unified predictions: who issued each timeframe's forecast in multi_tf_consensus, with the champion
-- rule's verdict in words ({"D1": {"forecaster": "persistence", "explanation": "persistence — the
-- model did not beat it, p = 0.41"}}); empty for scores from outside and rows stored before.
ALTER TABLE unified_predictions
  ADD COLUMN timeframe_forecasters JSONB NOT NULL DEFAULT '{}'::jsonb;
