-- The naive baseline each score of a stored prediction is read against, as the evaluation it was
-- computed from had it: baseline_accuracy is the strongest of the naive predictors (majority,
-- persistence) on the score's rows and never below chance (1/3), baseline_name says which
-- ('majority', 'persistence' or 'chance') and baselines holds each one's accuracy
-- ({"majority": …, "persistence": …}). NULL when the scores were given from outside (swiftbolt
-- validate) or the row predates baselines. The three columns of a score are set together.
ALTER TABLE unified_predictions
  ADD COLUMN backtesting_baseline_accuracy DOUBLE PRECISION
    CHECK (backtesting_baseline_accuracy BETWEEN 0 AND 1),
  ADD COLUMN backtesting_baseline_name TEXT
    CHECK (backtesting_baseline_name IN ('majority', 'persistence', 'chance')),
  ADD COLUMN backtesting_baselines JSONB CHECK (jsonb_typeof(backtesting_baselines) = 'object'),
  ADD COLUMN walkforward_baseline_accuracy DOUBLE PRECISION
    CHECK (walkforward_baseline_accuracy BETWEEN 0 AND 1),
  ADD COLUMN walkforward_baseline_name TEXT
    CHECK (walkforward_baseline_name IN ('majority', 'persistence', 'chance')),
  ADD COLUMN walkforward_baselines JSONB CHECK (jsonb_typeof(walkforward_baselines) = 'object'),
  ADD COLUMN live_baseline_accuracy DOUBLE PRECISION
    CHECK (live_baseline_accuracy BETWEEN 0 AND 1),
  ADD COLUMN live_baseline_name TEXT
    CHECK (live_baseline_name IN ('majority', 'persistence', 'chance')),
  ADD COLUMN live_baselines JSONB CHECK (jsonb_typeof(live_baselines) = 'object'),
  ADD CONSTRAINT unified_predictions_baselines_together CHECK (
    num_nulls(backtesting_baseline_accuracy, backtesting_baseline_name, backtesting_baselines,
              walkforward_baseline_accuracy, walkforward_baseline_name, walkforward_baselines,
              live_baseline_accuracy, live_baseline_name, live_baselines) IN (0, 9));
