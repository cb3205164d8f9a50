#!/usr/bin/env bash
# Times the full `analyze` (both variants, default settings) on synthetic cohorts of the given
# sizes. Usage: bench/analyze/run.sh [N ...]   (default: 1500 100000)
# Prints machine details, then one line per size: n, wall seconds, user seconds, peak RSS MB.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$here/bench/work/analyze"
mkdir -p "$work"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1500 100000)

echo "# machine"
lscpu | grep -E '^(Model name|CPU\(s\)|Thread|Core)' || true
free -g | head -2
java -version 2>&1 | head -1
echo "# load before: $(cut -d' ' -f1-3 /proc/loadavg)"

"$here/backstrat" --version >/dev/null   # builds the jar if needed
printf '%-8s %10s %10s %10s\n' n wall_s user_s peak_MB
for n in "${sizes[@]}"; do
  data="$work/cohort_$n.csv"
  [ -f "$data" ] || "$here/backstrat" synth --n "$n" --seed 7 --out "$data" --quiet
  rm -rf "$work/out_$n"
  /usr/bin/time -f "%e %U %M" -o "$work/time_$n" \
    "$here/backstrat" analyze --data "$data" --out "$work/out_$n" --quiet 2>"$work/err_$n" \
    || { cat "$work/err_$n"; exit 1; }
  read -r wall user rss <"$work/time_$n"
  printf '%-8s %10s %10s %10d\n' "$n" "$wall" "$user" "$((rss / 1024))"
done
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
