#!/usr/bin/env bash
# K-selection benchmark, one command (from anywhere):  bench/ksel/run.sh [repeats]
# K = 2..8, B = 100 bootstrap stability resamples, 100 gap reference sets, n = 1,500 x d = 8
# (seeded 3-centre mixture with 5% outliers; robust scaling; trimmed k-means, 100 restarts per k).
# Needs: JDK 17, Maven (offline repo filled by a normal build), /usr/bin/time.
# Builds the cluster module, then runs the driver org.backstrat.cluster.bench.KSelectionBenchmark
# twice under /usr/bin/time -v: "select" (the whole KSelector.select call, repeated; the first
# repeat includes JIT warm-up) and "phases" (the same work timed part by part).
# Prints wall and CPU seconds of each process and the machine load (the machine may be shared).
# KSEL_BASELINE=<commit> also runs the same "select" measurement on that commit's cluster code
# (main sources without the job package, compiled with javac; the driver is compiled against it
# with REFERENCE_TOLERANCE read as INNER_TOLERANCE, the one tolerance the code before 7098bc2 had),
# alternating baseline and current runs so both see similar machine load.
# Logs go to bench/work/ksel/ (git-ignored); bench/ksel/RESULTS.md records runs.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK="$ROOT/bench/work/ksel"
mkdir -p "$WORK"
cd "$ROOT"
REPEATS=${1:-3}
mvn -B -q -o -pl cluster -am install -DskipTests
mvn -B -q -o -pl cluster test-compile
mvn -B -q -o -pl cluster dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt"
CP="$ROOT/cluster/target/test-classes:$ROOT/cluster/target/classes:$(cat "$WORK/cp.txt")"
MAIN=org.backstrat.cluster.bench.KSelectionBenchmark
{ date -u; nproc; uptime; java -version 2>&1; git -C "$ROOT" log -1 --oneline; } > "$WORK/machine.txt"
cat "$WORK/machine.txt"

measure() {
  local label=$1; shift
  local before after
  before=$(cut -d' ' -f1-3 /proc/loadavg)
  /usr/bin/time -v -o "$WORK/time_$label.txt" "$@" > "$WORK/out_$label.txt"
  after=$(cut -d' ' -f1-3 /proc/loadavg)
  awk -F': ' -v label="$label" -v before="$before" -v after="$after" '
    /Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; wall=s}
    /User time/ {user=$2} /System time/ {sys=$2} /Percent of CPU/ {pct=$2}
    /Maximum resident set size/ {rss=$2/1024}
    END {printf "%s process_wall_s=%.2f user_cpu_s=%.2f sys_cpu_s=%.2f cpu=%s max_rss_mb=%.0f load_before=[%s] load_after=[%s]\n", label, wall, user, sys, pct, rss, before, after}' \
    "$WORK/time_$label.txt"
  cat "$WORK/out_$label.txt"
}

if [ -n "${KSEL_BASELINE:-}" ]; then
  B="$WORK/baseline"
  rm -rf "$B" && mkdir -p "$B/src" "$B/classes" "$B/test-classes"
  git -C "$ROOT" archive "$KSEL_BASELINE" cluster/src/main | tar -x -C "$B/src"
  javac -nowarn -d "$B/classes" -cp "$CP" $(find "$B/src" -name '*.java' | grep -v /job/)
  sed 's/KSelector.REFERENCE_TOLERANCE/KSelector.INNER_TOLERANCE/' \
    cluster/src/test/java/org/backstrat/cluster/bench/KSelectionBenchmark.java > "$B/KSelectionBenchmark.java"
  javac -nowarn -d "$B/test-classes" -cp "$B/classes:$CP" \
    cluster/src/test/java/org/backstrat/cluster/Planted.java "$B/KSelectionBenchmark.java"
  BCP="$B/test-classes:$B/classes:$CP"
  for round in 1 2; do
    measure "baseline_select_$round" java -cp "$BCP" $MAIN select "$REPEATS"
    measure "select_$round" java -cp "$CP" $MAIN select "$REPEATS"
  done
else
  measure select java -cp "$CP" $MAIN select "$REPEATS"
fi
measure phases java -cp "$CP" $MAIN phases 2
echo "== load after: $(uptime)"
