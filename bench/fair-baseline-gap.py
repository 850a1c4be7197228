#!/usr/bin/env python3
"""How far an honest forecaster falls below the replay's "fair baseline" on pure noise (issue 19).

The replay scores a symbol's issued D1 forecasts against its fair baseline: the better of the
training-majority and persistence forecasters judged over the same resolved days, never below
chance (1/3). That baseline is a maximum taken after the fact. On a random walk no forecaster chosen
in advance can beat chance in expectation, so the maximum of two noisy accuracies and 1/3 sits
above anything issued even when the choice was the best possible.

This simulates it with the product's own label rule (D1: horizon 5, neutral band 0.43 x sigma_20 x
sqrt(5), sigma the population SD of the last 20 one-bar log returns) on 8 Gaussian random walks per
replay (5 years of training bars, 122 resolved replay days, as the demo), and prints the pooled
accuracies: the training majority (the best choice in advance on a random walk), persistence, and
the fair baseline; and how often the majority meets the issue's target (pooled issued accuracy >=
pooled fair baseline - 0.02).

Usage: bench/fair-baseline-gap.py [REPLAYS] [SEED]     (default 400 replays, seed 1; needs numpy)
"""
import sys

import numpy as np

HORIZON, WINDOW, BAND = 5, 20, 0.43
TRAIN, LIVE, SYMBOLS = 1260, 122, 8


def labels(close):
    """0 BEARISH, 1 NEUTRAL, 2 BULLISH, -1 unlabelled, as the product's Labeler."""
    ret = np.diff(np.log(close))
    n = len(close)
    codes = np.full(n, -1)
    t = np.arange(WINDOW, n - HORIZON)
    sigma = np.lib.stride_tricks.sliding_window_view(ret, WINDOW)[t - WINDOW].std(axis=1)
    forward = np.log(close[t + HORIZON] / close[t])
    band = BAND * sigma * np.sqrt(HORIZON)
    codes[t] = np.where(forward > band, 2, np.where(forward < -band, 0, 1))
    return codes


def replay(rng):
    rows = []
    for _ in range(SYMBOLS):
        close = 100 * np.exp(np.cumsum(rng.normal(0, 0.02, TRAIN + LIVE + HORIZON + 1)))
        codes = labels(close)
        train = codes[WINDOW : TRAIN - HORIZON]
        majority = np.bincount(train[train >= 0], minlength=3).argmax()
        live = np.arange(TRAIN, TRAIN + LIVE)
        actual = codes[live]
        a_majority = (actual == majority).mean()
        a_persistence = (actual == codes[live - HORIZON]).mean()
        rows.append((a_majority, a_persistence, max(a_majority, a_persistence, 1 / 3)))
    return np.array(rows).mean(axis=0)


def main():
    replays = int(sys.argv[1]) if len(sys.argv) > 1 else 400
    rng = np.random.default_rng(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    pooled = np.array([replay(rng) for _ in range(replays)])
    majority, persistence, fair = pooled.mean(axis=0)
    met = (pooled[:, 0] >= pooled[:, 2] - 0.02).mean()
    print(f"{replays} replays of {SYMBOLS} random walks x {LIVE} resolved days, pooled means:")
    print(f"  training majority {majority:.3f}  persistence {persistence:.3f}  fair baseline {fair:.3f}")
    print(f"  gap fair - majority {fair - majority:.3f} (sd of the pooled fair baseline {pooled[:, 2].std():.3f})")
    print(f"  majority >= fair baseline - 0.02 in {met:.1%} of replays")


if __name__ == "__main__":
    main()
