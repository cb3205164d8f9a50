#!/usr/bin/python3
"""Where in the chain of named discs the real-data localiser goes wrong: per held-out slice of
the patient-level CV whose three lower discs are not all located inside their own published
boxes, which published box each named level (T12/L1..L5/S1) landed in, and one pattern:

- "a boxed disc skipped inside the chain": the cranial levels are named one disc too high
  (e.g. L1/2 on the T12/L1 box) and a boxed disc further down is left without a name, so the
  chain catches up (often L5/S1 right, L3/4 or L4/5 wrong);
- "L5/S1 below the L5/S1 box": a disc-like maximum caudal to the lowest box (a rudimentary
  S1/S2 disc or a transitional segment) is named L5/S1 and the chain shifts down;
- "L5/S1 named on the L4/5 disc": the whole chain is one disc too high;
- "no disc candidate in the L5/S1 box": no heatmap maximum reaches the threshold there;
- "other".
A second column flags what the published boxes themselves show, independent of the model:
"boxes skip a disc" (two adjacent disc boxes more than 1.6 times the slice's spacing
apart, the lower median of its spacings: a disc between them was not boxed, so the levels counted from the bottom box are off
above the gap), "a box inside another" (two boxes on one disc), "N disc boxes" (fewer than 5),
all on the boxes counted from the bottom as they stand; "inferred: ..." the levels whose box
real_data.disc_boxes (the reading the hit is measured on) placed between boxed neighbours.

With fold_<k>_lumbosacral.pt in WORK_DIR the levels are named as the shipped pipeline does
(counted up from the lumbosacral classifier's L5/S1, train_real.locate with ls_net);
without, by the heatmaps alone (rd.chain_peaks).

  /usr/bin/python3 imaging/training/localiser_chain_misses.py [WORK_DIR [CHANNELS]] \\
      > imaging/training/real_cv/localiser_chain_misses.md
(WORK_DIR holds fold_<k>_localiser.pt from eval_real.sh, default /tmp/backstrat-real-training;
CHANNELS the U-Net widths they were trained with, default train_real.LOC_CHANNELS.)
"""
import collections
import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import real_data as rd  # noqa: E402
import train_real as tr  # noqa: E402
from unet import UNet  # noqa: E402


def box_of(item, point):
    for level, (bx, by, hw, hh) in item['discs'].items():
        if abs(point[0] - bx) <= hw and abs(point[1] - by) <= hh:
            return level
    return None


def box_anomalies(item):
    """What the published disc boxes show by themselves, counted from the bottom as they stand
    (item['discs_as_sorted']; see the module docstring), and the levels whose box
    real_data.disc_boxes inferred."""
    boxes = sorted(item['discs_as_sorted'].values(), key=lambda b: b[1])
    out = []
    gaps = np.diff([b[1] for b in boxes])
    if len(gaps) >= 2 and gaps.max() > 1.6 * np.sort(gaps)[(len(gaps) - 1) // 2]:
        out.append('boxes skip a disc')
    for a in boxes:
        for b in boxes:
            if a is not b and abs(a[0] - b[0]) <= b[2] and abs(a[1] - b[1]) <= b[3] \
                    and a[2] * a[3] < b[2] * b[3]:
                out.append('a box inside another')
    if len(boxes) < 5:
        out.append(f'{len(boxes)} disc boxes')
    if item['inferred']:
        out.append('inferred: ' + '/'.join(sorted(item['inferred'])))
    return ', '.join(out) or '-'


def pattern(item, named, landed, cands_mm):
    order = tr.LOC_NAMES
    found = []
    bx, by, hw, hh = item['discs']['l5s1']
    if not any(abs(x - bx) <= hw and abs(y - by) <= hh for x, y in cands_mm):
        found.append('no disc candidate in the L5/S1 box')
    l5 = named.get('l5s1')
    if l5 is not None and landed['l5s1'] is None and l5[1] > item['discs']['l5s1'][1]:
        found.append('L5/S1 below the L5/S1 box')
    if landed.get('l5s1') == 'l4l5':
        found.append('L5/S1 named on the L4/5 disc')
    idx = [order.index(landed[n]) for n in order if n in named and landed[n]]
    if any(b - a > 1 for a, b in zip(idx, idx[1:])):
        found.append('a boxed disc skipped inside the chain')
    return ' + '.join(found) or 'other'


def main():
    work = sys.argv[1] if len(sys.argv) > 1 else '/tmp/backstrat-real-training'
    channels = (tuple(int(c) for c in sys.argv[2].split(',')) if len(sys.argv) > 2
                else tr.LOC_CHANNELS)
    tr.setup()
    items = rd.load(rd.default_folder())
    folds = rd.patient_folds(items)
    patterns = collections.Counter()
    lines = []
    missed = 0
    naming = 'heatmaps alone (chain_peaks)'
    for k in range(5):
        net = UNet(len(tr.LOC_NAMES), channels)
        net.load_state_dict(torch.load(os.path.join(work, f'fold_{k}_localiser.pt')))
        net.eval()
        ls_file = os.path.join(work, f'fold_{k}_lumbosacral.pt')
        ls_net = None
        if os.path.exists(ls_file):
            ls_net = tr.Lumbosacral()
            ls_net.load_state_dict(torch.load(ls_file))
            ls_net.eval()
            naming = 'counted up from the lumbosacral classifier\'s L5/S1'
        test = [it for it, f in zip(items, folds) if f == k]
        heat = tr.heatmaps(net, test)
        for it, h in zip(test, heat):
            cands, m = rd.candidates(h, tr.MIN_CONFIDENCE, tr.LOC_STEP)
            if ls_net is not None:
                p = tr.lumbosacral_p(ls_net, it, cands)
                chain = rd.anchored_peaks(h, cands, m, rd.lumbosacral_anchor(h, cands, p))
            else:
                chain = rd.chain_peaks(h, tr.MIN_CONFIDENCE, tr.LOC_STEP)
            cands_mm = [tr.grid_mm(it, i, j) for i, j in cands]
            c0 = rd.image_centre(it['img'])
            half = (tr.LOC_SIZE - 1) / 2.0
            named = {name: (c0[0] + (chain[c][0] - half) * tr.LOC_STEP,
                            c0[1] + (chain[c][1] - half) * tr.LOC_STEP)
                     for c, name in enumerate(tr.LOC_NAMES) if chain[c] is not None}
            landed = {name: box_of(it, p) for name, p in named.items()}
            if all(landed.get(lv) == lv for lv in rd.GRADED):
                continue
            missed += 1
            p = pattern(it, named, landed, cands_mm)
            boxes = box_anomalies(it)
            patterns[(p, boxes != '-')] += 1
            where = ', '.join(f'{n}->{landed[n] or "no box"}' for n in tr.LOC_NAMES
                              if n in named)
            lines.append(f'| {it["image"]} | {k + 1} | {where} | {p} | {boxes} |')
    print('# Localiser misses along the chain of named discs\n')
    print(f'Fold models in `{work}`, levels {naming}; {missed} of {len(items)} slices have at'
          f' least one of L3/4, L4/5, L5/S1 outside its own box (all three hit:'
          f' {1 - missed / len(items):.3f}).\n')
    print('| pattern | the boxes themselves look odd | slices |\n|---|---|---|')
    for (p, odd), n in patterns.most_common():
        print(f'| {p} | {"yes" if odd else "no"} | {n} |')
    print('\n| image | fold | named level -> published box it landed in | pattern | boxes |')
    print('|---|---|---|---|---|')
    print('\n'.join(lines))


if __name__ == '__main__':
    main()
