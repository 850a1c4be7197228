-- Replay (issue 13): the daily loop run point-in-time over past sessions. Its results live here
-- only, never in models, forecasts, evaluations or unified_predictions, so a replay can never change
-- a live score.

CREATE TABLE replay_runs (
    id                bigserial   PRIMARY KEY,
    from_session      date        NOT NULL,
    to_session        date        NOT NULL,
    timeframes        text        NOT NULL,
    primary_timeframe text        NOT NULL,
    started_at        timestamptz NOT NULL,
    finished_at       timestamptz NOT NULL
);

-- One row per run × symbol × session: the day object, plus what the summary needs.
CREATE TABLE replay_days (
    run_id               bigint           NOT NULL REFERENCES replay_runs (id) ON DELETE CASCADE,
    symbol               text             NOT NULL,
    session              date             NOT NULL,
    direction            text             NOT NULL,
    unified_confidence   double precision NOT NULL,
    live_accuracy        double precision NOT NULL,
    live_n               integer          NOT NULL,
    live_score_source    text             NOT NULL,
    drift_magnitude      double precision NOT NULL,
    drift_detected       boolean          NOT NULL,
    retraining_trigger   boolean          NOT NULL,
    retrained            boolean          NOT NULL,
    correct              boolean,
    realized             text,
    baseline_direction   text             NOT NULL,
    persistence_direction text            NOT NULL,
    backtest_accuracy    double precision NOT NULL,
    walkforward_accuracy double precision NOT NULL,
    PRIMARY KEY (run_id, symbol, session),
    CHECK ((correct IS NULL) = (realized IS NULL))
);

CREATE INDEX replay_days_symbol_run ON replay_days (symbol, run_id DESC);

ALTER TABLE replay_runs ENABLE ROW LEVEL SECURITY;
ALTER TABLE replay_days ENABLE ROW LEVEL SECURITY;
