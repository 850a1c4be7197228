#!/usr/bin/python3
"""The pandas + scikit-learn nightly job that `swiftbolt train --timeframes D1` replaces.

Reference for bench/train-bench.sh (issue 12). Per symbol, from D1 bars already loaded in memory:
14 pandas features, the 5-bar volatility-band labels (r = ln(close[t+5]/close[t]), band =
0.43 * sd20 * sqrt(5)), and five HistGradientBoostingClassifier(max_iter=60, max_depth=3,
learning_rate=0.1) fits: the 3-month backtest, 4 purged quarterly walk-forward folds (expanding
window) of which the newest is the backtest's window and rows (its score is reused, as swiftbolt
does since decision 0013), and one production fit on every labelled row.

Usage: /usr/bin/python3 bench/reference_pipeline.py CSV_DIR
CSV_DIR holds one SYMBOL.csv per symbol with columns ts,open,high,low,close,volume (ISO ts).
Prints one line per symbol and the compute time (CSV reading excluded) on stderr.
"""

import glob
import os
import sys
import time

import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier

HORIZON = 5
K = 0.43


def features(df):
    close, high, low, volume = df["close"], df["high"], df["low"], df["volume"]
    out = pd.DataFrame(index=df.index)
    logc = np.log(close)
    for k in (1, 5, 10, 20):
        out[f"log_return_{k}"] = logc - logc.shift(k)
    delta = close.diff()
    gain = delta.clip(lower=0).ewm(alpha=1 / 14, adjust=False).mean()
    loss = (-delta.clip(upper=0)).ewm(alpha=1 / 14, adjust=False).mean()
    out["rsi_14"] = 100 - 100 / (1 + gain / loss)
    macd = close.ewm(span=12, adjust=False).mean() - close.ewm(span=26, adjust=False).mean()
    out["macd_histogram_over_close"] = (macd - macd.ewm(span=9, adjust=False).mean()) / close
    sma20 = close.rolling(20).mean()
    sd20 = close.rolling(20).std(ddof=0)
    upper, lower = sma20 + 2 * sd20, sma20 - 2 * sd20
    out["bollinger_percent_b"] = (close - lower) / (upper - lower)
    out["bollinger_width"] = (upper - lower) / sma20 * 100
    prev = close.shift(1)
    tr = pd.concat([high - low, (high - prev).abs(), (low - prev).abs()], axis=1).max(axis=1)
    out["atr_14_over_close"] = tr.ewm(alpha=1 / 14, adjust=False).mean() / close
    vol_sd = volume.rolling(20).std(ddof=0)
    out["volume_zscore_20"] = (volume - volume.rolling(20).mean()) / vol_sd.replace(0, np.nan)
    sma50 = close.rolling(50).mean()
    out["close_over_sma_20"] = close / sma20 - 1
    out["close_over_sma_50"] = close / sma50 - 1
    out["sma_20_over_sma_50"] = sma20 / sma50 - 1
    out["realized_volatility_20"] = out["log_return_1"].rolling(20).std(ddof=0)
    return out


def labels(df):
    logc = np.log(df["close"])
    forward = logc.shift(-HORIZON) - logc
    band = K * (logc - logc.shift(1)).rolling(20).std(ddof=0) * np.sqrt(HORIZON)
    y = pd.Series(1, index=df.index)  # NEUTRAL
    y[forward > band] = 0  # BULLISH
    y[forward < -band] = 2  # BEARISH
    y[forward.isna() | band.isna()] = -1  # unlabelled
    return y


def window(ts, months, offset):
    """Bar positions with open time in (T - months*(offset+1), T - months*offset]."""
    t = ts.iloc[-1]
    end = t - pd.DateOffset(months=months * offset)
    start = t - pd.DateOffset(months=months * (offset + 1))
    inside = np.flatnonzero(((ts > start) & (ts <= end)).to_numpy())
    return inside[0], inside[-1]


def fit(x, y):
    model = HistGradientBoostingClassifier(
        max_iter=60, max_depth=3, learning_rate=0.1, random_state=42
    )
    return model.fit(x, y)


def score(x, y, bars, test):
    first, last = test
    trainable = bars + HORIZON < first
    in_test = (bars >= first) & (bars <= last)
    model = fit(x[trainable], y[trainable])
    return int((model.predict(x[in_test]) == y[in_test]).sum()), int(in_test.sum())


def run_symbol(df):
    feats = features(df)
    y = labels(df).to_numpy()
    rows = np.flatnonzero(feats.notna().all(axis=1).to_numpy() & (y >= 0))
    rows = rows[rows >= 60]
    x = feats.to_numpy()[rows]
    y = y[rows]
    ts = df["ts"]
    holdout = window(ts, 3, 0)
    backtest = score(x, y, rows, holdout)
    folds = [window(ts, 3, 3 - f) for f in range(4)]
    hits = n = 0
    for test in folds:
        # the newest fold is the backtest (same training and test rows): one fit serves both
        h, k = backtest if test == holdout else score(x, y, rows, test)
        hits, n = hits + h, n + k
    fit(x, y)  # production model
    return len(rows), backtest, (hits, n)


def main():
    paths = sorted(glob.glob(os.path.join(sys.argv[1], "*.csv")))
    frames = {
        os.path.basename(p)[:-4]: pd.read_csv(p, parse_dates=["ts"]).sort_values("ts")
        for p in paths
    }
    start = time.perf_counter()
    total = 0
    for symbol, df in frames.items():
        n, (bh, bn), (wh, wn) = run_symbol(df.reset_index(drop=True))
        total += n
        print(f"{symbol} {n} rows, backtest {bh / bn:.3f} (n={bn}), walk-forward {wh / wn:.3f} (n={wn})")
    print(
        f"reference: {len(frames)} symbols, {total} labelled rows, compute {time.perf_counter() - start:.2f} s",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
