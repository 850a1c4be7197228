-- Which live score a stored prediction was computed from: the accuracy of the last resolved live
-- forecasts ('live') or, with fewer than 10 resolved, the walk-forward score standing in
-- ('walkforward_proxy'). NULL when the scores were given from outside (swiftbolt validate).
-- Stored with the prediction so that it always describes the evaluation that prediction used.
ALTER TABLE unified_predictions
  ADD COLUMN live_score_source TEXT CHECK (live_score_source IN ('live', 'walkforward_proxy'));
