#!/usr/bin/python3
"""Trains the reference disc localiser (heatmap U-Net) on phantoms; exports ONNX + model card.

Reproducible command (from the repository root; Debian python3-torch 1.13.1, numpy, scipy),
see imaging/training/train_all.sh for the whole sequence:
  ./backstrat phantoms --n 1500 --seed 20261128 --out /tmp/ph_train
  ./backstrat phantoms --n 300 --seed 20261129 --out /tmp/ph_test
  /usr/bin/python3 imaging/training/train_localiser.py --train /tmp/ph_train --test /tmp/ph_test \
      --out imaging/src/main/resources/org/backstrat/imaging/models

Input: the sagittal slice sampled at 4.0 mm on a 64 x 64 grid centred on the image centre,
axis-aligned (bilinear, outside = 0, as org.backstrat.imaging.volume.PlaneSampler),
percentile(1, 99) normalised. Output: six sigmoid heatmaps, T12/L1 (a distractor) and
L1/2..L5/S1, each a Gaussian (sigma 1.0 px = 4 mm) at the disc's label centroid. Java reads
each level's peak (log-parabola sub-pixel fit) as its centre and the peak value as confidence.
Trained on synthetic phantoms only: not for clinical use.
"""
import argparse
import json
import os
import sys
import time

import numpy as np
import torch
from torch import nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fit  # noqa: E402
import phantom_data  # noqa: E402
from unet import UNet  # noqa: E402

SEED = 2
SIZE = 64
STEP_MM = 4.0
SIGMA_PX = 1.0
LABELS = [16, 11, 12, 13, 14, 15]  # PhantomLabels.DISC_T12L1, DISC_L1L2 .. DISC_L5S1
NAMES = ['t12l1', 'l1l2', 'l2l3', 'l3l4', 'l4l5', 'l5s1']
CHANNELS = (8, 16, 32, 64)


def load(folder, first_study=0, max_studies=None, jitter_rng=None):
    """Crops (N, 1, 64, 64), disc centres in crop pixels (N, 6, 2) (NaN if absent); with
    jitter_rng a second crop per study, its centre shifted up to 20 mm."""
    _, ids = phantom_data.study_ids(folder, first_study, max_studies)
    xs, cs = [], []
    for sid in ids:
        img, sp = phantom_data.read_mha(os.path.join(folder, sid, 'sagittal_t2.mha'))
        lab, _ = phantom_data.read_mha(os.path.join(folder, sid, 'sagittal_t2_labels.mha'))
        poses = [phantom_data.disc_pose(lab, sp, label) for label in LABELS]
        centres = [phantom_data.centre_of(img, sp)]
        if jitter_rng is not None:
            centres.append((centres[0][0] + jitter_rng.uniform(-20, 20),
                            centres[0][1] + jitter_rng.uniform(-20, 20)))
        for centre in centres:
            xs.append(phantom_data.normalise(phantom_data.crop(img, sp, centre, 0.0, SIZE,
                                                               STEP_MM)))
            c = np.full((len(LABELS), 2), np.nan)
            for k, pose in enumerate(poses):
                if pose is not None:
                    (x, y), _ = pose
                    c[k] = ((x - centre[0]) / STEP_MM + (SIZE - 1) / 2.0,
                            (y - centre[1]) / STEP_MM + (SIZE - 1) / 2.0)
            cs.append(c)
    return np.asarray(xs, dtype=np.float32)[:, None], np.asarray(cs)


def heatmaps(centres):
    r, c = np.mgrid[0:SIZE, 0:SIZE]
    out = np.zeros((len(centres), len(LABELS), SIZE, SIZE), dtype=np.float32)
    for n in range(len(centres)):
        for k in range(len(LABELS)):
            if not np.isnan(centres[n, k, 0]):
                d2 = (c - centres[n, k, 0]) ** 2 + (r - centres[n, k, 1]) ** 2
                out[n, k] = np.exp(-d2 / (2 * SIGMA_PX ** 2))
    return out


def peaks(h):
    """Per channel (x, y) peak with a log-parabola sub-pixel fit, and the peak value."""
    n, k = h.shape[:2]
    out = np.zeros((n, k, 3))
    for a in range(n):
        for b in range(k):
            m = h[a, b]
            j, i = np.unravel_index(np.argmax(m), m.shape)
            lg = np.log(np.maximum(m, 1e-6))

            def offset(lo, mid, hi):
                den = lo - 2 * mid + hi
                return 0.0 if den >= 0 else float(np.clip(0.5 * (lo - hi) / den, -0.5, 0.5))
            dx = offset(lg[j, i - 1], lg[j, i], lg[j, i + 1]) if 0 < i < SIZE - 1 else 0.0
            dy = offset(lg[j - 1, i], lg[j, i], lg[j + 1, i]) if 0 < j < SIZE - 1 else 0.0
            out[a, b] = (i + dx, j + dy, m[j, i])
    return out


def predict(model, x):
    model.eval()
    with torch.no_grad():
        return torch.cat([torch.sigmoid(model(torch.from_numpy(x[i:i + 64])))
                          for i in range(0, len(x), 64)]).numpy()


def evaluate(model, x, centres):
    """Per lumbar disc distance (mm) of the peak from truth; share of studies all within 5 mm."""
    p = peaks(predict(model, x))
    d = np.hypot(p[:, 1:, 0] - centres[:, 1:, 0], p[:, 1:, 1] - centres[:, 1:, 1]) * STEP_MM
    found = (d <= 5.0) & (p[:, 1:, 2] >= 0.3)
    return {'all_discs_within_5mm': float(found.all(axis=1).mean()),
            'disc_within_5mm': float(found.mean()),
            'median_error_mm': float(np.median(d)), 'p99_error_mm': float(np.percentile(d, 99)),
            'max_error_mm': float(d.max()), 'min_peak': float(p[:, 1:, 2].min())}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--train', required=True)
    ap.add_argument('--test', required=True)
    ap.add_argument('--out', required=True)
    ap.add_argument('--epochs', type=int, default=12)
    ap.add_argument('--max-studies', type=int, default=1000)
    ap.add_argument('--threads', type=int, default=2)
    args = ap.parse_args()
    rng = fit.setup(SEED, args.threads)
    t0 = time.time()
    xtr, ctr = load(args.train, max_studies=args.max_studies, jitter_rng=rng)
    htr = heatmaps(ctr)
    xva, cva = load(args.train, first_study=1300)
    print(f'train {xtr.shape} validation {xva.shape} load {time.time() - t0:.0f}s', flush=True)
    net = UNet(len(LABELS), CHANNELS)
    with torch.no_grad():
        net.head.bias.fill_(-4.0)  # start from 'no disc here' (the prior almost everywhere)
    pos = torch.tensor(20.0)

    def loss_fn(logits, target):
        # peaks are rare: weight heatmap pixels by their target so peaks are learnt
        return nn.functional.binary_cross_entropy_with_logits(logits, target,
                                                              weight=1.0 + pos * target)

    fit.train(net, xtr, htr, loss_fn, args.epochs, rng, lambda m: evaluate(m, xva, cva), t0=t0)
    xte, cte = load(args.test)
    metrics = evaluate(net, xte, cte)
    print('held out ' + json.dumps(metrics), flush=True)
    fit.export(net, torch.sigmoid, SIZE, args.out, 'disc_localiser_phantom', 'heatmaps', {
        'name': 'backstrat-disc-localiser-phantom', 'task': 'disc_localiser',
        'input': {'name': 'image', 'shape': [-1, 1, SIZE, SIZE], 'plane': 'sagittal',
                  'spacing_mm': [STEP_MM, STEP_MM],
                  'normalisation': {'method': 'percentile', 'low': 1, 'high': 99},
                  'crop': 'axis-aligned, centred on the image centre, bilinear, outside 0;'
                          ' image i axis posterior, j axis inferior'},
        'output': {'name': 'heatmaps', 'kind': 'heatmaps', 'labels': NAMES,
                   'peak': 'per channel argmax, log-parabola sub-pixel fit; peak value is'
                           ' the confidence', 'sigma_px': SIGMA_PX},
        'training_data': f'backstrat phantoms --n 1500 --seed 20261128, first'
                         f' {args.max_studies} studies, each centred and shifted up to'
                         f' 20 mm (train, {len(xtr)} crops); --n 300 --seed 20261129'
                         f' (held out, {len(xte)} studies)',
        'metrics': {'heldout_' + k: v for k, v in metrics.items()},
        'provenance': {'script': 'imaging/training/train_localiser.py', 'seed': SEED,
                       'epochs': args.epochs, 'channels': list(CHANNELS),
                       'torch': torch.__version__, 'numpy': np.__version__},
    })


if __name__ == '__main__':
    main()
