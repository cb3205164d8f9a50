"""Training loop, ONNX export and model card writing shared by train_localiser.py and
train_facets.py (the Pfirrmann classifier, trained earlier, keeps its own loop).

Determinism: fixed seeds, torch.use_deterministic_algorithms(True), a fixed thread count; the
numpy generator is drawn in a fixed order (per epoch a permutation, per batch the gamma and
then the contrast factors), so a rerun gives the same weights.
"""
import hashlib
import json
import os
import time

import numpy as np
import torch
from torch import nn

INTENDED_USE = ('not for clinical use: trained on synthetic phantoms; proves the pipeline,'
                ' not clinical accuracy')


def setup(seed, threads):
    """Seeds torch, makes it deterministic, sets its threads; returns the numpy generator."""
    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True)
    torch.set_num_threads(threads)
    return np.random.default_rng(seed)


def train(net, x, targets, loss_fn, epochs, rng, validate, batch=16, t0=None):
    """AdamW with a one-cycle schedule over (x, targets); each batch gets random gamma
    (0.7..1.4) and contrast (0.85..1.15) on its 0..1 intensities. validate(net) returns a dict
    printed after each epoch."""
    t0 = time.time() if t0 is None else t0
    print(f'parameters {sum(p.numel() for p in net.parameters())}', flush=True)
    opt = torch.optim.AdamW(net.parameters(), lr=2e-3, weight_decay=1e-4)
    sched = torch.optim.lr_scheduler.OneCycleLR(
        opt, max_lr=5e-3, epochs=epochs, pct_start=0.15,
        steps_per_epoch=(len(x) + batch - 1) // batch)
    for epoch in range(epochs):
        net.train()
        order = rng.permutation(len(x))
        total = 0.0
        for b in range(0, len(order), batch):
            idx = order[b:b + batch]
            xb = x[idx].copy()
            gamma = rng.uniform(0.7, 1.4, size=(len(idx), 1, 1, 1)).astype(np.float32)
            xb = np.clip(xb, 0, 1) ** gamma
            xb = np.clip(xb * rng.uniform(0.85, 1.15, size=(len(idx), 1, 1, 1)), 0, 1)
            target = torch.from_numpy(targets[idx].astype(np.float32))
            opt.zero_grad()
            loss = loss_fn(net(torch.from_numpy(xb.astype(np.float32))), target)
            loss.backward()
            opt.step()
            sched.step()
            total += float(loss) * len(idx)
        print(f'epoch {epoch + 1} loss {total / len(x):.5f} validation'
              f' {json.dumps(validate(net))} ({time.time() - t0:.0f}s)', flush=True)


class _WithActivation(nn.Module):
    def __init__(self, inner, activation):
        super().__init__()
        self.inner = inner
        self.activation = activation

    def forward(self, x):
        return self.activation(self.inner(x))


def export(net, activation, size, out_dir, stem, output_name, card):
    """Writes stem.onnx (opset 13, input 'image' [N, 1, size, size], the activation applied)
    and stem.card.json: card plus schema, model file, checksum and intended use."""
    os.makedirs(out_dir, exist_ok=True)
    onnx_path = os.path.join(out_dir, stem + '.onnx')
    torch.onnx.export(_WithActivation(net, activation).eval(), torch.zeros(1, 1, size, size),
                      onnx_path, input_names=['image'], output_names=[output_name],
                      opset_version=13,
                      dynamic_axes={'image': {0: 'N'}, output_name: {0: 'N'}})
    with open(onnx_path, 'rb') as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    full = {'schema': 'backstrat.modelcard/1', 'name': card['name'], 'version': '0.1.0',
            'task': card['task'], 'model_file': stem + '.onnx', 'sha256': digest,
            'input': card['input'], 'output': card['output'], 'intended_use': INTENDED_USE}
    full.update((k, v) for k, v in card.items() if k not in full)
    with open(os.path.join(out_dir, stem + '.card.json'), 'w') as f:
        json.dump(full, f, indent=1)
        f.write('\n')
    return digest
