"""A small 2-D U-Net shared by the disc localiser and the facet segmenter.

Plain Conv-BatchNorm-ReLU blocks, max-pool down, nearest-neighbour upsampling and a 1x1
convolution up, so that the ONNX export (opset 13) uses only operators ONNX Runtime runs on any
CPU. The input size must be divisible by 2 ** (len(channels) - 1).
"""
import torch
from torch import nn


def block(i, o):
    return nn.Sequential(nn.Conv2d(i, o, 3, padding=1, bias=False), nn.BatchNorm2d(o),
                         nn.ReLU(inplace=True),
                         nn.Conv2d(o, o, 3, padding=1, bias=False), nn.BatchNorm2d(o),
                         nn.ReLU(inplace=True))


class UNet(nn.Module):
    def __init__(self, out_channels, channels=(8, 16, 32, 64, 64)):
        super().__init__()
        self.down = nn.ModuleList()
        prev = 1
        for c in channels:
            self.down.append(block(prev, c))
            prev = c
        self.up = nn.ModuleList()
        self.reduce = nn.ModuleList()
        for c in reversed(channels[:-1]):
            self.reduce.append(nn.Conv2d(prev, c, 1))
            self.up.append(block(2 * c, c))
            prev = c
        self.head = nn.Conv2d(prev, out_channels, 1)
        self.pool = nn.MaxPool2d(2)

    def forward(self, x):
        skips = []
        for k, b in enumerate(self.down):
            x = b(x)
            if k < len(self.down) - 1:
                skips.append(x)
                x = self.pool(x)
        for r, b in zip(self.reduce, self.up):
            x = nn.functional.interpolate(r(x), scale_factor=2.0, mode='nearest')
            x = b(torch.cat([x, skips.pop()], dim=1))
        return self.head(x)
