#!/usr/bin/python3
"""Disc localiser and Pfirrmann grader trained on real lumbar T2 slices
(../shared/data/sudirman_lumbar_t2: Sudirman et al., Mendeley Data doi 10.17632/k57fr854j2.2,
CC BY 4.0), and their patient-level cross-validation.

  /usr/bin/python3 imaging/training/train_real.py cv    --out imaging/training/real_cv
  /usr/bin/python3 imaging/training/train_real.py final --out <models folder> \
      --cv imaging/training/real_cv/cv_real.json

(imaging/training/eval_real.sh and train_real.sh run these.) `cv` trains both models on four
fifths of the patients and measures the held-out fifth end to end (localiser -> crops at the
located centres, turned by the estimated axes -> grader), five times, beside the baselines
"always grade 2" and a disc-to-CSF signal ratio + logistic regression on the published boxes;
`final` trains on every slice and exports ONNX + model cards (with the CV metrics).

Deterministic: fixed seeds, torch.use_deterministic_algorithms(True), one thread; a rerun
writes byte-identical ONNX files and cards.

Localiser: the slice sampled axis-aligned at 6.4 mm on a 48 x 48 grid (307 mm) centred on the
image centre, percentile(1, 99) normalised; a U-Net gives six sigmoid heatmaps (T12/L1 .. L5/S1;
Gaussians of sigma 1.25 px at the box centres) trained with peak-weighted BCE, with random
scale (+-15 %: the spacing is declared, not known), shift (+-40 mm) and rotation (+-12 degrees),
40 epochs, U-Net widths 8, 16, 32, 64, 64 (the first real model, before the CV of
imaging/training/real_cv_deeper: 10 epochs, widths 6-48, +-20 mm, +-8 degrees).
Options for localiser experiments (defaults = the shipped model): --loc-channels (U-Net
widths), --loc-shift-mm, --loc-rotate-deg (augmentation), --level-weight (a cross-entropy over
the channels at each disc centre, level_loss); the pilots of issue 16 (BENCHMARKS.md).
Grader: 48 x 32 crops at 1.25 mm centred on a disc and turned so its long axis (perpendicular
to the spine's course through the disc centres) is horizontal; a small CNN with softmax over
grades 1..5, trained with class weights (inverse square root of frequency) plus an ordinal
term (squared error of the expected grade), with jitter of centre (1.5 mm), angle (4 degrees)
and scale (8 %), and random gamma/contrast.
"""
import argparse
import csv
import hashlib
import json
import os
import sys
import time
import warnings

import numpy as np
import torch
from torch import nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import real_data as rd  # noqa: E402
from unet import UNet  # noqa: E402

SEED = 16
LOC_SIZE = 48
LOC_STEP = 6.4
LOC_SIGMA = 1.25
LOC_NAMES = ['t12l1', 'l1l2', 'l2l3', 'l3l4', 'l4l5', 'l5s1']
LOC_CHANNELS = (8, 16, 32, 64, 64)  # issue 16: one level deeper than the first (6, 12, 24, 48)
LOC_SHIFT_MM = 40.0   # random shift of the crop centre, each axis
LOC_ROTATE_DEG = 12.0  # random rotation
LOC_SCALE = 0.15      # random scale of the grid step (the spacing is declared, not known)
LOC_LEVEL_WEIGHT = 0.0  # weight of the level term: softmax over the channels at each disc centre
LUMBAR = LOC_NAMES[1:]
MIN_CONFIDENCE = 0.3  # DiscLocaliser's default
LS_SIZE, LS_STEP = 64, 2.0  # lumbosacral crops: 128 mm around a disc candidate, axis-aligned
LS_EPOCHS = 15
LS_BELOW_MIN = 0.1  # heatmap maxima this strong caudal to the L5/S1 box: "below" examples
GR_W, GR_H, GR_STEP = 48, 32, 1.25
INTENDED_USE = ('research use on mid-sagittal lumbar T2 slices; not for clinical use:'
                ' trained on 414 slices of one public source, graded by one undocumented'
                ' reader')
ATTRIBUTION = ('Sudirman S. et al., Lumbar Spine MRI Dataset, Mendeley Data,'
               ' doi:10.17632/k57fr854j2.2, licensed CC BY 4.0'
               ' (https://creativecommons.org/licenses/by/4.0/); images as redistributed with'
               ' Pfirrmann grades and disc boxes in github.com/farhatmasood/YOLOspine (MIT,'
               ' commit aab0746); converted to one grey channel, otherwise unchanged')


def setup(threads=1):
    warnings.filterwarnings('ignore')
    torch.manual_seed(SEED)
    torch.use_deterministic_algorithms(True)
    torch.set_num_threads(threads)
    return np.random.default_rng(SEED)


# ---------------------------------------------------------------- localiser

def loc_example(item, rng):
    """One augmented localiser crop and its target heatmaps."""
    img = item['img']
    c0 = rd.image_centre(img)
    if rng is None:
        centre, angle, step = c0, 0.0, LOC_STEP
    else:
        centre = (c0[0] + rng.uniform(-LOC_SHIFT_MM, LOC_SHIFT_MM),
                  c0[1] + rng.uniform(-LOC_SHIFT_MM, LOC_SHIFT_MM))
        angle = rng.uniform(-LOC_ROTATE_DEG, LOC_ROTATE_DEG)
        step = LOC_STEP * rng.uniform(1 - LOC_SCALE, 1 + LOC_SCALE)
    x = rd.normalise(rd.sample(img, centre, angle, LOC_SIZE, LOC_SIZE, step))
    r, c = np.mgrid[0:LOC_SIZE, 0:LOC_SIZE]
    h = np.zeros((len(LOC_NAMES), LOC_SIZE, LOC_SIZE), np.float32)
    for k, name in enumerate(LOC_NAMES):
        if name in item['discs']:
            px, py = rd.to_crop(item['discs'][name][:2], centre, angle, LOC_SIZE, LOC_SIZE,
                                step)
            h[k] = np.exp(-((c - px) ** 2 + (r - py) ** 2) / (2 * LOC_SIGMA ** 2))
    return x, h


def level_loss(logits, target):
    """Which level a disc is: cross-entropy of the softmax over the channels' logits at each
    disc centre in the crop (the target's pixel nearest the box centre), so that a channel
    learns to stay low on its neighbours' discs, not only to be high on its own."""
    flat = target.flatten(2)
    peak, where = flat.max(2)  # per example and channel: the target's highest pixel
    n, k = torch.nonzero(peak > 0.6, as_tuple=True)
    if len(n) == 0:
        return logits.sum() * 0.0
    at = logits.flatten(2)[n, :, where[n, k]]  # [discs, channels]
    return nn.functional.cross_entropy(at, k)


def train_localiser(items, rng, epochs, batch=16):
    net = UNet(len(LOC_NAMES), LOC_CHANNELS)
    with torch.no_grad():
        net.head.bias.fill_(-4.0)
    opt = torch.optim.AdamW(net.parameters(), lr=2e-3, weight_decay=1e-4)
    steps = (len(items) + batch - 1) // batch
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=5e-3, epochs=epochs,
                                                pct_start=0.15, steps_per_epoch=steps)
    for epoch in range(epochs):
        net.train()
        total = 0.0
        order = rng.permutation(len(items))
        for b in range(0, len(order), batch):
            ex = [loc_example(items[i], rng) for i in order[b:b + batch]]
            xb = np.stack([e[0] for e in ex])[:, None]
            gamma = rng.uniform(0.7, 1.4, size=(len(ex), 1, 1, 1))
            xb = np.clip(np.clip(xb, 0, 1) ** gamma * rng.uniform(0.85, 1.15,
                                                                  size=(len(ex), 1, 1, 1)),
                         0, 1).astype(np.float32)
            target = torch.from_numpy(np.stack([e[1] for e in ex]))
            opt.zero_grad()
            logits = net(torch.from_numpy(xb))
            loss = nn.functional.binary_cross_entropy_with_logits(
                logits, target, weight=1.0 + 20.0 * target)
            if LOC_LEVEL_WEIGHT > 0:
                loss = loss + LOC_LEVEL_WEIGHT * level_loss(logits, target)
            loss.backward()
            opt.step()
            sched.step()
            total += float(loss) * len(ex)
        print(f'  localiser epoch {epoch + 1} loss {total / len(items):.5f}', flush=True)
    return net.eval()


def heatmaps(net, items):
    """The localiser's six heatmaps [items, channels, rows, cols] of each item's slice."""
    xs = np.stack([loc_example(it, None)[0] for it in items])[:, None]
    with torch.no_grad():
        return torch.cat([torch.sigmoid(net(torch.from_numpy(xs[i:i + 32])))
                          for i in range(0, len(xs), 32)]).numpy()


def grid_mm(item, i, j):
    """Slice-frame millimetres of localiser grid pixel (i, j) of the item's crop."""
    c0 = rd.image_centre(item['img'])
    return (c0[0] + (i - (LOC_SIZE - 1) / 2.0) * LOC_STEP,
            c0[1] + (j - (LOC_SIZE - 1) / 2.0) * LOC_STEP)


def locate(net, items, chained=True, ls_net=None):
    """Per item the Java pipeline's located discs: dict level -> (x_mm, y_mm, conf, found),
    and the long-axis angle per found level. With ls_net (the lumbosacral classifier), levels
    are counted up the spine from the candidate likeliest to be L5/S1 by it and the L5/S1
    heatmap together (rd.lumbosacral_anchor, rd.anchored_peaks; DiscLocaliser with the real
    models); without it, laid on the candidates
    by rd.chain_peaks; chained=False: each level at its own heatmap's peak (the decoding
    before the chain; kept for localiser_failures.py)."""
    heat = heatmaps(net, items)
    out = []
    for it, h in zip(items, heat):
        c0 = rd.image_centre(it['img'])
        xs_, ys_, conf, found = [], [], [], []
        previous = -np.inf
        if ls_net is not None:
            cands, m = rd.candidates(h, MIN_CONFIDENCE, LOC_STEP)
            p = lumbosacral_p(ls_net, it, cands)
            chain = rd.anchored_peaks(h, cands, m, rd.lumbosacral_anchor(h, cands, p))
        elif chained:
            chain = rd.chain_peaks(h, MIN_CONFIDENCE, LOC_STEP)
        else:
            chain = [rd.peak(c) for c in h]
        for name in LUMBAR:
            k = LOC_NAMES.index(name)
            if chain[k] is None:
                px, py, _ = rd.peak(h[k])
                v = 0.0
            else:
                px, py, v = chain[k]
            x = c0[0] + (px - (LOC_SIZE - 1) / 2.0) * LOC_STEP
            y = c0[1] + (py - (LOC_SIZE - 1) / 2.0) * LOC_STEP
            ok = v >= MIN_CONFIDENCE and y > previous
            if ok:
                previous = y
            xs_.append(x)
            ys_.append(y)
            conf.append(v)
            found.append(ok)
        axes = rd.disc_axes(xs_, ys_, found)
        out.append({name: (xs_[d], ys_[d], conf[d], found[d], axes[d])
                    for d, name in enumerate(LUMBAR)})
    return out


# ---------------------------------------------------------------- lumbosacral classifier

class Lumbosacral(nn.Module):
    """Is the disc candidate at the centre of a 128 mm crop the lumbosacral disc (the lowest
    boxed one)? Four conv-pool stages (64 -> 4 px) and a linear layer over the flattened
    4 x 4 map, so that where things lie relative to the centre (the sacrum below, a
    vertebral body above) counts; one logit."""

    def __init__(self, channels=(8, 16, 32, 32)):
        super().__init__()
        layers = []
        prev = 1
        for c in channels:
            layers += [nn.Conv2d(prev, c, 3, padding=1, bias=False), nn.BatchNorm2d(c),
                       nn.ReLU(inplace=True), nn.MaxPool2d(2)]
            prev = c
        self.features = nn.Sequential(*layers)
        self.drop = nn.Dropout(0.3)
        self.head = nn.Linear(prev * (LS_SIZE // 16) ** 2, 1)

    def forward(self, x):
        return self.head(self.drop(self.features(x).flatten(1)))[:, 0]


def ls_crop(img, centre, rng=None):
    angle, step = 0.0, LS_STEP
    if rng is not None:
        centre = (centre[0] + rng.normal(0, 2.0), centre[1] + rng.normal(0, 2.0))
        angle = rng.uniform(-10, 10)
        step = LS_STEP * rng.uniform(0.9, 1.1)
    return rd.normalise(rd.sample(img, centre, angle, LS_SIZE, LS_SIZE, step))


def ls_examples(items, heat):
    """(item index, centre mm, label) per example: the L5/S1 box centre (1), the other boxed
    discs (0) and what lies caudal to the L5/S1 box and may pass for a disc (0): the
    localiser's maxima there (>= LS_BELOW_MIN, within 60 mm sideways; on its own training
    slices), else the point one disc spacing below L5/S1 (L5/S1 + (L5/S1 - L4/5))."""
    ex = []
    for n, (it, h) in enumerate(zip(items, heat)):
        d = it['discs']
        if 'l5s1' not in d:
            continue
        ex.append((n, d['l5s1'][:2], 1.0))
        for lv in ('l4l5', 'l3l4'):
            if lv in d:
                ex.append((n, d[lv][:2], 0.0))
        below = []
        for i, j in rd.candidates(h, LS_BELOW_MIN, LOC_STEP)[0]:
            x, y = grid_mm(it, i, j)
            if y > d['l5s1'][1] + d['l5s1'][3] and abs(x - d['l5s1'][0]) < 60:
                below.append((x, y))
        if not below and 'l4l5' in d:
            below.append((2 * d['l5s1'][0] - d['l4l5'][0], 2 * d['l5s1'][1] - d['l4l5'][1]))
        ex += [(n, p, 0.0) for p in below]
    return ex


def train_lumbosacral(items, loc_net, rng, epochs, batch=32):
    """The lumbosacral classifier on the training slices, its "below" examples from loc_net's
    heatmaps of those slices; binary cross-entropy with the positives weighted up to balance."""
    ex = ls_examples(items, heatmaps(loc_net, items))
    y = np.array([e[2] for e in ex], np.float32)
    pos_weight = torch.tensor((1 - y.mean()) / y.mean())
    net = Lumbosacral()
    opt, sched = crop_optimiser(net, len(ex), batch, epochs)
    for epoch in range(epochs):
        net.train()
        order = rng.permutation(len(ex))
        total = 0.0
        for b in range(0, len(ex), batch):
            idx = order[b:b + batch]
            xb = np.stack([ls_crop(items[ex[i][0]]['img'], ex[i][1], rng) for i in idx])
            gamma = rng.uniform(0.7, 1.4, size=(len(idx), 1, 1))
            xb = np.clip(xb ** gamma * rng.uniform(0.85, 1.15, size=(len(idx), 1, 1)), 0, 1)
            logits = net(torch.from_numpy(xb.astype(np.float32)[:, None]))
            loss = nn.functional.binary_cross_entropy_with_logits(
                logits, torch.from_numpy(y[idx]), pos_weight=pos_weight)
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += float(loss) * len(idx)
        print(f'  lumbosacral epoch {epoch + 1} loss {total / len(ex):.5f}'
              f' ({len(ex)} examples)', flush=True)
    return net.eval()


def lumbosacral_p(net, item, cands):
    """The classifier's probability that each disc candidate (localiser grid pixels) is
    L5/S1, on crops centred on the candidates' grid positions (not refined)."""
    if not cands:
        return np.zeros(0)
    xs = np.stack([ls_crop(item['img'], grid_mm(item, i, j)) for i, j in cands])[:, None]
    with torch.no_grad():
        return torch.sigmoid(net(torch.from_numpy(xs))).numpy()


# ---------------------------------------------------------------- grader

class Grader(nn.Module):
    def __init__(self, channels=(8, 16, 32, 48)):
        super().__init__()
        layers = []
        prev = 1
        for k, c in enumerate(channels):
            layers += [nn.Conv2d(prev, c, 3, padding=1, bias=False), nn.BatchNorm2d(c),
                       nn.ReLU(inplace=True)]
            if k < len(channels) - 1:
                layers += [nn.Conv2d(c, c, 3, padding=1, bias=False), nn.BatchNorm2d(c),
                           nn.ReLU(inplace=True), nn.MaxPool2d(2)]
            prev = c
        self.features = nn.Sequential(*layers)
        self.drop = nn.Dropout(0.3)
        self.head = nn.Linear(prev, 5)

    def forward(self, x):
        f = self.features(x).mean(dim=(2, 3))
        return self.head(self.drop(f))


def box_axes(item):
    """Long-axis angle per boxed disc from the spine's course through all box centres."""
    names = list(item['discs'])
    x = [item['discs'][n][0] for n in names]
    y = [item['discs'][n][1] for n in names]
    a = rd.disc_axes(x, y, [True] * len(names))
    return {n: a[k] for k, n in enumerate(names)}


def grader_crop(img, centre, angle, rng=None):
    step = GR_STEP
    if rng is not None:
        centre = (centre[0] + rng.normal(0, 1.5), centre[1] + rng.normal(0, 1.5))
        angle = angle + rng.normal(0, 4.0)
        step = GR_STEP * rng.uniform(0.92, 1.08)
    return rd.normalise(rd.sample(img, centre, angle, GR_W, GR_H, step))


def crop_optimiser(net, examples, batch, epochs):
    """AdamW (lr 2e-3, weight decay 1e-3) with a one-cycle schedule (peak 4e-3 after a fifth
    of the steps): the optimiser of the two crop classifiers (grader, lumbosacral)."""
    opt = torch.optim.AdamW(net.parameters(), lr=2e-3, weight_decay=1e-3)
    steps = (examples + batch - 1) // batch
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=4e-3, epochs=epochs,
                                                pct_start=0.2, steps_per_epoch=steps)
    return opt, sched


def grader_examples(items):
    """(image, box centre, long-axis angle, grade - 1) per graded disc with a box of its own (a
    disc whose box real_data.disc_boxes inferred, placed between its neighbours, is left out:
    its centre is an estimate)."""
    out = []
    for it in items:
        axes = box_axes(it)
        for lv in rd.GRADED:
            if lv in it['discs'] and lv not in it['inferred']:
                out.append((it['img'], it['discs'][lv][:2], axes[lv], it['grades'][lv] - 1))
    return out


def train_grader(items, rng, epochs, batch=32):
    ex = grader_examples(items)
    y = np.array([e[3] for e in ex])
    counts = np.bincount(y, minlength=5).astype(float)
    weights = 1.0 / np.sqrt(np.maximum(counts, 1))
    weights = weights / (weights * counts).sum() * counts.sum()
    wt = torch.tensor(weights, dtype=torch.float32)
    grades = torch.arange(5, dtype=torch.float32)
    net = Grader()
    opt, sched = crop_optimiser(net, len(ex), batch, epochs)
    for epoch in range(epochs):
        net.train()
        order = rng.permutation(len(ex))
        total = 0.0
        for b in range(0, len(order), batch):
            idx = order[b:b + batch]
            xb = np.stack([grader_crop(ex[i][0], ex[i][1], ex[i][2], rng) for i in idx])
            gamma = rng.uniform(0.75, 1.33, size=(len(idx), 1, 1))
            xb = np.clip(xb ** gamma * rng.uniform(0.9, 1.1, size=(len(idx), 1, 1)), 0, 1)
            xb = torch.from_numpy(xb.astype(np.float32)[:, None])
            target = torch.from_numpy(y[idx])
            opt.zero_grad()
            logits = net(xb)
            ce = nn.functional.cross_entropy(logits, target, weight=wt)
            expected = (torch.softmax(logits, 1) * grades).sum(1)
            ordinal = (wt[target] * (expected - target.float()) ** 2).mean()
            loss = ce + 0.5 * ordinal
            loss.backward()
            opt.step()
            sched.step()
            total += float(loss) * len(idx)
        print(f'  grader epoch {epoch + 1} loss {total / len(ex):.5f}', flush=True)
    return net.eval()


def grade_located(net, items, located):
    """Grades (1..5, 0 = not found) per item and graded level, as Java grades located discs."""
    crops, where = [], []
    for n, (it, loc) in enumerate(zip(items, located)):
        for lv in LUMBAR:
            x, y, _, found, axis = loc[lv]
            if found:
                crops.append(grader_crop(it['img'], (x, y), axis))
                where.append((n, lv))
    out = [{lv: 0 for lv in LUMBAR} for _ in items]
    if crops:
        xs = np.stack(crops)[:, None]
        with torch.no_grad():
            p = torch.cat([torch.softmax(net(torch.from_numpy(xs[i:i + 64])), 1)
                           for i in range(0, len(xs), 64)]).numpy()
        for (n, lv), pr in zip(where, p):
            out[n][lv] = int(np.argmax(pr)) + 1
    return out


# ---------------------------------------------------------------- baseline

def signal_features(item, lv):
    """log(disc signal / CSF signal) and box height/width: the disc's central half vs the 90th
    percentile of a band just posterior to it (where the CSF lies)."""
    x, y, hw, hh = item['discs'][lv]
    img = item['img']
    s = rd.SPACING_MM
    i0, i1 = int(round((x - hw / 2) / s)), int(round((x + hw / 2) / s)) + 1
    j0, j1 = int(round((y - hh / 2) / s)), int(round((y + hh / 2) / s)) + 1
    disc = img[max(j0, 0):j1, max(i0, 0):i1].mean()
    c0 = int(round((x + hw) / s))
    band = img[max(int(round((y - hh) / s)), 0):int(round((y + hh) / s)) + 1,
               c0:c0 + int(round(20 / s))]
    csf = np.percentile(band, 90) if band.size else img.max()
    return [np.log((disc + 1) / (csf + 1)), hh / hw]


# ---------------------------------------------------------------- metrics

def agreement(t, p):
    """Quadratic-weighted kappa, exact, within one, recall per grade, confusion (rows true)."""
    from sklearn.metrics import cohen_kappa_score, confusion_matrix
    t = np.asarray(t)
    p = np.asarray(p)
    cm = confusion_matrix(t, p, labels=[1, 2, 3, 4, 5])
    rec = [float(cm[g, g] / cm[g].sum()) if cm[g].sum() else float('nan') for g in range(5)]
    kappa = cohen_kappa_score(t, p, weights='quadratic', labels=[1, 2, 3, 4, 5])
    return {'kappa_quadratic': float(kappa), 'exact': float(np.mean(t == p)),
            'within_one': float(np.mean(np.abs(t - p) <= 1)), 'recall_per_grade': rec,
            'confusion': cm.tolist(), 'n': int(len(t))}


def with_ci(rows, patients, reps=1000, seed=7):
    """agreement() of (true, predicted) rows plus 95 % patient-bootstrap percentile CIs of
    kappa, exact and within one. rows with predicted 0 (disc not found) count as wrong and
    are excluded from kappa."""
    rows = np.asarray(rows)
    patients = np.asarray(patients)
    graded = rows[:, 1] > 0
    res = agreement(rows[graded, 0], rows[graded, 1])
    res['exact'] = float(np.mean(rows[:, 0] == rows[:, 1]))
    res['within_one'] = float(np.mean(graded & (np.abs(rows[:, 0] - rows[:, 1]) <= 1)))
    res['graded_share'] = float(graded.mean())
    res['n'] = int(len(rows))
    rng = np.random.default_rng(seed)
    ids = np.unique(patients)
    index = {p: np.flatnonzero(patients == p) for p in ids}
    boot = {'kappa_quadratic': [], 'exact': [], 'within_one': []}
    from sklearn.metrics import cohen_kappa_score
    for _ in range(reps):
        pick = np.concatenate([index[p] for p in rng.choice(ids, len(ids))])
        r = rows[pick]
        g = r[:, 1] > 0
        boot['kappa_quadratic'].append(cohen_kappa_score(r[g, 0], r[g, 1], weights='quadratic',
                                                         labels=[1, 2, 3, 4, 5]))
        boot['exact'].append(np.mean(r[:, 0] == r[:, 1]))
        boot['within_one'].append(np.mean(g & (np.abs(r[:, 0] - r[:, 1]) <= 1)))
    res['ci95'] = {k: [float(np.percentile(v, 2.5)), float(np.percentile(v, 97.5))]
                   for k, v in boot.items()}
    return res


def slice_ci(values, patients, reps=1000, seed=7):
    """95 % patient-bootstrap percentile CI of the mean of one value per slice."""
    values = np.asarray(values, float)
    patients = np.asarray(patients)
    ids = np.unique(patients)
    index = {p: np.flatnonzero(patients == p) for p in ids}
    rng = np.random.default_rng(seed)
    boot = [values[np.concatenate([index[p] for p in rng.choice(ids, len(ids))])].mean()
            for _ in range(reps)]
    return [float(np.percentile(boot, 2.5)), float(np.percentile(boot, 97.5))]


def hit(loc, item, lv, boxes='discs'):
    """Whether level lv was located inside its box: item[boxes], the boxes as read by
    real_data.disc_boxes ('discs') or as sorted from the bottom ('discs_as_sorted')."""
    if lv not in item[boxes]:
        return False
    x, y, _, found, _ = loc[lv]
    bx, by, hw, hh = item[boxes][lv]
    return bool(found and abs(x - bx) <= hw and abs(y - by) <= hh)


# ---------------------------------------------------------------- commands

def seeded(*key):
    """A numpy generator and torch's seed for one training part (fold, model): each part is
    reproducible on its own, so parts can run as separate processes."""
    setup()
    torch.manual_seed(int(np.random.default_rng([SEED, *key]).integers(2 ** 31)))
    return np.random.default_rng([SEED, *key])


def split(args):
    items = rd.load(args.data)[:args.limit]
    if args.command == 'final':
        return items, items
    folds = rd.patient_folds(items)
    return ([it for it, f in zip(items, folds) if f != args.fold],
            [it for it, f in zip(items, folds) if f == args.fold])


def work_file(args, name):
    tag = 'final' if args.command == 'final' else f'fold_{args.fold}'
    return os.path.join(args.work, f'{tag}_{name}')


def train_part(args):
    """--part localiser / grader / lumbosacral: trains that model on the training slices (all
    of them for final, the other folds for cv) and saves its weights in --work; lumbosacral
    needs the localiser's weights there already (its "below" examples come from them)."""
    os.makedirs(args.work, exist_ok=True)
    train, _ = split(args)
    part = ['localiser', 'grader', 'lumbosacral'].index(args.part)
    key = (args.fold, part)
    if args.command == 'final':
        # the final localiser has key (98, 0): the first final run, key (99, 0), collapsed the
        # L1/2, L2/3 and L3/4 heatmaps onto one peak (in-sample L3/4 found on 44 of 414
        # slices), and final() now refuses to export such a model; the others have (99, part)
        key = (98, 0) if part == 0 else (99, part)
    rng = seeded(*key)
    t0 = time.time()
    if args.part == 'localiser':
        net = train_localiser(train, rng, args.loc_epochs)
    elif args.part == 'lumbosacral':
        loc = UNet(len(LOC_NAMES), LOC_CHANNELS)
        loc.load_state_dict(torch.load(work_file(args, 'localiser.pt')))
        net = train_lumbosacral(train, loc.eval(), rng, args.ls_epochs)
    else:
        net = train_grader(train, rng, args.grader_epochs)
    torch.save(net.state_dict(), work_file(args, args.part + '.pt'))
    print(f'{args.part} trained on {len(train)} slices in {time.time() - t0:.0f}s', flush=True)


def load_nets(args):
    setup()
    loc = UNet(len(LOC_NAMES), LOC_CHANNELS)
    loc.load_state_dict(torch.load(work_file(args, 'localiser.pt')))
    gr = Grader()
    gr.load_state_dict(torch.load(work_file(args, 'grader.pt')))
    ls = Lumbosacral()
    ls.load_state_dict(torch.load(work_file(args, 'lumbosacral.pt')))
    return loc.eval(), gr.eval(), ls.eval()


def cv_fold(args):
    """--part eval: predicts fold args.fold end to end with the fold's three models (levels
    counted from the lumbosacral classifier's L5/S1) and fits the signal-ratio baseline on the
    other folds; writes fold_<k>.json (one row per graded level of each held-out slice; hit_chain:
    the hit with the levels laid on the candidates by the heatmaps alone, rd.chain_peaks)."""
    from sklearn.linear_model import LogisticRegression
    k = args.fold
    train, test = split(args)
    loc_net, gr_net, ls_net = load_nets(args)
    located = locate(loc_net, test, ls_net=ls_net)
    by_chain = locate(loc_net, test)
    graded = grade_located(gr_net, test, located)
    xtr = [signal_features(it, lv) for it in train for lv in rd.GRADED if lv in it['discs']]
    ytr = [it['grades'][lv] for it in train for lv in rd.GRADED if lv in it['discs']]
    lr = LogisticRegression(max_iter=2000).fit(xtr, ytr)
    rows = []
    for it, loc, chain, g in zip(test, located, by_chain, graded):
        for lv in rd.GRADED:
            b = int(lr.predict([signal_features(it, lv)])[0]) if lv in it['discs'] else 0
            rows.append({'image': it['image'], 'patient': it['patient'], 'fold': k,
                         'level': lv, 'true': it['grades'][lv], 'model': g[lv],
                         'signal_ratio': b, 'hit': hit(loc, it, lv),
                         'hit_chain': hit(chain, it, lv),
                         'hit_as_sorted': hit(loc, it, lv, 'discs_as_sorted'),
                         'box_inferred': lv in it['inferred'],
                         'confidence': round(float(loc[lv][2]), 4)})
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, f'fold_{k}.json'), 'w') as f:
        json.dump({'fold': k, 'epochs': {'localiser': args.loc_epochs,
                                         'grader': args.grader_epochs,
                                         'lumbosacral': args.ls_epochs}, 'rows': rows}, f,
                  indent=0)
        f.write('\n')
    print(f'fold {k + 1}: {len(test)} slices evaluated', flush=True)


def cv_merge(args):
    """Pools the five fold files into cv_real.json and cv_predictions.csv."""
    setup()
    rows, epochs = [], None
    for k in range(5):
        with open(os.path.join(args.out, f'fold_{k}.json')) as f:
            d = json.load(f)
        rows += d['rows']
        epochs = d['epochs']
    pats = np.array([r['patient'] for r in rows])
    levels = np.array([r['level'] for r in rows])
    hits = np.array([r['hit'] for r in rows])
    images = np.array([r['image'] for r in rows])
    chain_hits = np.array([r.get('hit_chain', r['hit']) for r in rows])
    sorted_hits = np.array([r.get('hit_as_sorted', r['hit']) for r in rows])
    inferred = np.array([r.get('box_inferred', False) for r in rows])
    slices = sorted(set(images))
    all_three = np.array([bool(hits[images == im].all()) for im in slices])
    all_three_chain = [bool(chain_hits[images == im].all()) for im in slices]
    all_three_sorted = [bool(sorted_hits[images == im].all()) for im in slices]
    with_inferred = np.array([bool(inferred[images == im].any()) for im in slices])
    res = {'folds': 5, 'slices': len(set(images)), 'patients': len(set(pats)),
           'fold_sizes': [len({r['image'] for r in rows if r['fold'] == k}) for k in range(5)],
           'localiser_hit_rate_per_level': {lv: float(hits[levels == lv].mean())
                                            for lv in rd.GRADED},
           'localiser_all_three_hit': float(np.mean(all_three)),
           'localiser_all_three_hit_ci95': slice_ci(all_three, [pats[images == im][0]
                                                                for im in slices]),
           'localiser_all_three_hit_chain_naming': float(np.mean(all_three_chain)),
           'localiser_all_three_hit_boxes_as_sorted': float(np.mean(all_three_sorted)),
           'slices_with_an_inferred_graded_box': int(with_inferred.sum()),
           'localiser_all_three_hit_without_inferred_boxes':
               float(np.mean(all_three[~with_inferred])),
           'epochs': epochs}
    for name, col in (('model', 'model'), ('always_2', None),
                      ('signal_ratio_logistic', 'signal_ratio')):
        table = np.array([(r['true'], r[col] if col else 2) for r in rows])
        res[name] = {'overall': with_ci(table, pats)}
        for lv in rd.GRADED:
            m = levels == lv
            res[name][lv] = with_ci(table[m], pats[m])
    with open(os.path.join(args.out, 'cv_real.json'), 'w') as f:
        json.dump(res, f, indent=1)
        f.write('\n')
    with open(os.path.join(args.out, 'cv_predictions.csv'), 'w', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['image', 'fold', 'level', 'pfirrmann_true', 'pfirrmann_model',
                    'pfirrmann_signal_ratio', 'located_at_level', 'localiser_confidence'])
        for r in sorted(rows, key=lambda r: (r['image'], r['level'])):
            w.writerow([r['image'], r['fold'] + 1, r['level'], r['true'], r['model'],
                        r['signal_ratio'], int(r['hit']), r['confidence']])
    print(json.dumps({k: res[k]['overall']['kappa_quadratic'] for k in
                      ('model', 'always_2', 'signal_ratio_logistic')}), flush=True)


class _Softmax(nn.Module):
    def __init__(self, inner, fn):
        super().__init__()
        self.inner = inner
        self.fn = fn

    def forward(self, x):
        return self.fn(self.inner(x))


def export(net, fn, shape, out_dir, stem, output_name, card):
    os.makedirs(out_dir, exist_ok=True)
    path = os.path.join(out_dir, stem + '.onnx')
    torch.onnx.export(_Softmax(net, fn).eval(), torch.zeros(*shape), path,
                      input_names=['image'], output_names=[output_name], opset_version=13,
                      dynamic_axes={'image': {0: 'N'}, output_name: {0: 'N'}})
    with open(path, 'rb') as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    full = {'schema': 'backstrat.modelcard/1', 'name': card.pop('name'), 'version': '1.0.0',
            'task': card.pop('task'), 'model_file': stem + '.onnx', 'sha256': digest}
    full.update(card)
    with open(os.path.join(out_dir, stem + '.card.json'), 'w') as f:
        json.dump(full, f, indent=1)
        f.write('\n')
    return digest


def localiser_metrics(cvres):
    if not cvres:
        return {}
    return {'cv_localiser_hit_rate_per_level': cvres['localiser_hit_rate_per_level'],
            'cv_localiser_all_three_hit': cvres['localiser_all_three_hit'],
            'cv_localiser_all_three_hit_ci95': cvres.get('localiser_all_three_hit_ci95'),
            'cv_localiser_all_three_hit_without_lumbosacral_classifier':
                cvres.get('localiser_all_three_hit_chain_naming'),
            'cv_localiser_all_three_hit_on_boxes_as_sorted':
                cvres.get('localiser_all_three_hit_boxes_as_sorted'),
            'cv_slices_with_an_inferred_graded_box':
                cvres.get('slices_with_an_inferred_graded_box'),
            'cv_localiser_all_three_hit_without_slices_with_inferred_boxes':
                cvres.get('localiser_all_three_hit_without_inferred_boxes'),
            'hit': 'located centre inside the published box of the same level, levels'
                   ' counted up from the lumbosacral classifier\'s L5/S1 (with'
                   ' lumbosacral_real.onnx); boxes read one per disc with unboxed discs'
                   ' counted (real_data.disc_boxes); on_boxes_as_sorted: the boxes counted'
                   ' from the bottom as they stand',
            'cv': f"patient-level 5-fold CV, {cvres['slices']} slices, folds"
                  f" {cvres['fold_sizes']}"}


def grader_metrics(cvres):
    if not cvres:
        return {}

    def summary(name):
        m = cvres[name]
        return {lv: {k: m[lv][k] for k in ('kappa_quadratic', 'exact', 'within_one', 'ci95',
                                           'recall_per_grade', 'graded_share', 'n')}
                for lv in ['overall'] + rd.GRADED}
    return {'cv_model_end_to_end': summary('model'), 'cv_always_2': summary('always_2'),
            'cv_signal_ratio_logistic': summary('signal_ratio_logistic'),
            'cv': f"patient-level 5-fold CV, {cvres['slices']} slices, folds"
                  f" {cvres['fold_sizes']}; 95 % CIs by patient bootstrap",
            'reference': 'published inter-rater agreement for Pfirrmann grading: weighted'
                         ' kappa about 0.6-0.7 (intra-rater about 0.8)'}


def cards(args):
    """Writes the CV metrics of args.cv into the two cards in args.out (the ONNX files and
    their checksums are unchanged)."""
    cvres = json.load(open(args.cv))
    for stem, fn in (('disc_localiser_real', localiser_metrics),
                     ('lumbosacral_real', localiser_metrics),
                     ('pfirrmann_real', grader_metrics)):
        path = os.path.join(args.out, stem + '.card.json')
        card = json.load(open(path))
        card['metrics'] = fn(cvres)
        with open(path, 'w') as f:
            json.dump(card, f, indent=1)
            f.write('\n')


def final(args):
    """--part export: the fixture of in-sample predictions, ONNX files and cards."""
    items, _ = split(args)
    cvres = json.load(open(args.cv)) if args.cv else {}
    loc_net, gr_net, ls_net = load_nets(args)
    located = locate(loc_net, items, ls_net=ls_net)
    graded = grade_located(gr_net, items, located)
    for lv in rd.GRADED:
        rate = np.mean([hit(loc, it, lv) for it, loc in zip(items, located)])
        print(f'in-sample hit rate {lv}: {rate:.3f}', flush=True)
        if rate < 0.9 and args.limit is None:
            raise SystemExit(f'the localiser finds {lv} inside its box on only {rate:.1%} of'
                             ' the slices it was trained on: training failed; not exported')
    with open(os.path.join(args.out_fixture, 'real_train_predictions.csv'), 'w',
              newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['image', 'level', 'found', 'x_mm', 'y_mm', 'pfirrmann'])
        for it, loc, g in zip(items, located, graded):
            for lv in LUMBAR:
                x, y, _, found, _ = loc[lv]
                w.writerow([it['image'], lv, int(found), f'{x:.3f}', f'{y:.3f}', g[lv]])

    common = {
        'training_data': f'{len(items)} real mid-sagittal T2 TSE slices of'
                         f' {len({i["patient"] for i in items})} adults with low back pain'
                         f' (../shared/data/sudirman_lumbar_t2), every slice; spacing declared'
                         f' {rd.SPACING_MM} mm (not recorded in the source PNGs); disc boxes'
                         ' read one per disc (a box on part of a disc, or a second box on it,'
                         ' is not a disc) with unboxed discs between boxes counted'
                         ' (imaging/training/real_data.disc_boxes; 5 of 414 slices affected)',
        'citation': ATTRIBUTION,
        'licence_of_training_data': 'CC BY 4.0',
        'unlabelled_levels': 'L1/2 and L2/3 had no published grades: the grader was never'
                             ' trained or checked on them; their grades are extrapolation',
        'evaluation': 'patient-level 5-fold cross-validation (imaging/training/eval_real.sh),'
                      ' end to end (localiser -> grader); 95 % CIs by patient bootstrap;'
                      ' details in BENCHMARKS.md',
        'failure_modes': [
            'slices that are not mid-sagittal T2 (T1, parasagittal, contrast) are out of'
            ' distribution',
            'pixel spacing not declared near 0.8 mm for a 384 px, ~300 mm field of view'
            ' (the localiser grid is in mm)',
            'transitional vertebrae (lumbarised S1, sacralised L5): levels are counted up from'
            ' the disc the lumbosacral classifier and the localiser take for L5/S1; where the'
            ' reader counted otherwise (an extra disc-like segment below, or one disc higher)'
            ' every level is shifted: most of the remaining CV misses',
            'fields of view without the sacrum: the disc likeliest to be L5/S1 is still called'
            ' L5/S1',
            'grades 1 and 5 are rare in training (22 and 28 discs): their recall is low',
            'one reader, undocumented: labels carry single-reader noise'],
        'not_for_clinical_use': True,
    }
    loc_card = {
        'name': 'backstrat-disc-localiser-real', 'task': 'disc_localiser',
        'input': {'name': 'image', 'shape': [-1, 1, LOC_SIZE, LOC_SIZE], 'plane': 'sagittal',
                  'spacing_mm': [LOC_STEP, LOC_STEP],
                  'normalisation': {'method': 'percentile', 'low': 1, 'high': 99},
                  'crop': 'axis-aligned in the canonical sagittal frame (x posterior,'
                          ' y inferior), centred on the image centre, bilinear, outside 0'},
        'output': {'name': 'heatmaps', 'kind': 'heatmaps', 'labels': LOC_NAMES,
                   'peak_with_lumbosacral_classifier': 'disc candidates as below; L5/S1 is'
                           ' the candidate with the highest summed log-odds of'
                           ' lumbosacral_real.onnx and of the L5/S1 heatmap; the levels above'
                           ' are counted up the spine from it (each the lowest candidate above'
                           ' the previous one, at most as far sideways as above it); the'
                           ' confidence is the heatmaps\' maximum at the candidate',
                   'peak': 'levels named by their order along the spine: disc candidates are'
                           ' the maxima (>= 0.3) of all channels\' maximum, more than'
                           f' {rd.CHAIN_RADIUS_MM} mm apart, the channels laid on them in order'
                           ' down the spine (each step at most as far sideways as down,'
                           ' candidates may be skipped) where their summed values are'
                           ' highest; log-parabola'
                           ' sub-pixel fit; the channel\'s value there is the confidence',
                   'sigma_px': LOC_SIGMA},
        'intended_use': INTENDED_USE,
        'metrics': localiser_metrics(cvres),
        'provenance': {'script': 'imaging/training/train_real.py final', 'seed': SEED,
                       'epochs': args.loc_epochs, 'channels': list(LOC_CHANNELS),
                       'augmentation': {'shift_mm': LOC_SHIFT_MM, 'rotate_deg': LOC_ROTATE_DEG,
                                        'scale': LOC_SCALE, 'gamma': [0.7, 1.4],
                                        'contrast': [0.85, 1.15]},
                       'torch': torch.__version__, 'numpy': np.__version__},
    }
    loc_card.update(common)
    export(loc_net, torch.sigmoid, (1, 1, LOC_SIZE, LOC_SIZE), args.out,
           'disc_localiser_real', 'heatmaps', loc_card)
    gr_card = {
        'name': 'backstrat-pfirrmann-real', 'task': 'pfirrmann_grade',
        'input': {'name': 'image', 'shape': [-1, 1, GR_H, GR_W], 'plane': 'sagittal',
                  'spacing_mm': [GR_STEP, GR_STEP],
                  'normalisation': {'method': 'percentile', 'low': 1, 'high': 99},
                  'crop': 'centred on the disc, long axis horizontal pointing posterior'},
        'output': {'name': 'probabilities', 'kind': 'class_probabilities',
                   'labels': ['1', '2', '3', '4', '5']},
        'intended_use': INTENDED_USE,
        'metrics': grader_metrics(cvres),
        'provenance': {'script': 'imaging/training/train_real.py final', 'seed': SEED,
                       'epochs': args.grader_epochs, 'loss': 'class-weighted cross-entropy'
                       ' (1/sqrt(frequency)) + 0.5 x weighted squared error of the expected'
                       ' grade', 'torch': torch.__version__, 'numpy': np.__version__},
    }
    gr_card.update(common)
    export(gr_net, lambda z: torch.softmax(z, 1), (1, 1, GR_H, GR_W), args.out,
           'pfirrmann_real', 'probabilities', gr_card)
    ls_card = {
        'name': 'backstrat-lumbosacral-real', 'task': 'lumbosacral_disc',
        'input': {'name': 'image', 'shape': [-1, 1, LS_SIZE, LS_SIZE], 'plane': 'sagittal',
                  'spacing_mm': [LS_STEP, LS_STEP],
                  'normalisation': {'method': 'percentile', 'low': 1, 'high': 99},
                  'crop': 'axis-aligned in the canonical sagittal frame (x posterior,'
                          ' y inferior), centred on a disc candidate of the localiser'
                          ' (its grid pixel), bilinear, outside 0'},
        'output': {'name': 'probabilities', 'kind': 'class_probabilities',
                   'labels': ['other', 'l5s1'],
                   'use': 'DiscLocaliser: the candidate whose log-odds of l5s1 plus those of'
                          ' the localiser\'s L5/S1 heatmap there are highest is L5/S1; the'
                          ' levels above are counted up the spine from it'},
        'intended_use': INTENDED_USE,
        'metrics': localiser_metrics(cvres),
        'provenance': {'script': 'imaging/training/train_real.py final', 'seed': SEED,
                       'epochs': args.ls_epochs,
                       'examples': 'per slice: the L5/S1 box centre (positive), the L4/5 and'
                                   ' L3/4 box centres, and the localiser\'s maxima'
                                   f' (>= {LS_BELOW_MIN}) caudal to the L5/S1 box or else the'
                                   ' point one disc spacing below it (negatives)',
                       'loss': 'binary cross-entropy, positives weighted to balance',
                       'augmentation': {'centre_jitter_mm': 2.0, 'rotate_deg': 10,
                                        'scale': 0.1, 'gamma': [0.7, 1.4],
                                        'contrast': [0.85, 1.15]},
                       'torch': torch.__version__, 'numpy': np.__version__},
    }
    ls_card.update(common)
    export(ls_net, lambda z: torch.softmax(torch.stack([torch.zeros_like(z), z], 1), 1),
           (1, 1, LS_SIZE, LS_SIZE), args.out, 'lumbosacral_real', 'probabilities', ls_card)
    print('exported', flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('command', choices=['cv', 'cv-merge', 'final', 'cards'])
    ap.add_argument('--fold', type=int, default=0)
    ap.add_argument('--part', choices=['localiser', 'grader', 'lumbosacral', 'eval', 'export'],
                    default='eval')
    ap.add_argument('--work', default='/tmp/backstrat-real-training')
    ap.add_argument('--data', default=rd.default_folder())
    ap.add_argument('--out', default=None)
    ap.add_argument('--cv', default=None)
    ap.add_argument('--out-fixture', default=None)
    ap.add_argument('--loc-epochs', type=int, default=40)
    ap.add_argument('--grader-epochs', type=int, default=12)
    ap.add_argument('--ls-epochs', type=int, default=LS_EPOCHS)
    ap.add_argument('--limit', type=int, default=None)
    ap.add_argument('--loc-channels', default=None,
                    help='localiser U-Net widths, e.g. 8,16,32,64,64 (default: LOC_CHANNELS)')
    ap.add_argument('--loc-shift-mm', type=float, default=None)
    ap.add_argument('--loc-rotate-deg', type=float, default=None)
    ap.add_argument('--level-weight', type=float, default=None)
    args = ap.parse_args()
    global LOC_CHANNELS, LOC_SHIFT_MM, LOC_ROTATE_DEG, LOC_LEVEL_WEIGHT
    if args.loc_channels:
        LOC_CHANNELS = tuple(int(c) for c in args.loc_channels.split(','))
    if args.loc_shift_mm is not None:
        LOC_SHIFT_MM = args.loc_shift_mm
    if args.loc_rotate_deg is not None:
        LOC_ROTATE_DEG = args.loc_rotate_deg
    if args.level_weight is not None:
        LOC_LEVEL_WEIGHT = args.level_weight
    if args.out_fixture is None:
        args.out_fixture = args.out
    if args.part in ('localiser', 'grader', 'lumbosacral'):
        train_part(args)
    elif args.command == 'cv':
        cv_fold(args)
    elif args.command == 'cv-merge':
        cv_merge(args)
    elif args.command == 'cards':
        cards(args)
    else:
        final(args)


if __name__ == '__main__':
    main()
