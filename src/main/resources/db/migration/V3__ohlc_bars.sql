-- Market data: OHLCV bars of every timeframe (DESIGN.md "Bars and time").
-- ts is the bar's open time in UTC; a D1 bar opens at 09:30 New York, a W1 bar with its week's
-- first session. source says where the bars came from: 'alpaca', 'csv' or 'sim' (simulated);
-- resampled H1/H4/W1 bars carry the source of the bars they aggregate.
CREATE TABLE ohlc_bars (
  symbol_id BIGINT NOT NULL REFERENCES symbols (id) ON DELETE CASCADE,
  timeframe TEXT NOT NULL CHECK (timeframe IN ('M15', 'H1', 'H4', 'D1', 'W1')),
  ts        TIMESTAMPTZ NOT NULL,
  open      DOUBLE PRECISION NOT NULL,
  high      DOUBLE PRECISION NOT NULL,
  low       DOUBLE PRECISION NOT NULL,
  close     DOUBLE PRECISION NOT NULL,
  volume    DOUBLE PRECISION NOT NULL,
  source    TEXT NOT NULL CHECK (source IN ('alpaca', 'csv', 'sim')),
  PRIMARY KEY (symbol_id, timeframe, ts),
  CONSTRAINT ohlc_bars_finite CHECK (
    open < 'Infinity' AND high < 'Infinity' AND low < 'Infinity' AND close < 'Infinity'
    AND volume < 'Infinity'),
  CONSTRAINT ohlc_bars_prices_positive CHECK (open > 0 AND high > 0 AND low > 0 AND close > 0),
  CONSTRAINT ohlc_bars_high_not_below_low CHECK (high >= low),
  CONSTRAINT ohlc_bars_open_within_range CHECK (open BETWEEN low AND high),
  CONSTRAINT ohlc_bars_close_within_range CHECK (close BETWEEN low AND high),
  CONSTRAINT ohlc_bars_volume_not_negative CHECK (volume >= 0)
);
