#!/usr/bin/env bash
# Trains the real-data disc localiser and Pfirrmann grader on every slice of
# ../shared/data/sudirman_lumbar_t2 (the two side by side, single-threaded), then the
# lumbosacral classifier (on the localiser's heatmaps), and writes disc_localiser_real.onnx,
# lumbosacral_real.onnx, pfirrmann_real.onnx and their model cards into the bundled models
# folder, plus the in-sample predictions the Java parity test compares with; then writes the CV
# metrics of imaging/training/real_cv/cv_real.json (made by eval_real.sh) into the cards.
# Usage (from anywhere): imaging/training/train_real.sh [WORK_DIR]
# Deterministic (seeds, deterministic algorithms, one thread per process): a rerun gives
# byte-identical ONNX files and cards. Needs Debian /usr/bin/python3 with python3-torch 1.13,
# numpy, scipy, sklearn and PIL.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
models="$here/imaging/src/main/resources/org/backstrat/imaging/models"
fixture="$here/imaging/src/test/resources/org/backstrat/imaging/real"
cv="$here/imaging/training/real_cv/cv_real.json"
work="${1:-/tmp/backstrat-real-training}"
py=/usr/bin/python3
script="$here/imaging/training/train_real.py"
log="$here/imaging/training/train_real.log"
mkdir -p "$fixture" "$work"
"$py" "$script" final --part localiser --work "$work" > "$log.localiser" 2>&1 &
a=$!
"$py" "$script" final --part grader --work "$work" > "$log.grader" 2>&1 &
b=$!
wait "$a"
# the lumbosacral classifier needs the localiser (its "below" examples)
"$py" "$script" final --part lumbosacral --work "$work" > "$log.lumbosacral" 2>&1
wait "$b"
cat "$log.localiser" "$log.grader" "$log.lumbosacral" > "$log"
rm -f "$log.localiser" "$log.grader" "$log.lumbosacral"
"$py" "$script" final --part export --work "$work" --out "$models" --out-fixture "$fixture" \
  >> "$log" 2>&1
if [ -f "$cv" ]; then
  "$py" "$script" cards --out "$models" --cv "$cv"
fi
