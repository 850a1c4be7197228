#!/usr/bin/env bash
# HTTP hardening measurements (issue 25): starts `swiftbolt serve` on a private home, then runs
# bench/HttpHardeningBench.java: p50/p99 of GET /api/v1/health with STALLED stalled connections
# open, and the server's resident memory across a burst of CONNECTIONS x SECONDS of 50 MB chunked
# bodies to POST /api/v1/validate.
# Usage: bench/http-hardening-bench.sh     Env: STALLED (1000), SAMPLES (500), CONNECTIONS (16),
#        SECONDS_OF_BURST (10), PORT (18089), BENCH_DIR (/tmp/swiftbolt-http-bench),
#        JAVA_OPTS of the server (default -Xmx512m).
# Needs: java 17 and the project compiled (./mvnw -q -o compile); runs from target/classes.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${BENCH_DIR:-/tmp/swiftbolt-http-bench}"
port="${PORT:-18089}"
mkdir -p "$dir"
cd "$root"
./mvnw -B -q -o dependency:build-classpath -Dmdep.outputFile="$dir/classpath.txt" >/dev/null
cp="$root/target/classes:$(cat "$dir/classpath.txt")"
run() { java -cp "$cp" dev.swiftbolt.cli.Main --home "$dir/home" "$@"; }
run db migrate >/dev/null 2>&1 || true
token="$(run token bench 2>/dev/null | tail -1)"
# shellcheck disable=SC2086
java ${JAVA_OPTS:--Xmx512m} -cp "$cp" dev.swiftbolt.cli.Main --home "$dir/home" serve --port "$port" --workers 0 \
  >"$dir/serve.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fsS "http://localhost:$port/api/v1/health" >/dev/null 2>&1 && break
  sleep 1
done
ulimit -n 8192 2>/dev/null || true
bench="java $root/bench/HttpHardeningBench.java"
$bench stall "$port" "$token" 10 200 >/dev/null # warm up
$bench stall "$port" "$token" "${STALLED:-1000}" "${SAMPLES:-500}"
$bench burst "$port" "$token" "$pid" "${CONNECTIONS:-16}" "${SECONDS_OF_BURST:-10}"
echo "server log: $dir/serve.log ($(grep -c WARN "$dir/serve.log" || true) WARN lines)"
