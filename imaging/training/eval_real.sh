#!/usr/bin/env bash
# Patient-level 5-fold cross-validation of the real-data disc localiser (with its lumbosacral
# classifier) + Pfirrmann grader,
# end to end, beside the baselines "always grade 2" and signal ratio + logistic regression.
# Usage (from anywhere): imaging/training/eval_real.sh [WORK_DIR]
# Needs Debian /usr/bin/python3 with python3-torch 1.13, numpy, scipy, sklearn, PIL, and
# ../shared/data/sudirman_lumbar_t2. The ten trainings (5 folds x localiser, grader) run as
# single-threaded processes side by side, each deterministic (its own seeds), then the five
# lumbosacral classifiers (each needs its fold's localiser); then each fold is evaluated. Writes imaging/training/real_cv/: fold_<k>.json, cv_real.json,
# cv_predictions.csv, cv_real.md and the logs. REUSE_WEIGHTS=1 keeps fold weights already in
# WORK_DIR (training is deterministic: a change of post-processing is re-measured on the same
# fold models without retraining; their checksums go to eval.log).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$here/imaging/training/real_cv"
work="${1:-/tmp/backstrat-real-training}"
py=/usr/bin/python3
script="$here/imaging/training/train_real.py"
mkdir -p "$out" "$work"
: > "$out/eval.log"
pids=()
for k in 0 1 2 3 4; do
  for part in localiser grader; do
    if [ "${REUSE_WEIGHTS:-0}" = 1 ] && [ -f "$work/fold_${k}_$part.pt" ]; then
      echo "fold $k $part: reusing $work/fold_${k}_$part.pt ($(sha256sum < "$work/fold_${k}_$part.pt" | cut -c1-16))" >> "$out/eval.log"
      continue
    fi
    "$py" "$script" cv --fold "$k" --part "$part" --work "$work" > "$out/fold_${k}_$part.log" 2>&1 &
    pids+=($!)
  done
done
for p in "${pids[@]}"; do wait "$p"; done
# the lumbosacral classifiers: their "below" examples come from the fold's localiser
pids=()
for k in 0 1 2 3 4; do
  if [ "${REUSE_WEIGHTS:-0}" = 1 ] && [ -f "$work/fold_${k}_lumbosacral.pt" ]; then
    echo "fold $k lumbosacral: reusing $work/fold_${k}_lumbosacral.pt ($(sha256sum < "$work/fold_${k}_lumbosacral.pt" | cut -c1-16))" >> "$out/eval.log"
    continue
  fi
  "$py" "$script" cv --fold "$k" --part lumbosacral --work "$work" > "$out/fold_${k}_lumbosacral.log" 2>&1 &
  pids+=($!)
done
for p in "${pids[@]}"; do wait "$p"; done
for k in 0 1 2 3 4; do
  "$py" "$script" cv --fold "$k" --part eval --work "$work" --out "$out" >> "$out/eval.log" 2>&1
done
"$py" "$script" cv-merge --out "$out" | tee "$out/merge.log"
"$py" "$here/imaging/training/cv_table.py" "$out/cv_real.json" > "$out/cv_real.md"
