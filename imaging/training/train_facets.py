#!/usr/bin/python3
"""Trains the reference facet-joint segmenter (U-Net) on phantom axial slices; exports ONNX +
model card.

Reproducible command (from the repository root; Debian python3-torch 1.13.1, numpy, scipy),
see imaging/training/train_all.sh for the whole sequence:
  ./backstrat phantoms --n 1500 --seed 20261128 --out /tmp/ph_train
  ./backstrat phantoms --n 300 --seed 20261129 --out /tmp/ph_test
  /usr/bin/python3 imaging/training/train_facets.py --train /tmp/ph_train --test /tmp/ph_test \
      --out imaging/src/main/resources/org/backstrat/imaging/models

Input: the axial slice sampled at 0.8 mm on a 112 x 112 grid centred on the image centre,
axis-aligned (bilinear, outside = 0, as org.backstrat.imaging.volume.PlaneSampler),
percentile(1, 99) normalised. Output: softmax probabilities of background, left joint, right
joint, disc, canal (PhantomLabels 0..4; articular bone counts as background), trained against
each class's area fraction per pixel (soft targets). The Java side resamples the probabilities
to the image grid (bilinear, outside = background), takes the most probable class per pixel
as the label image and measures angles with FacetAngles. Held-out metric: facet angle error of
exactly that measurement against truth.csv.
Trained on synthetic phantoms only: not for clinical use.
"""
import argparse
import json
import os
import sys
import time

import numpy as np
import torch
from scipy import ndimage
from torch import nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fit  # noqa: E402
import phantom_data  # noqa: E402
from unet import UNet  # noqa: E402

SEED = 3
SIZE = 112
STEP_MM = 0.8
NAMES = ['background', 'left_joint', 'right_joint', 'disc', 'canal']
CHANNELS = (6, 12, 24, 48)
LEVELS = ['l3l4', 'l4l5', 'l5s1']


def load(folder, first_study=0, max_studies=None):
    """Crops (N, 1, 112, 112); soft targets (N, 5, 112, 112) float16, each class's area
    fraction (the one-hot label image sampled like the crop); true angles (N, 2) left/right;
    and per slice (image shape, spacing, crop centre) to map predictions back."""
    truth, ids = phantom_data.study_ids(folder, first_study, max_studies)
    xs, ys, angles, meta = [], [], [], []
    for sid in ids:
        for level in LEVELS:
            stem = os.path.join(folder, sid, f'axial_{level}_t2')
            img, sp = phantom_data.read_mha(stem + '.mha')
            lab, _ = phantom_data.read_mha(stem + '_labels.mha')
            lab[lab > 4] = 0
            centre = phantom_data.centre_of(img, sp)
            xs.append(phantom_data.normalise(phantom_data.crop(img, sp, centre, 0.0, SIZE,
                                                               STEP_MM)))
            soft = np.stack([phantom_data.crop((lab == k).astype(np.float64), sp, centre, 0.0,
                                               SIZE, STEP_MM) for k in range(len(NAMES))])
            soft[0] += 1 - soft.sum(0)  # outside the image counts as background
            ys.append(soft.astype(np.float16))
            angles.append([float(truth[sid][f'facet_angle_{level}_left']),
                           float(truth[sid][f'facet_angle_{level}_right'])])
            meta.append((img.shape, sp, centre))
    return (np.asarray(xs, dtype=np.float32)[:, None], np.asarray(ys),
            np.asarray(angles), meta)


def to_image_grid(prob, meta):
    """Class probabilities on the crop grid resampled (bilinear, outside = background) to the
    image grid, then the most probable class per pixel: the label image Java measures."""
    (ny, nx), sp, centre = meta
    jj, ii = np.mgrid[0:ny, 0:nx]
    cx = (ii * sp[0] - centre[0]) / STEP_MM + (SIZE - 1) / 2.0
    cy = (jj * sp[1] - centre[1]) / STEP_MM + (SIZE - 1) / 2.0
    back = np.stack([ndimage.map_coordinates(p.astype(np.float64), [cy, cx], order=1,
                                             mode='constant', cval=1.0 if k == 0 else 0.0)
                     for k, p in enumerate(prob)])
    return back.argmax(0), sp


def facet_angles(mask, sp):
    """Left and right angles (degrees) to the disc-to-canal line, as FacetAngles.measure."""
    disc = phantom_data.disc_pose(mask, sp, 3)
    canal = phantom_data.disc_pose(mask, sp, 4)
    if disc is None or canal is None:
        return np.nan, np.nan
    m = np.array(canal[0]) - np.array(disc[0])
    m /= np.linalg.norm(m)
    out = []
    for label in (1, 2):
        if (mask == label).sum() < 5:
            out.append(np.nan)
            continue
        a = np.deg2rad(phantom_data.disc_pose(mask, sp, label)[1])
        out.append(np.degrees(np.arccos(min(1.0, abs(np.cos(a) * m[0] + np.sin(a) * m[1])))))
    return out


def predict(model, x):
    model.eval()
    with torch.no_grad():
        return torch.cat([torch.softmax(model(torch.from_numpy(x[i:i + 64])), 1)
                          for i in range(0, len(x), 64)]).numpy()


def evaluate(model, x, y, angles, meta):
    prob = predict(model, x)
    pred = prob.argmax(1)
    truth = y.argmax(1)
    dice = []
    for c in range(1, 5):
        inter = ((pred == c) & (truth == c)).sum()
        dice.append(float(2 * inter / max(1, (pred == c).sum() + (truth == c).sum())))
    measured = np.array([facet_angles(*to_image_grid(p, m)) for p, m in zip(prob, meta)])
    err = np.abs(measured - angles)
    missing = int(np.isnan(err).sum())
    err = err[~np.isnan(err)]
    if err.size == 0:
        err = np.array([np.nan])
    return {'dice_left_right_disc_canal': dice, 'angle_mae_deg': float(err.mean()),
            'angle_p95_deg': float(np.percentile(err, 95)), 'angle_max_deg': float(err.max()),
            'angles_missing': missing, 'angles': int(err.size)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--train', required=True)
    ap.add_argument('--test', required=True)
    ap.add_argument('--out', required=True)
    ap.add_argument('--epochs', type=int, default=6)
    ap.add_argument('--max-studies', type=int, default=500)
    ap.add_argument('--threads', type=int, default=2)
    args = ap.parse_args()
    rng = fit.setup(SEED, args.threads)
    t0 = time.time()
    xtr, ytr, _, _ = load(args.train, max_studies=args.max_studies)
    xva, yva, ava, mva = load(args.train, first_study=1300, max_studies=1400)
    print(f'train {xtr.shape} validation {xva.shape} class areas'
          f' {ytr.astype(np.float32).sum((0, 2, 3)).round()} load {time.time() - t0:.0f}s',
          flush=True)
    net = UNet(len(NAMES), CHANNELS)
    class_weight = torch.tensor([0.5, 3.0, 3.0, 1.0, 1.0]).view(1, -1, 1, 1)

    def loss_fn(logits, target):
        # soft cross-entropy against the area fractions, plus soft Dice on the structures
        prob = torch.softmax(logits, 1)
        ce = -(class_weight * target * torch.log_softmax(logits, 1)).sum(1).mean()
        inter = (prob * target).sum((0, 2, 3))[1:]
        denom = (prob + target).sum((0, 2, 3))[1:]
        return ce + 1 - ((2 * inter + 1) / (denom + 1)).mean()

    fit.train(net, xtr, ytr, loss_fn, args.epochs, rng,
              lambda m: evaluate(m, xva, yva, ava, mva), t0=t0)
    xte, yte, ate, mte = load(args.test)
    metrics = evaluate(net, xte, yte, ate, mte)
    print('held out ' + json.dumps(metrics), flush=True)
    fit.export(net, lambda z: torch.softmax(z, dim=1), SIZE, args.out,
               'facet_segmenter_phantom', 'probabilities', {
                   'name': 'backstrat-facet-segmenter-phantom', 'task': 'facet_segmentation',
                   'input': {'name': 'image', 'shape': [-1, 1, SIZE, SIZE], 'plane': 'axial',
                             'spacing_mm': [STEP_MM, STEP_MM],
                             'normalisation': {'method': 'percentile', 'low': 1, 'high': 99},
                             'crop': 'axis-aligned, centred on the image centre, bilinear,'
                                     ' outside 0; image i axis towards the patient\'s left,'
                                     ' j posterior'},
                   'output': {'name': 'probabilities', 'kind': 'segmentation',
                              'labels': NAMES},
                   'training_data': f'backstrat phantoms --n 1500 --seed 20261128, first'
                                    f' {args.max_studies} studies x 3 levels (train,'
                                    f' {len(xtr)} slices); --n 300 --seed 20261129 (held'
                                    f' out, {len(xte)} slices)',
                   'metrics': {'heldout_' + k: v for k, v in metrics.items()},
                   'provenance': {'script': 'imaging/training/train_facets.py', 'seed': SEED,
                                  'epochs': args.epochs, 'channels': list(CHANNELS),
                                  'torch': torch.__version__, 'numpy': np.__version__},
               })


if __name__ == '__main__':
    main()
