-- Issue 20: a confidence that means what it says.
--
-- A stored unified prediction resolves like the primary forecast it was made from: once the bar
-- forecast_bar_ts + horizon_bars exists, realized_direction is that bar's label (the training label
-- rule) and correct says whether it equals direction; resolved_at is when this was recorded.
-- forecast_bar_ts and horizon_bars are NULL for rows stored before this migration and for
-- predictions whose scores came from outside (swiftbolt validate): those never resolve.
--
-- probability_correct is how often a signal at this unified confidence came true before the
-- prediction was made (isotonic map over the resolved outcomes known then), with the outcomes
-- behind it (_n), the Wilson 95 % interval of its block (_ci_low, _ci_high) and where the outcomes
-- came from (_source); below 100 outcomes it is NULL and _reason says why.
--
-- feature_drift is the population stability index of each input feature, latest rows against the
-- model's training rows: {"window", "max_psi", "max_feature", "share_moderate", "share_major",
-- "psi": {feature: value}}. On forecasts it is computed at the forecast; a unified prediction
-- carries its primary forecast's.
ALTER TABLE unified_predictions
  ADD COLUMN forecast_bar_ts TIMESTAMPTZ,
  ADD COLUMN horizon_bars INT CHECK (horizon_bars >= 1),
  ADD COLUMN realized_direction TEXT
    CHECK (realized_direction IN ('BULLISH', 'NEUTRAL', 'BEARISH')),
  ADD COLUMN correct BOOLEAN,
  ADD COLUMN resolved_at TIMESTAMPTZ,
  ADD COLUMN probability_correct DOUBLE PRECISION CHECK (probability_correct BETWEEN 0 AND 1),
  ADD COLUMN probability_correct_n INT CHECK (probability_correct_n >= 0),
  ADD COLUMN probability_correct_ci_low DOUBLE PRECISION,
  ADD COLUMN probability_correct_ci_high DOUBLE PRECISION,
  ADD COLUMN probability_correct_source TEXT
    CHECK (probability_correct_source IN ('live', 'replay', 'live+replay')),
  ADD COLUMN probability_correct_reason TEXT,
  ADD COLUMN feature_drift JSONB CHECK (jsonb_typeof(feature_drift) = 'object'),
  ADD CONSTRAINT unified_predictions_resolution_together CHECK (
    num_nulls(realized_direction, correct, resolved_at) IN (0, 3)),
  ADD CONSTRAINT unified_predictions_probability_or_reason CHECK (
    probability_correct IS NULL OR probability_correct_reason IS NULL);

-- The resolve step reads the unresolved predictions of a symbol.
CREATE INDEX unified_predictions_unresolved ON unified_predictions (symbol, forecast_bar_ts)
  WHERE resolved_at IS NULL AND forecast_bar_ts IS NOT NULL;

ALTER TABLE forecasts
  ADD COLUMN feature_drift JSONB CHECK (jsonb_typeof(feature_drift) = 'object');

-- A replay day's probability_correct, fitted only on outcomes resolved by that session's close, and
-- when the day's own forecast resolved.
ALTER TABLE replay_days
  ADD COLUMN resolved_at TIMESTAMPTZ,
  ADD COLUMN probability_correct DOUBLE PRECISION,
  ADD COLUMN probability_correct_n INT,
  ADD COLUMN probability_correct_ci_low DOUBLE PRECISION,
  ADD COLUMN probability_correct_ci_high DOUBLE PRECISION,
  ADD COLUMN probability_correct_source TEXT,
  ADD COLUMN probability_correct_reason TEXT;
