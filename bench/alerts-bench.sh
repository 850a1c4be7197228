#!/usr/bin/env bash
# Alerts benchmark (issue 21), one run on a fresh embedded PostgreSQL database:
#   1. a unified prediction stored (direction flipped, one tracker, one webhook endpoint) until its
#      signed webhook reaches a local receiver, one worker with default options, the queue otherwise
#      idle: p50 / p99 / max over LATENCY samples (targets: p50 <= 500 ms, p99 <= 2 s);
#   2. DELIVERIES queued events drained by one worker to the local receiver: deliveries/s
#      (target >= 200/s);
#   3. the plain validate step (unified prediction from stored forecasts and evaluations, stored)
#      with and without the outbox (5 trackers), and the bare INSERT with and without it, STORES
#      alternating samples each (which goes first alternates too): medians, the outbox's overhead
#      (of the medians, and the median of paired differences; target <= 10 %) and the load average.
# It runs on a PostgreSQL configured like production's embedded one (fsync on, commits wait for the
# WAL flush); DURABLE=false runs it on the test server, which does not flush, for comparison.
# Usage: bench/alerts-bench.sh     Env: LATENCY (200), DELIVERIES (2000), STORES (500),
#        DURABLE (true), BENCH_DIR (/tmp/swiftbolt-bench). Needs java 17 and the Maven wrapper's
#        offline cache.
# Results: $BENCH_DIR/alerts.md
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${BENCH_DIR:-/tmp/swiftbolt-bench}"
mkdir -p "$dir"
cd "$root"
./mvnw -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
java -cp "target/test-classes:target/classes:$(cat target/cp.txt)" \
  dev.swiftbolt.alerts.AlertsBenchmark "${LATENCY:-200}" "${DELIVERIES:-2000}" "${STORES:-500}" \
  "${DURABLE:-true}" \
  2>"$dir/alerts.log" | tee "$dir/alerts.md"
