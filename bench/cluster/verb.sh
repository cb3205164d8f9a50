#!/usr/bin/env bash
# The `cluster` verb's whole process against scikit-learn's, same CSV, same run (issue 10 item 6).
# Usage (from anywhere): bench/cluster/verb.sh [ROUNDS]   (default 3 rounds, alternating)
# Needs: JDK 17, Maven, /usr/bin/python3 with numpy, pandas, scikit-learn; /usr/bin/time.
# Builds the jar as the launcher does (package -pl cli -am, nothing installed), generates the
# 10^6 x 20 CSV (3 centres, 5% gross outliers; gen_data.py seed 1) once under
# bench/work/cluster/, then per round runs
#   ours:    java -jar cli/target/backstrat.jar cluster --data F --all-numeric --k 3
#            --method trimmed --trim 0.05 --scale none --restarts 10 --out DIR --force --quiet
#   sklearn: /usr/bin/python3 bench/cluster/sklearn_fit.py F   (pandas read + KMeans(3, n_init=10))
# each under /usr/bin/time, and prints wall, user CPU and peak RSS with the ratio ours/sklearn.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK="$ROOT/bench/work/cluster"
ROUNDS=${1:-3}
mkdir -p "$WORK"
cd "$ROOT"
PY=/usr/bin/python3
mvn -B -q -Dmaven.test.skip=true package -pl cli -am
F="$WORK/data_1000000x20.csv"
[ -s "$F" ] || $PY bench/cluster/gen_data.py 1000000 20 1 "$F"
{ date -u; lscpu | grep -E 'Model name|^CPU\(s\)|Thread'; free -g | head -2; uptime; java -version 2>&1 | head -1;
  $PY -c 'import sklearn; print("sklearn", sklearn.__version__)'; } | tee "$WORK/verb_machine.txt"
run() { # label command...
  local label=$1; shift
  /usr/bin/time -f "%e %U %M" -o "$WORK/verb_time.txt" "$@" > "$WORK/verb_out.txt" 2>&1
  read -r wall user rss < "$WORK/verb_time.txt"
  echo "$label wall_s=$wall user_s=$user rss_mb=$((rss / 1024)) load=$(cut -d' ' -f1 /proc/loadavg) $(tr '\n' ' ' < "$WORK/verb_out.txt")"
}
for r in $(seq 1 "$ROUNDS"); do
  o=$(run ours java -jar cli/target/backstrat.jar cluster --data "$F" --all-numeric --k 3 \
      --method trimmed --trim 0.05 --scale none --restarts 10 --out "$WORK/verb_out_dir" \
      --force --quiet)
  s=$(run sklearn $PY bench/cluster/sklearn_fit.py "$F")
  echo "$o"; echo "$s"
  ow=$(sed 's/.*wall_s=\([0-9.]*\).*/\1/' <<< "$o"); sw=$(sed 's/.*wall_s=\([0-9.]*\).*/\1/' <<< "$s")
  echo "round $r ratio ours/sklearn (whole process wall) = $(awk -v a="$ow" -v b="$sw" 'BEGIN {printf "%.3f", a / b}')"
done
