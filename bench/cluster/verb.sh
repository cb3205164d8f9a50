#!/usr/bin/env bash
# The `cluster` verb's whole process against scikit-learn's, same CSV, same run (issue 10 item 6).
# Usage (from anywhere): bench/cluster/verb.sh [ROUNDS]   (default 3 rounds, alternating)
# Needs: JDK 17, Maven, /usr/bin/python3 with numpy, pandas, scikit-learn; /usr/bin/time.
# Ours is run as a user runs it: through the launcher ./backstrat (which builds the jar if the
# sources are newer, then runs java with its flags and the verb's class-data archive; see
# README, "Start-up"), with BACKSTRAT_JAVA_OPTS unset and the archive cache in
# bench/work/cluster/cds, emptied first. Generates the 10^6 x 20 CSV (3 centres, 5% gross
# outliers; gen_data.py seed 1) once under bench/work/cluster/, then:
#   first:   one run of ours that records the archive (a user's first run of the verb on a new
#            jar; printed, not in the ratios)
#   rounds:  ours:    ./backstrat cluster --data F --all-numeric --k 3 --method trimmed
#                     --trim 0.05 --scale none --restarts 10 --out DIR --force --quiet
#            sklearn: /usr/bin/python3 bench/cluster/sklearn_fit.py F (pandas read + KMeans(3,
#                     n_init=10))
# each under /usr/bin/time, printing wall, user CPU and peak RSS, and per round the ratios
# ours/sklearn of wall and of user CPU.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK="$ROOT/bench/work/cluster"
ROUNDS=${1:-3}
mkdir -p "$WORK"
cd "$ROOT"
PY=/usr/bin/python3
unset BACKSTRAT_JAVA_OPTS BACKSTRAT_CDS
export BACKSTRAT_CDS_DIR="$WORK/cds"
rm -rf "$BACKSTRAT_CDS_DIR"
./backstrat --version > /dev/null # builds the jar when the sources are newer (not timed)
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
ours() {
  run ours ./backstrat cluster --data "$F" --all-numeric --k 3 --method trimmed --trim 0.05 \
      --scale none --restarts 10 --out "$WORK/verb_out_dir" --force --quiet
}
field() { sed "s/.* $1=\([0-9.]*\).*/\1/" <<< "$2"; }
o=$(ours)
echo "first (records the class-data archive; not in the ratios): $o"
for r in $(seq 1 "$ROUNDS"); do
  o=$(ours)
  s=$(run sklearn $PY bench/cluster/sklearn_fit.py "$F")
  echo "$o"; echo "$s"
  echo "round $r ratio ours/sklearn: wall $(awk -v a="$(field wall_s "$o")" \
      -v b="$(field wall_s "$s")" 'BEGIN {printf "%.3f", a / b}'), user CPU $(awk \
      -v a="$(field user_s "$o")" -v b="$(field user_s "$s")" 'BEGIN {printf "%.3f", a / b}')"
done
