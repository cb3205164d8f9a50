#!/usr/bin/python3
"""Why the real-data localiser misses: per held-out slice of the patient-level CV, each graded
level (L3/4, L4/5, L5/S1) that is not located inside its published box is put in one class:
not found; centre inside another level's box (named off by n levels); centre inside no box.
Run for the decoding before the chain (each level at its own heatmap's peak) and the shipped
one (levels laid on disc candidates in order along the spine), on the same fold models.

  REUSE_WEIGHTS=1 imaging/training/eval_real.sh   # (or a full run) leaves the fold weights
  /usr/bin/python3 imaging/training/localiser_failures.py > imaging/training/real_cv/localiser_failures.md
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

ORDER = ['t12l1', 'l1l2', 'l2l3', 'l3l4', 'l4l5', 'l5s1']


def classify(loc, item, lv):
    if tr.hit(loc, item, lv):
        return None
    x, y, _, found, _ = loc[lv]
    if not found:
        return 'not found'
    for other, (bx, by, hw, hh) in item['discs'].items():
        if abs(x - bx) <= hw and abs(y - by) <= hh:
            shift = ORDER.index(other) - ORDER.index(lv)
            return f'in the box {abs(shift)} level(s) {"below" if shift > 0 else "above"}'
    bx, by, _, _ = item['discs'][lv]
    return ('in no box, ' + ('caudal to' if y > by else 'cranial to') + ' its own by '
            + ('< 10 mm' if abs(y - by) < 10 else '>= 10 mm'))


def main():
    work = sys.argv[1] if len(sys.argv) > 1 else '/tmp/backstrat-real-training'
    tr.setup()
    items = rd.load(rd.default_folder())
    folds = rd.patient_folds(items)
    print('# Localiser misses in the patient-level CV, by cause\n')
    print('Fold models from `eval_real.sh` (weights in', f'`{work}`); a miss is a graded level'
          ' whose located centre is not inside its published box.\n')
    for chained, title in ((False, 'each level at its own heatmap\'s peak (before)'),
                           (True, 'levels laid on disc candidates in order along the spine (shipped)')):
        causes = collections.Counter()
        slices = collections.Counter()
        all_three = 0
        for k in range(5):
            net = UNet(len(tr.LOC_NAMES), tr.LOC_CHANNELS)
            net.load_state_dict(torch.load(os.path.join(work, f'fold_{k}_localiser.pt')))
            test = [it for it, f in zip(items, folds) if f == k]
            for it, loc in zip(test, tr.locate(net.eval(), test, chained)):
                c = [classify(loc, it, lv) for lv in rd.GRADED]
                for lv, cause in zip(rd.GRADED, c):
                    if cause:
                        causes[(lv, cause)] += 1
                if not any(c):
                    all_three += 1
                    continue
                shifted = [x for x in c if x and x.startswith('in the box 1 level')]
                if len(shifted) == 3 or (len(shifted) == 2 and c[2] and 'in no box' in c[2]):
                    slices['whole chain off by one level'] += 1
                else:
                    slices['part of the chain wrong'] += 1
        print(f'## {title}\n')
        print(f'All three lower discs hit on {all_three} of {len(items)} slices'
              f' ({all_three / len(items):.3f}).\n')
        print('| missed slices | n |\n|---|---|')
        for s, n in sorted(slices.items()):
            print(f'| {s} | {n} |')
        print('\n| level | cause | n |\n|---|---|---|')
        for (lv, cause), n in sorted(causes.items()):
            print(f'| {lv} | {cause} | {n} |')
        print()


if __name__ == '__main__':
    main()
