#!/usr/bin/python3
"""Trains the reference Pfirrmann classifier on phantom disc crops; exports ONNX + model card.

Reproducible command (from the repository root; Debian python3-torch 1.13.1, numpy, scipy):
  ./backstrat phantoms --n 1500 --seed 20261128 --out /tmp/ph_train   (or PhantomJob in Java)
  ./backstrat phantoms --n 300 --seed 20261129 --out /tmp/ph_test
  /usr/bin/python3 imaging/training/train_pfirrmann.py --train /tmp/ph_train --test /tmp/ph_test \
      --out imaging/src/main/resources/org/backstrat/imaging/models --epochs 10 --max-studies 800

Input: 48x48 crops at 1.0 mm centred on each disc's label centroid and turned so the disc's
long axis is horizontal (the Java PfirrmannGrader builds the same crops), percentile(1, 99)
normalised. Output: softmax probabilities of grades 1..5. Trained on synthetic phantoms only:
not for clinical use.
"""
import argparse
import hashlib
import json
import os
import sys
import time

import numpy as np
import torch
from torch import nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import phantom_data  # noqa: E402

SEED = 1


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        def block(i, o):
            return [nn.Conv2d(i, o, 3, padding=1), nn.BatchNorm2d(o), nn.ReLU()]
        self.features = nn.Sequential(
            *block(1, 8), nn.MaxPool2d(2), *block(8, 16), nn.MaxPool2d(2),
            *block(16, 32), nn.MaxPool2d(2), nn.AdaptiveAvgPool2d(1))
        self.head = nn.Linear(32, 5)

    def forward(self, x):
        return self.head(torch.flatten(self.features(x), 1))


class WithSoftmax(nn.Module):
    def __init__(self, net):
        super().__init__()
        self.net = net

    def forward(self, x):
        return torch.softmax(self.net(x), dim=1)


def evaluate(model, x, y):
    model.eval()
    with torch.no_grad():
        pred = torch.cat([model(torch.from_numpy(x[i:i + 256])).argmax(1)
                          for i in range(0, len(x), 256)]).numpy()
    exact = float((pred == y).mean())
    within = float((np.abs(pred - y) <= 1).mean())
    confusion = np.zeros((5, 5), dtype=int)
    for t, p in zip(y, pred):
        confusion[t, p] += 1
    return exact, within, confusion


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--train', required=True)
    ap.add_argument('--test', required=True)
    ap.add_argument('--out', required=True)
    ap.add_argument('--epochs', type=int, default=10)
    ap.add_argument('--max-studies', type=int, default=800)
    args = ap.parse_args()
    torch.manual_seed(SEED)
    torch.use_deterministic_algorithms(True)
    torch.set_num_threads(2)
    rng = np.random.default_rng(SEED)
    t0 = time.time()
    xtr, ytr = phantom_data.load(args.train, max_studies=args.max_studies)
    # per-epoch validation on training-set studies never trained on; the held-out test set is
    # touched once, at the end
    xva, yva = phantom_data.load(args.train, first_study=1300)
    print(f'train {xtr.shape} validation {xva.shape} grades {np.bincount(ytr, minlength=5)}'
          f' load {time.time() - t0:.0f}s', flush=True)
    net = Net()
    opt = torch.optim.AdamW(net.parameters(), lr=2e-3, weight_decay=1e-4)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=3e-3, epochs=args.epochs,
                                                steps_per_epoch=(len(xtr) + 63) // 64)
    loss_fn = nn.CrossEntropyLoss(label_smoothing=0.05)
    for epoch in range(args.epochs):
        net.train()
        order = rng.permutation(len(xtr))
        total = 0.0
        for b in range(0, len(order), 64):
            idx = order[b:b + 64]
            xb = xtr[idx].copy()
            # augmentation: anterior-posterior flip, gamma, contrast
            flip = rng.random(len(idx)) < 0.5
            xb[flip] = xb[flip][..., ::-1]
            gamma = rng.uniform(0.8, 1.25, size=(len(idx), 1, 1, 1)).astype(np.float32)
            xb = np.clip(xb, 0, 1) ** gamma
            xb = np.clip(xb * rng.uniform(0.9, 1.1, size=(len(idx), 1, 1, 1)), 0, 1)
            opt.zero_grad()
            loss = loss_fn(net(torch.from_numpy(xb.astype(np.float32))),
                           torch.from_numpy(ytr[idx]))
            loss.backward()
            opt.step()
            sched.step()
            total += float(loss) * len(idx)
        exact, within, _ = evaluate(net, xva, yva)
        print(f'epoch {epoch + 1} loss {total / len(xtr):.4f} validation exact {exact:.4f}'
              f' within-one {within:.4f} ({time.time() - t0:.0f}s)', flush=True)
    xte, yte = phantom_data.load(args.test)
    exact, within, confusion = evaluate(net, xte, yte)
    os.makedirs(args.out, exist_ok=True)
    onnx_path = os.path.join(args.out, 'pfirrmann_phantom.onnx')
    model = WithSoftmax(net).eval()
    size = phantom_data.CROP_PX
    torch.onnx.export(model, torch.zeros(1, 1, size, size), onnx_path, input_names=['image'],
                      output_names=['probabilities'], opset_version=13,
                      dynamic_axes={'image': {0: 'N'}, 'probabilities': {0: 'N'}})
    digest = hashlib.sha256(open(onnx_path, 'rb').read()).hexdigest()
    card = {
        'schema': 'backstrat.modelcard/1',
        'name': 'backstrat-pfirrmann-phantom', 'version': '0.1.0', 'task': 'pfirrmann_grade',
        'model_file': 'pfirrmann_phantom.onnx', 'sha256': digest,
        'input': {'name': 'image', 'shape': [-1, 1, size, size], 'plane': 'sagittal',
                  'spacing_mm': [phantom_data.CROP_SPACING_MM, phantom_data.CROP_SPACING_MM],
                  'normalisation': {'method': 'percentile', 'low': 1, 'high': 99},
                  'crop': 'centred on the disc centroid, turned so the disc long axis is'
                          ' horizontal (principal axis of the disc pixels)'},
        'output': {'name': 'probabilities', 'kind': 'class_probabilities',
                   'labels': ['1', '2', '3', '4', '5']},
        'intended_use': 'not for clinical use: trained on synthetic phantoms; proves the'
                        ' pipeline, not clinical accuracy',
        'training_data': f'backstrat phantoms --n 1500 --seed 20261128, first'
                         f' {args.max_studies} studies (train, {len(xtr)} discs); --n 300'
                         f' --seed 20261129 (held out, {len(xte)} discs)',
        'metrics': {'heldout_exact': exact, 'heldout_within_one': within,
                    'heldout_confusion_true_by_predicted': confusion.tolist()},
        'provenance': {'script': 'imaging/training/train_pfirrmann.py', 'seed': SEED,
                       'epochs': args.epochs, 'torch': torch.__version__,
                       'numpy': np.__version__},
    }
    with open(os.path.join(args.out, 'pfirrmann_phantom.card.json'), 'w') as f:
        json.dump(card, f, indent=1)
        f.write('\n')
    print(json.dumps(card['metrics']), flush=True)


if __name__ == '__main__':
    main()
