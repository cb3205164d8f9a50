#!/usr/bin/env python3
"""Reference seeds of org.backstrat.core.RandomStream, computed OUTSIDE the Java code.

A from-scratch transcription of java.util.SplittableRandom's published algorithm (Steele, Lea &
Flood, OOPSLA 2014; the JDK 17 source documents mix64 = Stafford's variant 13, mixGamma, split)
and of the documented derivation: the seed of stream i is the first nextLong() of the i-th
generator split off SplittableRandom(master).

Command (writes random_stream_seeds.csv beside this script):
    /usr/bin/python3 core/src/test/resources/reference/random_stream_seeds.py
"""
import csv
import os

M = (1 << 64) - 1
GOLDEN_GAMMA = 0x9E3779B97F4A7C15


def mix64(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
    return z ^ (z >> 31)


def mix_gamma(z):
    z = ((z ^ (z >> 33)) * 0xFF51AFD7ED558CCD) & M
    z = ((z ^ (z >> 33)) * 0xC4CEB9FE1A85EC53) & M
    z = (z ^ (z >> 33)) | 1
    n = bin(z ^ (z >> 1)).count("1")
    return z ^ 0xAAAAAAAAAAAAAAAA if n < 24 else z


class SplittableRandom:
    def __init__(self, seed, gamma=GOLDEN_GAMMA):
        self.seed = seed & M
        self.gamma = gamma

    def next_seed(self):
        self.seed = (self.seed + self.gamma) & M
        return self.seed

    def next_long(self):
        return mix64(self.next_seed())

    def split(self):
        return SplittableRandom(self.next_long(), mix_gamma(self.next_seed()))


def signed(x):
    return x - (1 << 64) if x >= (1 << 63) else x


def stream_seed(master, number):
    root = SplittableRandom(master)
    s = None
    for _ in range(number):
        s = root.split()
    return signed(s.next_long())


if __name__ == "__main__":
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "random_stream_seeds.csv")
    with open(out, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["master", "stream", "seed"])
        for master in [0, 1, 7, 1966, -1, 9223372036854775807, -9223372036854775808]:
            for number in range(1, 13):
                w.writerow([master, number, stream_seed(master, number)])
