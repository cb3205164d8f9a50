#!/usr/bin/env bash
# Cluster engine benchmark, one command (from anywhere):  bench/cluster/run.sh
# Needs: JDK 17, Maven, /usr/bin/python3 with numpy, pandas, scikit-learn (Debian packages),
# /usr/bin/time. Writes data and logs under bench/work/cluster/ (git-ignored) and prints a
# summary table; bench/cluster/RESULTS.md records one run.
# Ours: trimmed k-means with the library defaults for 10 restarts (above 100,000 rows that
# includes selective iteration: all restarts take 3 steps, the best 2 are iterated to
# convergence; see Clusterer.keepBest). BENCH_KEEP_ALL=1 iterates every restart to convergence
# instead (adds a second "ours" run per size, labelled ours_all_N).
# Env: BENCH_SKIP_1E7=1 skips the in-memory 10^7 x 10 growth check; BENCH_XMX (default 1g) is the
# Java heap cap for the 10^6 x 20 runs.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK="$ROOT/bench/work/cluster"
mkdir -p "$WORK"
cd "$ROOT"
PY=/usr/bin/python3
mvn -B -q -pl cluster -am install -DskipTests
mvn -B -q -pl cluster test-compile
mvn -B -q -pl cluster dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt"
CP="$ROOT/cluster/target/test-classes:$ROOT/cluster/target/classes:$(cat "$WORK/cp.txt")"
MAIN=org.backstrat.cluster.bench.ClusterBenchmark
{ date -u; lscpu; free -g; uptime; java -version 2>&1; $PY -c 'import sklearn; print("sklearn", sklearn.__version__)'; } > "$WORK/machine.txt"

for spec in "100000 20" "1000000 20"; do
  set -- $spec
  f="$WORK/data_${1}x${2}.csv"
  [ -s "$f" ] || $PY bench/cluster/gen_data.py "$1" "$2" 1 "$f"
done

# label, command... : runs under /usr/bin/time -v, prints
# "label process_wall_s= user_cpu_s= sys_cpu_s= max_rss_mb= | program output"
measure() {
  local label=$1; shift
  /usr/bin/time -v -o "$WORK/time_$label.txt" "$@" > "$WORK/out_$label.txt"
  local wall rss user sys
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$WORK/time_$label.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$WORK/time_$label.txt")
  user=$(awk -F': ' '/User time/ {print $2}' "$WORK/time_$label.txt")
  sys=$(awk -F': ' '/System time/ {print $2}' "$WORK/time_$label.txt")
  echo "$label process_wall_s=$wall user_cpu_s=$user sys_cpu_s=$sys max_rss_mb=$rss | $(cat "$WORK/out_$label.txt")" | tee -a "$WORK/summary.txt"
}
: > "$WORK/summary.txt"

echo "== load before: $(uptime)"
for n in 100000 1000000; do
  f="$WORK/data_${n}x20.csv"
  echo "== n=$n d=20 file=$(du -m "$f" | cut -f1) MB raw doubles=$((n * 20 * 8 / 1048576)) MB"
  measure "ours_$n" java -Xmx"${BENCH_XMX:-1g}" -cp "$CP" $MAIN fit "$f" 3 0.05 10
  measure "sklearn_$n" $PY bench/cluster/sklearn_fit.py "$f"
  if [ "${BENCH_KEEP_ALL:-0}" = 1 ]; then
    measure "ours_all_$n" java -Xmx"${BENCH_XMX:-1g}" -cp "$CP" $MAIN fit "$f" 3 0.05 10 10
  fi
done
if [ "${BENCH_SKIP_1E7:-0}" != 1 ]; then
  echo "== growth in n, in memory (same generator in Java), d=10, trimmed k=3 alpha=0.05 10 restarts"
  for n in 100000 1000000 10000000; do
    measure "ours_synth_$n" java -Xmx3g -cp "$CP" $MAIN synthfit "$n" 10 3 0.05 10
  done
fi
echo "== K selection 2..8, B=100 stability resamples, 100 gap references, n=1500 d=8"
measure ours_select java -cp "$CP" $MAIN select
echo "== load after: $(uptime)"
$PY bench/cluster/summarize.py "$WORK/summary.txt"
