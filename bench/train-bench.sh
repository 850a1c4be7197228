#!/usr/bin/env bash
# Nightly-training benchmark (issue 12): loads N simulated symbols (SIM001..) with the default
# backfill (5 years of D1, 18 months of M15, resampled H1/H4/W1) into a private home, then times
#   1. `swiftbolt train <32 symbols> --timeframes D1` (JVM and embedded PostgreSQL start included)
#      side by side with the pandas + scikit-learn reference pipeline (bench/reference_pipeline.py)
#      on the same symbols' D1 bars, with hyperfine, then once more each under GNU time for CPU
#      time and peak RSS;
#   2. `swiftbolt train <N symbols>` on all five timeframes for each N in SIZES.
# Every timed command reports wall time, CPU time (user + sys) and peak RSS. A timed command that
# fails stops the benchmark with its exit status and the end of its stderr: a failure is never
# timed as if it were the work.
#
# Usage: bench/train-bench.sh            (SIZES="8 32 128", RUNS=3)
# Env:   PARTS (default "d1 sizes"), SIZES, RUNS, SIZE_RUNS (runs per size in part 2, default RUNS), BENCH_DIR (default /tmp/swiftbolt-bench), BEFORE_JAR (an older swiftbolt.jar
#        to time beside the current one), THREADS (passed as --threads when set),
#        JAVA_OPTS (JVM options of the timed runs, default those ./swiftbolt gives batch commands:
#        -XX:TieredStopAtLevel=1 and a class-data-sharing archive, written by an untimed first
#        run of part 1's training), JAR (the swiftbolt.jar to time, default target/swiftbolt.jar, built when stale),
#        PYTHON (default /usr/bin/python3, which needs pandas and scikit-learn), PYTHON_ENV (one
#        environment for the reference; unset, the reference runs twice so it is timed at its
#        best: on one thread (OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1) and on
#        every core with OMP_WAIT_POLICY=PASSIVE (scikit-learn's OpenMP threads otherwise spin and
#        collapse when other processes share the cores); compare against the faster).
# Needs: java 17, hyperfine, GNU time (/usr/bin/time). Results: $BENCH_DIR/results.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sizes="${SIZES:-8 32 128}"
runs="${RUNS:-3}"
size_runs="${SIZE_RUNS:-$runs}"
parts="${PARTS:-d1 sizes}"
dir="${BENCH_DIR:-/tmp/swiftbolt-bench}"
# the JVM options ./swiftbolt gives batch commands (C1 only and the class archive, see the launcher)
cds="$dir/swiftbolt.jsa"
quiet_cds="-Xlog:cds=off -Xlog:cds+dynamic=off"
java_opts="${JAVA_OPTS--XX:TieredStopAtLevel=1 -XX:SharedArchiveFile=$cds $quiet_cds}"
python="${PYTHON:-/usr/bin/python3}"
# the reference's environments, as "label|VAR=value ..." entries
if [ -n "${PYTHON_ENV+set}" ]; then
  python_envs=("pandas + scikit-learn 32 x D1|$PYTHON_ENV")
else
  python_envs=(
    "pandas + scikit-learn 32 x D1, one thread|OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1"
    "pandas + scikit-learn 32 x D1, every core|OMP_WAIT_POLICY=PASSIVE"
  )
fi
threads_opt=""
[ -n "${THREADS:-}" ] && threads_opt="--threads $THREADS"
jar="${JAR:-$root/target/swiftbolt.jar}"
mkdir -p "$dir"
out="$dir/results.md"

[ -n "${JAR:-}" ] || "$root/swiftbolt" --version >/dev/null # builds the jar when missing or stale

# measure LABEL COMMAND...: runs the command under GNU time, appends a table row
# "| LABEL | wall s | user s | sys s | cpu s | peak RSS MB |" to $out, and exits on failure.
measure() {
  local label="$1" slug
  shift
  slug="$(printf %s "$label" | tr -c 'A-Za-z0-9' '-')"
  local times="$dir/time-$slug" err="$dir/err-$slug"
  if ! /usr/bin/time -o "$times" -f "%e %U %S %M" "$@" >/dev/null 2>"$err"; then
    echo "error: '$label' failed (exit status in $times); the end of its stderr ($err):" >&2
    tail -n 20 "$err" >&2
    exit 1
  fi
  local wall user sys rss
  read -r wall user sys rss < <(tail -n 1 "$times")
  echo "| $label | $wall | $user | $sys | $(awk -v u="$user" -v s="$sys" 'BEGIN{printf "%.2f", u+s}') | $((rss / 1024)) |" >>"$out"
}

table_head() {
  echo "| run | wall s | user s | sys s | CPU s | peak RSS MB |" >>"$out"
  echo "|---|---|---|---|---|---|" >>"$out"
}

symbols() { local s=""; for i in $(seq 1 "$1"); do s+=$(printf "SIM%03d," "$i"); done; echo "${s%,}"; }

load() { # home N
  if [ ! -f "$1/.loaded-$2" ]; then
    echo "loading $2 simulated symbols into $1 ..." >&2
    java -cp "$jar" "$root/bench/SimSymbols.java" "$1" register "$2"
    java -jar "$jar" --home "$1" backfill "$(symbols "$2")" --source sim >/dev/null
    touch "$1/.loaded-$2"
  fi
}

# archive HOME N: unless JAVA_OPTS is given, writes the class archive of the timed runs (once per
# benchmark) as the launcher's first batch command does: an untimed D1 training of N symbols.
[ -n "${JAVA_OPTS+set}" ] || rm -f "$cds"
archive() {
  if [ -z "${JAVA_OPTS+set}" ] && [ ! -f "$cds" ]; then
    # shellcheck disable=SC2086
    java -XX:TieredStopAtLevel=1 -XX:ArchiveClassesAtExit="$cds" $quiet_cds -jar "$jar" --home "$1" train "$(symbols "$2")" --timeframes D1 $threads_opt >/dev/null
  fi
}

{
  echo "# swiftbolt train benchmark, $(date -u +%FT%TZ)"
  echo
  echo "Machine: $(nproc) cores; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "Reference environments: $(printf '%s; ' "${python_envs[@]#*|}")"
  echo
} >"$out"

# 1. nightly D1 training of 32 symbols vs the pandas + scikit-learn pipeline
if [[ " $parts " == *" d1 "* ]]; then
home32="$dir/home-32"
load "$home32" 32
csv="$dir/d1-csv-32"
[ -d "$csv" ] || java -cp "$jar" "$root/bench/SimSymbols.java" "$home32" export-d1 32 "$csv"
archive "$home32" 32
cmds=(-n "swiftbolt train 32 x D1" "java $java_opts -jar $jar --home $home32 train $(symbols 32) --timeframes D1 $threads_opt")
if [ -n "${BEFORE_JAR:-}" ]; then
  cmds+=(-n "before: swiftbolt train 32 x D1" "java -jar $BEFORE_JAR --home $home32 train $(symbols 32) --timeframes D1")
fi
for e in "${python_envs[@]}"; do
  cmds+=(-n "${e%%|*}" "env ${e#*|} $python $root/bench/reference_pipeline.py $csv")
done
echo "## 32 symbols x D1 (5-year backfill), start-up included" >>"$out"
echo >>"$out"
# hyperfine stops with an error when a command fails
hyperfine --runs "$runs" --style basic --export-markdown "$dir/d1.md" "${cmds[@]}" >&2
cat "$dir/d1.md" >>"$out"
echo >>"$out"
echo "One more run of each under GNU time:" >>"$out"
echo >>"$out"
table_head
# shellcheck disable=SC2086 # the options are words
measure "swiftbolt train 32 x D1" java $java_opts -jar "$jar" --home "$home32" train "$(symbols 32)" --timeframes D1 $threads_opt
if [ -n "${BEFORE_JAR:-}" ]; then
  measure "before: swiftbolt train 32 x D1" java -jar "$BEFORE_JAR" --home "$home32" train "$(symbols 32)" --timeframes D1
fi
for e in "${python_envs[@]}"; do
  # shellcheck disable=SC2086 # the variables are words
  measure "${e%%|*}" env ${e#*|} "$python" "$root/bench/reference_pipeline.py" "$csv"
done
echo >>"$out"
fi

# 2. all five timeframes at growing symbol counts
[[ " $parts " == *" sizes "* ]] || sizes=""
if [ -n "$sizes" ]; then
  echo "## all five timeframes" >>"$out"
  echo >>"$out"
  table_head
fi
for n in $sizes; do
  home="$dir/home-$n"
  load "$home" "$n"
  archive "$home" "$n"
  for r in $(seq 1 "$size_runs"); do
    # shellcheck disable=SC2086
    measure "train $n symbols, run $r" java $java_opts -jar "$jar" --home "$home" train "$(symbols "$n")" $threads_opt
  done
done
echo >>"$out"
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$out"
cat "$out"
