#!/usr/bin/env bash
# Benchmark: write a synthetic cohort of N rows (default 1,000,000) with a 512 MB heap, to show
# that the generator streams in bounded memory and how long it takes. Until the CLI verb
# `backstrat synth` is wired, it runs the small main class SynthCohortMain (core test sources)
# with a classpath from maven-dependency-plugin. Results go to bench/synth/RESULTS.md by hand.
#
# Usage (from anywhere): bench/synth/run.sh [N] [SEED]
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-1000000}
SEED=${2:-7}
WORK=bench/work
mkdir -p "$WORK"
mvn -B -q -o -pl core -am install -DskipTests
mvn -B -q -o -pl core test-compile
mvn -B -q -pl core org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.outputFile="$PWD/$WORK/synth-cp.txt"
CP="core/target/classes:core/target/test-classes:$(cat "$WORK/synth-cp.txt")"
OUT="$WORK/synth-$N.csv"
rm -f "$OUT"
echo "java -Xmx512m -cp ... org.backstrat.core.synth.SynthCohortMain $N $SEED $OUT"
START=$(date +%s.%N)
/usr/bin/time -f "elapsed_s=%e max_rss_kb=%M" \
    java -Xmx512m -cp "$CP" org.backstrat.core.synth.SynthCohortMain "$N" "$SEED" "$OUT"
END=$(date +%s.%N)
echo "wall_s=$(echo "$END - $START" | bc)"
echo "rows=$(($(wc -l < "$OUT") - 1)) bytes=$(stat -c %s "$OUT") sha256=$(sha256sum "$OUT" | cut -c1-16)"
