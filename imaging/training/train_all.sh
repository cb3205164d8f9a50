#!/usr/bin/env bash
# Trains the three reference imaging models on phantoms, reproducibly, and writes them with
# their model cards into the bundled models folder. Usage (from anywhere):
#   imaging/training/train_all.sh [WORK_DIR]        (default WORK_DIR: /tmp/backstrat-training)
# Needs Debian's /usr/bin/python3 with python3-torch 1.13, numpy and scipy; ~1 GB disk for
# the phantoms. Seeds are fixed in the scripts; logs go next to the scripts.
# The Pfirrmann classifier is retrained only with --pfirrmann (it is already bundled).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${1:-/tmp/backstrat-training}"
models="$here/imaging/src/main/resources/org/backstrat/imaging/models"
logs="$here/imaging/training"
mkdir -p "$work"
[ -d "$work/ph_train" ] || "$here/backstrat" phantoms --n 1500 --seed 20261128 --out "$work/ph_train"
[ -d "$work/ph_test" ] || "$here/backstrat" phantoms --n 300 --seed 20261129 --out "$work/ph_test"
py=/usr/bin/python3
if [ "${2:-}" = "--pfirrmann" ]; then
  "$py" "$logs/train_pfirrmann.py" --train "$work/ph_train" --test "$work/ph_test" \
    --out "$models" --epochs 10 --max-studies 800 2>&1 | tee "$logs/train_pfirrmann.log"
fi
"$py" "$logs/train_localiser.py" --train "$work/ph_train" --test "$work/ph_test" \
  --out "$models" --threads 1 2>&1 | grep -v Warning | tee "$logs/train_localiser.log"
"$py" "$logs/train_facets.py" --train "$work/ph_train" --test "$work/ph_test" \
  --out "$models" --threads 1 2>&1 | grep -v Warning | tee "$logs/train_facets.log"
