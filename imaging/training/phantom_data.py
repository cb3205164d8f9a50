"""Phantom study reading and disc crops for training, matching the Java side exactly.

The crop geometry reproduces org.backstrat.imaging.facet.FacetAngles.joint (centroid and
principal axis of a label's pixels in millimetres) and
org.backstrat.imaging.volume.PlaneSampler (bilinear, outside = 0; SciPy map_coordinates with
order=1, mode='constant'); the normalisation reproduces
org.backstrat.imaging.model.Normalisation.percentile(1, 99) (numpy's default percentile).
"""
import csv
import os
import zlib

import numpy as np
from scipy import ndimage

CROP_PX = 48
CROP_SPACING_MM = 1.0
DISC_LABELS = [11, 12, 13, 14, 15]  # PhantomLabels.DISC_L1L2 .. L5/S1
LEVELS = ['l1l2', 'l2l3', 'l3l4', 'l4l5', 'l5s1']


def read_mha(path):
    """A MetaImage written by MetaImageWriter: returns (array [j, i] float64, (sx, sy))."""
    with open(path, 'rb') as f:
        data = f.read()
    marker = b'ElementDataFile = LOCAL\n'
    end = data.index(marker) + len(marker)
    header = dict(line.split(' = ', 1) for line in data[:end].decode('ascii').splitlines())
    dims = [int(v) for v in header['DimSize'].split()]
    spacing = [float(v) for v in header['ElementSpacing'].split()]
    dtype = {'MET_SHORT': '<i2', 'MET_UCHAR': 'u1', 'MET_FLOAT': '<f4'}[header['ElementType']]
    raw = data[end:]
    if header.get('CompressedData') == 'True':
        raw = zlib.decompress(raw)
    arr = np.frombuffer(raw, dtype=dtype).reshape(dims[2], dims[1], dims[0])[0]
    return arr.astype(np.float64), (spacing[0], spacing[1])


def disc_pose(labels, spacing, label):
    """Centroid (mm) and principal-axis angle (degrees) of a label, as FacetAngles.joint."""
    j, i = np.nonzero(labels == label)
    if i.size == 0:
        return None
    mi, mj = i.mean(), j.mean()
    dx = (i - mi) * spacing[0]
    dy = (j - mj) * spacing[1]
    cxx, cyy, cxy = (dx * dx).mean(), (dy * dy).mean(), (dx * dy).mean()
    phi = 0.5 * np.arctan2(2 * cxy, cxx - cyy)
    return (mi * spacing[0], mj * spacing[1]), np.degrees(phi)


def crop(image, spacing, centre, angle_deg, size=CROP_PX, step=CROP_SPACING_MM):
    a = np.deg2rad(angle_deg)
    r, c = np.mgrid[0:size, 0:size]
    du = (c - (size - 1) / 2.0) * step
    dv = (r - (size - 1) / 2.0) * step
    x = centre[0] + du * np.cos(a) - dv * np.sin(a)
    y = centre[1] + du * np.sin(a) + dv * np.cos(a)
    return ndimage.map_coordinates(image, [y / spacing[1], x / spacing[0]], order=1,
                                   mode='constant', cval=0.0)


def normalise(x):
    lo, hi = np.percentile(x, [1, 99])
    if hi - lo <= 0:
        return np.zeros_like(x)
    return np.clip((x - lo) / (hi - lo), 0, 1)


def load(folder, jitter_rng=None, copies=1, max_studies=None, first_study=0):
    """Crops (N, 1, 48, 48) float32 and grades 0..4 for every disc of every study."""
    truth = {r['id']: r for r in csv.DictReader(open(os.path.join(folder, 'truth.csv')))}
    xs, ys = [], []
    for sid in sorted(truth)[first_study:max_studies]:
        img, sp = read_mha(os.path.join(folder, sid, 'sagittal_t2.mha'))
        lab, _ = read_mha(os.path.join(folder, sid, 'sagittal_t2_labels.mha'))
        for d, label in enumerate(DISC_LABELS):
            pose = disc_pose(lab, sp, label)
            if pose is None:
                continue
            grade = int(truth[sid]['pfirrmann_' + LEVELS[d]]) - 1
            for k in range(copies):
                centre, angle = pose
                if jitter_rng is not None and k > 0:
                    centre = (centre[0] + jitter_rng.normal(0, 1.0),
                              centre[1] + jitter_rng.normal(0, 1.0))
                    angle = angle + jitter_rng.normal(0, 3.0)
                xs.append(normalise(crop(img, sp, centre, angle)))
                ys.append(grade)
    return np.asarray(xs, dtype=np.float32)[:, None], np.asarray(ys, dtype=np.int64)


def centre_of(image, spacing):
    """The image centre in the slice frame, mm: where the localiser and segmenter crops sit."""
    ny, nx = image.shape
    return ((nx - 1) / 2.0 * spacing[0], (ny - 1) / 2.0 * spacing[1])


def crop_labels(labels, spacing, centre, size, step):
    """Nearest-neighbour crop of a label image on the grid of crop(..., angle 0)."""
    r, c = np.mgrid[0:size, 0:size]
    x = centre[0] + (c - (size - 1) / 2.0) * step
    y = centre[1] + (r - (size - 1) / 2.0) * step
    return ndimage.map_coordinates(labels, [y / spacing[1], x / spacing[0]], order=0,
                                   mode='constant', cval=0.0)


def study_ids(folder, first_study=0, max_studies=None):
    truth = {r['id']: r for r in csv.DictReader(open(os.path.join(folder, 'truth.csv')))}
    return truth, sorted(truth)[first_study:max_studies]
