"""Reading the real lumbar slices (../shared/data/sudirman_lumbar_t2) and sampling them exactly
as the Java pipeline does (org.backstrat.imaging.volume.PlaneSampler: bilinear, points beyond
the outermost pixel centres get 0; DiscLocaliser's peak fit and disc axes), so that what the
models are trained and cross-validated on is what Java feeds them.

Conventions: an image is a float32 array img[j, i] (j rows, inferior; i columns, posterior:
the folder's PI orientation is the canonical sagittal frame, so no reorientation here); slice
frame millimetres x = i * SPACING_MM, y = j * SPACING_MM with pixel centres at whole indices.
Disc boxes (normal_disc, degenerative_disc, lumbar_disc_bulge, thoracic_disc_bulge) sorted from
the bottom give L5/S1, L4/5, L3/4, L2/3, L1/2, T12/L1 (the source's own convention), read one
box per disc and with unboxed discs counted (disc_boxes: the rule and why); box centres are
YOLO pixel-edge coordinates, so index = centre - 0.5.
"""
import csv
import os

import numpy as np
from PIL import Image

SPACING_MM = 0.8  # declared for every slice (README: not recorded; FOV ~300 mm over 384 px)
DISC_FINDINGS = ('normal_disc', 'degenerative_disc', 'lumbar_disc_bulge',
                 'thoracic_disc_bulge')
LEVELS_BOTTOM_UP = ['l5s1', 'l4l5', 'l3l4', 'l2l3', 'l1l2', 't12l1']
GRADED = ['l3l4', 'l4l5', 'l5s1']


def default_folder():
    here = os.path.dirname(os.path.abspath(__file__))
    return os.path.normpath(os.path.join(here, '..', '..', '..', 'shared', 'data',
                                         'sudirman_lumbar_t2'))


SAME_DISC_ROWS_PX = 8  # boxes whose centres lie this close vertically mark one disc
GAP_FACTOR = 1.6  # adjacent discs further apart than this x the slice's spacing: a disc unboxed


def disc_boxes(raw):
    """The discs of one slice, bottom-up, from its disc boxes raw [(centre x, centre y, width,
    height) in pixels, y inferior]: a list of (x, y, width, height, inferred).

    How the published boxes are read (issue 16; each rule fixes slices whose boxes, counted
    from the bottom as they stand, name the wrong discs):
    1. One box per disc. Boxes mark the same disc when their centres lie within
       SAME_DISC_ROWS_PX rows of each other (a disc boxed twice, or a disc and its bulge) or
       when the centre of one lies inside the other (a small box drawn on part of a disc, e.g.
       slice 0516's 14 x 15 px box in the corner of its L5/S1 box); the disc's box is the
       group's largest (area; ties: the first in the file), the others mark parts of it (slice
       0452: a 7 px wide box on the posterior edge of L4/5 beside the 45 px wide disc box).
    2. Unboxed discs are counted. Where two adjacent discs lie more than GAP_FACTOR times the
       slice's spacing apart (the lower median of its adjacent vertical spacings; slices with at
       least 3 discs), round(gap / spacing) - 1 discs between them were not boxed (slices 0313
       and 0316: a spondylolisthesis box where the disc box should be; 0540: 3 disc boxes):
       they are added with centres evenly spaced between the two and the two's mean size,
       flagged inferred, so that the boxes above the gap get their anatomical level.
    Without irregular boxes (409 of the 414 slices) this is the plain count from the bottom.
    """
    raw = [tuple(float(v) for v in b[:4]) for b in raw]
    n = len(raw)
    group = list(range(n))

    def root(a):
        while group[a] != a:
            a = group[a]
        return a

    def inside(a, b):
        return abs(a[0] - b[0]) <= b[2] / 2 and abs(a[1] - b[1]) <= b[3] / 2

    for a in range(n):
        for b in range(a + 1, n):
            if (abs(raw[a][1] - raw[b][1]) <= SAME_DISC_ROWS_PX or inside(raw[a], raw[b])
                    or inside(raw[b], raw[a])):
                group[root(b)] = root(a)
    best = {}
    for a in range(n):
        r = root(a)
        if r not in best or raw[a][2] * raw[a][3] > raw[best[r]][2] * raw[best[r]][3]:
            best[r] = a
    discs = sorted((raw[a] for a in best.values()), key=lambda b: -b[1])
    out = [discs[0] + (False,)] if discs else []
    gaps = [lower[1] - upper[1] for lower, upper in zip(discs, discs[1:])]
    spacing = sorted(gaps)[(len(gaps) - 1) // 2] if len(gaps) >= 2 else None
    for lower, upper, gap in zip(discs, discs[1:], gaps):
        if spacing is not None and gap > GAP_FACTOR * spacing:
            missing = int(round(gap / spacing)) - 1
            for k in range(1, missing + 1):
                t = k / (missing + 1)
                out.append((lower[0] + t * (upper[0] - lower[0]), lower[1] - t * gap,
                            (lower[2] + upper[2]) / 2, (lower[3] + upper[3]) / 2, True))
        out.append(upper + (False,))
    return out


def boxes_as_sorted(raw):
    """The disc boxes counted from the bottom as they stand (the reading before disc_boxes: a
    box dropped when its centre lies within SAME_DISC_ROWS_PX rows of a lower one kept, nothing
    inferred), bottom-up: what the hit rate "on the published boxes as sorted" is measured
    against."""
    kept = []
    for b in sorted(raw, key=lambda b: -b[1]):
        if all(abs(b[1] - k[1]) > SAME_DISC_ROWS_PX for k in kept):
            kept.append(tuple(float(v) for v in b[:4]))
    return kept


def _levels(boxes):
    return {level: (b[0] * SPACING_MM, b[1] * SPACING_MM, b[2] / 2 * SPACING_MM,
                    b[3] / 2 * SPACING_MM) for level, b in zip(LEVELS_BOTTOM_UP, boxes)}


def load(folder):
    """List of dicts per image (sorted by file name): image, patient, img (float32 [j, i]),
    discs {level: (x_mm, y_mm, half_w_mm, half_h_mm)} read by disc_boxes, inferred (the levels
    whose box disc_boxes inferred), discs_as_sorted (same form, the boxes as sorted:
    boxes_as_sorted), grades {level: 1..5}."""
    boxes = {}
    with open(os.path.join(folder, 'boxes.csv'), newline='') as f:
        for r in csv.DictReader(f):
            if r['finding'] in DISC_FINDINGS:
                boxes.setdefault(r['image'], []).append(
                    (float(r['center_x_px']) - 0.5, float(r['center_y_px']) - 0.5,
                     float(r['width_px']), float(r['height_px'])))
    out = []
    with open(os.path.join(folder, 'grades.csv'), newline='') as f:
        rows = sorted(csv.DictReader(f), key=lambda r: r['image'])
    for r in rows:
        img = np.asarray(Image.open(os.path.join(folder, 'images', r['image'])),
                         dtype=np.float32)
        if img.ndim != 2:
            raise ValueError(r['image'] + ': expected a grey image')
        read = disc_boxes(boxes.get(r['image'], []))
        grades = {lv: int(r['pfirrmann_' + lv]) for lv in GRADED}
        out.append({'image': r['image'], 'patient': r['patient_id'], 'img': img,
                    'discs': _levels(read),
                    'inferred': {lv for lv, b in zip(LEVELS_BOTTOM_UP, read) if b[4]},
                    'discs_as_sorted': _levels(boxes_as_sorted(boxes.get(r['image'], []))),
                    'grades': grades})
    return out


def bilinear(img, fi, fj):
    """PlaneSampler.bilinear over arrays of fractional indices (outside: 0)."""
    ny, nx = img.shape
    inside = (fi >= 0) & (fj >= 0) & (fi <= nx - 1) & (fj <= ny - 1)
    fi = np.where(inside, fi, 0.0)
    fj = np.where(inside, fj, 0.0)
    i0 = np.minimum(np.floor(fi).astype(np.int64), max(nx - 2, 0))
    j0 = np.minimum(np.floor(fj).astype(np.int64), max(ny - 2, 0))
    i1 = np.minimum(i0 + 1, nx - 1)
    j1 = np.minimum(j0 + 1, ny - 1)
    ti = fi - i0
    tj = fj - j0
    top = img[j0, i0] * (1 - ti) + img[j0, i1] * ti
    bottom = img[j1, i0] * (1 - ti) + img[j1, i1] * ti
    return np.where(inside, top * (1 - tj) + bottom * tj, 0.0).astype(np.float32)


def axes_of(angle_deg):
    a = np.deg2rad(angle_deg)
    return np.array([np.cos(a), np.sin(a)]), np.array([-np.sin(a), np.cos(a)])


def sample(img, centre, angle_deg, width, height, step, spacing=SPACING_MM):
    """PlaneSampler.sample with the identity frame: a width x height crop, row-major."""
    u, v = axes_of(angle_deg)
    r, c = np.mgrid[0:height, 0:width]
    du = (c - (width - 1) / 2.0) * step
    dv = (r - (height - 1) / 2.0) * step
    x = centre[0] + du * u[0] + dv * v[0]
    y = centre[1] + du * u[1] + dv * v[1]
    return bilinear(img, x / spacing, y / spacing)


def to_crop(point, centre, angle_deg, width, height, step):
    """Crop pixel (column, row) of a slice-frame point (mm) in the crop sample() takes."""
    u, v = axes_of(angle_deg)
    d = np.asarray(point) - np.asarray(centre)
    return (d @ u / step + (width - 1) / 2.0, d @ v / step + (height - 1) / 2.0)


def image_centre(img, spacing=SPACING_MM):
    ny, nx = img.shape
    return ((nx - 1) / 2.0 * spacing, (ny - 1) / 2.0 * spacing)


def normalise(x):
    """Normalisation.percentile(1, 99): numpy's linear quantiles, clipped to 0..1."""
    lo, hi = np.percentile(x, [1, 99])
    if hi - lo <= 0:
        return np.zeros_like(x)
    return np.clip((x - lo) / (hi - lo), 0, 1).astype(np.float32)


def log_parabola(lo, mid, hi):
    lo, mid, hi = (np.log(max(float(v), 1e-6)) for v in (lo, mid, hi))
    den = lo - 2 * mid + hi
    if not den < 0:
        return 0.0
    return max(-0.5, min(0.5, 0.5 * (lo - hi) / den))


def peak(h):
    """DiscLocaliser.peak: (x px, y px, value) of one heatmap [rows, cols]."""
    size_y, size_x = h.shape
    j, i = np.unravel_index(int(np.argmax(h)), h.shape)
    dx = log_parabola(h[j, i - 1], h[j, i], h[j, i + 1]) if 0 < i < size_x - 1 else 0.0
    dy = log_parabola(h[j - 1, i], h[j, i], h[j + 1, i]) if 0 < j < size_y - 1 else 0.0
    return i + dx, j + dy, float(h[j, i])


CHAIN_RADIUS_MM = 19.2  # half the median distance of adjacent disc centres in the boxes


def candidates(h, min_conf, step_mm):
    """DiscLocaliser.candidates: the disc candidates of heatmaps h [channels, rows, cols] and the
    channels' pixelwise maximum m. Candidates are the maxima of m that reach min_conf, greedily
    from the strongest, each more than CHAIN_RADIUS_MM (rounded to whole pixels) from a stronger
    one, sorted cranial to caudal (row, then column): a list of (column, row)."""
    channels, rows, cols = h.shape
    m = h.max(axis=0)
    radius = int(round(CHAIN_RADIUS_MM / step_mm))  # whole pixels: exact comparisons below
    cands = []
    for p in np.argsort(-m, axis=None, kind='stable'):
        if m.flat[p] < min_conf:
            break
        j, i = divmod(int(p), cols)
        if all((i - a) ** 2 + (j - b) ** 2 > radius * radius for a, b in cands):
            cands.append((i, j))
    cands.sort(key=lambda c: (c[1], c[0]))
    return cands, m


def refined(m, i, j):
    """A candidate's position refined by the log-parabola on the maximum map."""
    rows, cols = m.shape
    dx = log_parabola(m[j, i - 1], m[j, i], m[j, i + 1]) if 0 < i < cols - 1 else 0.0
    dy = log_parabola(m[j - 1, i], m[j, i], m[j + 1, i]) if 0 < j < rows - 1 else 0.0
    return i + dx, j + dy


def chain_peaks(h, min_conf, step_mm):
    """DiscLocaliser.chainPeaks: heatmaps h [channels cranial..caudal, rows, cols] -> per
    channel (x px, y px, value) or None.

    Disc candidates as candidates(). The channels are laid on candidates in their anatomical
    order (each channel on at most one candidate, cranial
    channels on cranial candidates; a channel may stay without one and a candidate unused),
    each assigned candidate at most as far sideways as it is below the previously assigned one
    (the spine leans under 45 degrees between discs), maximising the summed channel values:
    a channel whose own peak sits on a neighbour's disc is named by its place in the order,
    and a spurious maximum off the spine's course is skipped. A channel's position is its
    candidate refined by the log-parabola on the maximum map, its value the channel's own value
    at the candidate. Ties: the first found in (channel, candidate) order."""
    channels = h.shape[0]
    cands, m = candidates(h, min_conf, step_mm)
    n = len(cands)
    # best[k][q]: best sum with channel k on candidate q, the channels above on candidates above
    best = [[0.0] * n for _ in range(channels)]
    back = [[None] * n for _ in range(channels)]
    for k in range(channels):
        for q in range(n):
            i, j = cands[q]
            before, arg = 0.0, None
            for k2 in range(k):
                for q2 in range(q):
                    i2, j2 = cands[q2]
                    if j2 < j and abs(i - i2) <= j - j2 and best[k2][q2] > before:
                        before, arg = best[k2][q2], (k2, q2)
            best[k][q] = float(h[k, j, i]) + before
            back[k][q] = arg
    top, arg = 0.0, None
    for k in range(channels):
        for q in range(n):
            if best[k][q] > top:
                top, arg = best[k][q], (k, q)
    out = [None] * channels
    while arg is not None:
        k, q = arg
        i, j = cands[q]
        out[k] = (*refined(m, i, j), float(h[k, j, i]))
        arg = back[k][q]
    return out


def walk_up(cands, anchor, steps):
    """DiscLocaliser.walkUp: candidate indices from anchor up the spine, at most steps of them:
    each the lowest candidate above the previous one that lies at most as far sideways as it
    lies above it (the spine leans under 45 degrees between discs; a maximum off its course is
    passed over)."""
    seq = [anchor]
    while len(seq) < steps:
        i, j = cands[seq[-1]]
        nxt = None
        for q in range(seq[-1] - 1, -1, -1):
            i2, j2 = cands[q]
            if j2 < j and abs(i - i2) <= j - j2:
                nxt = q
                break
        if nxt is None:
            break
        seq.append(nxt)
    return seq


def logit(p):
    """log(p / (1 - p)) with p clipped to 1e-6 .. 1 - 1e-6 (DiscLocaliser.logit)."""
    p = min(max(float(p), 1e-6), 1 - 1e-6)
    return float(np.log(p / (1 - p)))


def lumbosacral_anchor(h, cands, p):
    """DiscLocaliser.lumbosacralAnchor: the candidate taken for L5/S1, the one whose summed
    log-odds of the two views is highest: the lumbosacral classifier's p (a fine crop around
    the candidate) and the localiser's own L5/S1 heatmap there (the whole slice, coarse).
    None without candidates; ties: the cranial one."""
    best, arg = -np.inf, None
    for q, (i, j) in enumerate(cands):
        s = logit(p[q]) + logit(h[-1, j, i])
        if s > best:
            best, arg = s, q
    return arg


def anchored_peaks(h, cands, m, anchor):
    """DiscLocaliser.anchoredPeaks: levels counted up the spine from the lumbosacral disc. The
    caudal channel (L5/S1) goes on candidate anchor, each channel above it on the next
    candidate of walk_up(); per channel (x px, y px, value) or None (no candidate left), the
    value being the maximum map's at the candidate (how disc-like it is: the naming comes from
    the count, not from the channel)."""
    channels = h.shape[0]
    out = [None] * channels
    if anchor is None:
        return out
    for r, q in enumerate(walk_up(cands, anchor, channels)):
        i, j = cands[q]
        out[channels - 1 - r] = (*refined(m, i, j), float(m[j, i]))
    return out


def disc_axes(x, y, found):
    """DiscLocaliser.axes: long-axis angle (degrees) per found disc, perpendicular to a least
    squares x(y) polynomial (degree 2 for >= 3 discs, 1 for 2, 0 for 1)."""
    x = np.asarray(x, float)
    y = np.asarray(y, float)
    found = np.asarray(found, bool)
    out = np.full(len(x), np.nan)
    n = int(found.sum())
    if n == 0:
        return out
    mean_y = y[found].mean()
    degree = min(2, n - 1)
    t = y[found] - mean_y
    basis = np.stack([t ** k for k in range(degree + 1)], axis=1)
    coef = np.linalg.lstsq(basis, x[found], rcond=None)[0]
    coef = np.concatenate([coef, np.zeros(3 - len(coef))])
    for d in np.flatnonzero(found):
        tt = y[d] - mean_y
        slope = coef[1] + 2 * coef[2] * tt if degree >= 1 else 0.0
        out[d] = np.degrees(np.arctan(-slope))
    return out


def patient_folds(items, k=5, seed=20261205):
    """Fold number (0..k-1) per item; all slices of a patient share a fold."""
    patients = sorted({it['patient'] for it in items}, key=lambda p: (len(p), p))
    order = np.random.default_rng(seed).permutation(len(patients))
    fold_of = {patients[p]: n % k for n, p in enumerate(order)}
    return np.array([fold_of[it['patient']] for it in items])
