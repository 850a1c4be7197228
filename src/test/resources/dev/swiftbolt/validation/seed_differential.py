"""Regenerates seed-differential.jsonl: random validator inputs and the seed's own answers.

The seed's Python (step 2.1 of the guide) is run unmodified except for its clock: datetime.now()
is frozen at as_of, and last_retraining_date is set per case. Its persistent-drift rule looked at
days since retraining (> 7); each input sets persistent_drift_days to 7 exactly when that was
true, so both rules agree and every seed field is comparable. `exact_tie` marks inputs whose
multi-timeframe margin is exactly 0.20, where SPEC.md overrides the seed's float arithmetic.

Usage: python3 seed_differential.py PATH/TO/seed/000_ed6a79ebc063f4bc.txt > seed-differential.jsonl
"""

import json
import random
import re
import sys
from datetime import datetime, timedelta

guide = open(sys.argv[1], encoding="utf-8").read()
source = re.search(r"```python\n(\"\"\"Unified Validation Framework.*?)```", guide, re.S).group(1)
source = source.replace('if __name__ == "__main__":', "if False:")
seed = {}
exec(compile(source, "unified_framework.py", "exec"), seed)

AS_OF = datetime(2026, 11, 28, 14, 0, 0)


class FrozenDatetime(datetime):
    @classmethod
    def now(cls, tz=None):
        return AS_OF


seed["datetime"] = FrozenDatetime
WEIGHTS = {"M15": 10, "H1": 20, "H4": 30, "D1": 40, "W1": 50}
VOTES = [-0.5, 0.0, 0.5, 0.3, -0.3, 0.30000000000000004, -0.30000000000000004, 0.31, -0.31]
rng = random.Random(20261128)


def accuracy():
    r = rng.random()
    return 0.0 if r < 0.05 else 1.0 if r < 0.1 else round(rng.random(), rng.choice([2, 3, 17]))


for _ in range(1500):
    b, w, l = accuracy(), accuracy(), accuracy()
    tf = {
        t: rng.choice(VOTES) if rng.random() < 0.6 else round(rng.uniform(-1, 1), 3)
        for t in WEIGHTS
        if rng.random() < 0.85
    }
    age = timedelta(minutes=rng.randint(0, 60 * 24 * 45))
    direction = rng.choice(["BULLISH", "NEUTRAL", "BEARISH"])
    validator = seed["UnifiedValidator"]()
    validator.last_retraining_date = AS_OF - age
    r = validator.validate("SYM", direction, seed["ValidationScores"](b, w, l, tf))
    bull = sum(WEIGHTS[t] for t, v in tf.items() if v > 0.3)
    bear = sum(WEIGHTS[t] for t, v in tf.items() if v < -0.3)
    print(json.dumps({
        "input": {
            "symbol": "SYM", "direction": direction,
            "backtesting_score": b, "walkforward_score": w, "live_score": l,
            "multi_tf_scores": tf,
            "last_retraining_date": (AS_OF - age).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "persistent_drift_days": 7 if age.days > 7 else 0,
            "as_of": AS_OF.strftime("%Y-%m-%dT%H:%M:%SZ"),
        },
        "seed": {
            "unified_confidence": r.unified_confidence,
            "drift_detected": r.drift_detected,
            "drift_magnitude": r.drift_magnitude,
            "drift_explanation": r.drift_explanation,
            "timeframe_conflict": r.timeframe_conflict,
            "conflict_explanation": r.conflict_explanation,
            "consensus_direction": r.consensus_direction,
            "hierarchy_weights": r.hierarchy_weights,
            "recommendation": r.recommendation,
            "retraining_trigger": r.retraining_trigger,
            "retraining_reason": r.retraining_reason,
            "next_retraining_date": r.next_retraining_date.strftime("%Y-%m-%dT%H:%M:%SZ"),
        },
        "exact_tie": bull + bear > 0 and 5 * abs(bull - bear) == bull + bear,
    }, separators=(",", ":")))
