#!/usr/bin/env bash
# Replay benchmark (issue 19): times `swiftbolt replay` of the demo's 8 symbols x 127 sessions x 5
# timeframes on a demo home, alternating the current jar with an older one when BEFORE_JAR is set
# (the machine's load moves between runs; alternating keeps the comparison fair), and checks that
# every run gives the very same replay day lines as the first (a speed change must not change
# results). The demo home is made once with `swiftbolt demo --no-serve` (timed too, as the issue's
# target counts it on a fresh home).
#
# Usage: bench/replay-bench.sh
# Env:   RUNS (default 3), BENCH_DIR (default /tmp/swiftbolt-replay-bench), JAR (default
#        target/swiftbolt.jar, built when stale), BEFORE_JAR (an older swiftbolt.jar to alternate
#        with), JAVA_OPTS (default -XX:TieredStopAtLevel=1, as ./swiftbolt gives batch commands),
#        FROM / TO (default: the range the demo replayed, from its "[6/6] Replay FROM to TO" line).
# Needs: java 17, GNU time (/usr/bin/time). Results: $BENCH_DIR/results.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${RUNS:-3}"
dir="${BENCH_DIR:-/tmp/swiftbolt-replay-bench}"
jar="${JAR:-$root/target/swiftbolt.jar}"
java_opts="${JAVA_OPTS--XX:TieredStopAtLevel=1}"
home="$dir/home"
mkdir -p "$dir"
out="$dir/results.md"

[ -n "${JAR:-}" ] || "$root/swiftbolt" --version >/dev/null # builds the jar when missing or stale

# timed LABEL JAR OUTPUT ARGS...: runs the jar under GNU time with stdout to OUTPUT, appends a row
# "| LABEL | wall s | user s | sys s | load |" to $out, and exits with the end of stderr on failure.
timed() {
  local label="$1" run_jar="$2" output="$3"
  shift 3
  local times="$dir/time" err="$dir/err" load
  load="$(cut -d' ' -f1 /proc/loadavg)"
  # shellcheck disable=SC2086 # the options are words
  if ! /usr/bin/time -o "$times" -f "%e %U %S" java $java_opts -jar "$run_jar" "$@" >"$output" 2>"$err"; then
    echo "error: '$label' failed; the end of its stderr ($err):" >&2
    tail -n 20 "$err" >&2
    exit 1
  fi
  local wall user sys
  read -r wall user sys < <(tail -n 1 "$times")
  echo "| $label | $wall | $user | $sys | $load |" >>"$out"
}

{
  echo "# swiftbolt replay benchmark, $(date -u +%FT%TZ)"
  echo
  echo "Machine: $(nproc) cores; JVM options: ${java_opts:-none}"
  echo
  echo "| run | wall s | user s | sys s | load before |"
  echo "|---|---|---|---|---|"
} >"$out"

rm -rf "$home"
timed "demo --no-serve (fresh home)" "$jar" "$dir/demo.out" demo --no-serve --home "$home"
demo_range="$(sed -n 's/.*\[6\/6\] Replay \([0-9-]*\) to \([0-9-]*\),.*/\1 \2/p' "$dir/demo.out")"
from="${FROM:-${demo_range% *}}"
to="${TO:-${demo_range#* }}"

jars=("$jar")
[ -z "${BEFORE_JAR:-}" ] || jars+=("$BEFORE_JAR")
reference=""
for r in $(seq 1 "$runs"); do
  for j in "${jars[@]}"; do
    label="replay, run $r"
    [ "$j" = "$jar" ] || label="before: replay, run $r"
    timed "$label" "$j" "$dir/replay.json" --home "$home" replay --from "$from" --to "$to" --json
    grep '"kind":"day"' "$dir/replay.json" >"$dir/days.json"
    if [ -z "$reference" ]; then
      reference="$dir/days-reference.json"
      cp "$dir/days.json" "$reference"
    elif ! cmp -s "$dir/days.json" "$reference"; then
      echo "error: '$label' gave other day lines than the first run ($dir/days.json vs $reference)" >&2
      exit 1
    fi
  done
done
{
  echo
  echo "Every replay gave the same $(wc -l <"$reference") day lines."
} >>"$out"
cat "$out"
