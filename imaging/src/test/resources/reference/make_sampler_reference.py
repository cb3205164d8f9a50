#!/usr/bin/python3
# Reference crops for org.backstrat.imaging.volume.PlaneSampler, computed with SciPy 1.10's
# scipy.ndimage.map_coordinates(order=1, mode='constant'), independent of the Java code.
#
# Command (from the repository root):
#   /usr/bin/python3 imaging/src/test/resources/reference/make_sampler_reference.py
# Output: sampler_reference.json
import json, os
import numpy as np
from scipy import ndimage

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    rng = np.random.default_rng(3)
    nx, ny, sx, sy = 23, 17, 0.7, 1.1
    img = rng.normal(100, 20, size=(ny, nx)).astype(np.float32)   # [j, i]
    cases = []
    for (cx, cy, ang, w, h, sp) in [(8.0, 9.0, 0.0, 9, 7, 0.5), (7.3, 8.1, 33.0, 11, 11, 0.45),
                                    (14.0, 3.0, -71.0, 8, 12, 0.9), (2.0, 2.0, 120.0, 10, 10, 1.3)]:
        a = np.deg2rad(ang)
        r, c = np.mgrid[0:h, 0:w]
        du = (c - (w - 1) / 2.0) * sp
        dv = (r - (h - 1) / 2.0) * sp
        x = cx + du * np.cos(a) - dv * np.sin(a)
        y = cy + du * np.sin(a) + dv * np.cos(a)
        out = ndimage.map_coordinates(img.astype(np.float64), [y / sy, x / sx], order=1,
                                      mode='constant', cval=-1.0)
        cases.append(dict(centre=[cx, cy], angle=ang, width=w, height=h, spacing=sp,
                          expected=out.ravel().tolist()))
    with open(os.path.join(HERE, 'sampler_reference.json'), 'w') as f:
        json.dump(dict(size=[nx, ny], spacing=[sx, sy], image=img.ravel().tolist(),
                       outside=-1.0, cases=cases), f, indent=1)
        f.write('\n')


if __name__ == '__main__':
    main()
