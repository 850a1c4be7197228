-- Models retired because the bars they were trained on were replaced (issue 23): simulated bars
-- replaced by real ones (--replace-simulated), or a series re-fetched after a split re-adjusted its
-- prices. A retired model is inactive and stays for the record; its forecasts and evaluations are
-- deleted with the bars, so no live score or evaluation mixes the old prices with the new. The
-- next training replaces it. models stays server-only (V11): no grant here.
ALTER TABLE models
  ADD COLUMN retired_at TIMESTAMPTZ,
  ADD COLUMN retired_reason TEXT,
  ADD CONSTRAINT models_retired_together CHECK ((retired_at IS NULL) = (retired_reason IS NULL)),
  ADD CONSTRAINT models_retired_inactive CHECK (retired_at IS NULL OR NOT active);
