#!/usr/bin/python3
# Reference values for the PNG reader, computed OUTSIDE the Java code with Pillow 9.4 and
# numpy 1.24 (Debian python3-pil, python3-numpy), plus the small PNG fixtures this script
# writes itself with Pillow: 8-bit gray, 16-bit gray, 8-bit RGB (not gray), RGBA gray and an
# 8-bit palette picture.
#
# Command (from the repository root):
#   /usr/bin/python3 imaging/src/test/resources/reference/make_png_reference.py [SHARED_DATA]
# Output: imaging/src/test/resources/reference/png_reference.json and fixtures/png/*.png.
# With SHARED_DATA (default ../shared/data) present, also the sums of two SPIDER mid-sagittal
# renders (read by the test only when the shared data folder exists).
#
# Convention checked: value = the gray level for gray pictures; 0.299 R + 0.587 G + 0.114 B
# for colour pictures (exactly R where R = G = B); alpha ignored; pixel (x, y) = column x,
# row y from the top-left corner.
import json, os, sys
import numpy as np
from PIL import Image

here = os.path.dirname(os.path.abspath(__file__))
out_dir = os.path.join(here, "fixtures", "png")
os.makedirs(out_dir, exist_ok=True)
rng = np.random.default_rng(20261128)


def luminance(rgb):
    r, g, b = (rgb[..., c].astype(np.float64) for c in range(3))
    lum = 0.299 * r + 0.587 * g + 0.114 * b
    return np.where((r == g) & (g == b), r, lum.astype(np.float32).astype(np.float64))


def entry(name, values):
    v = values.astype(np.float64)
    return {"file": name, "width": int(v.shape[1]), "height": int(v.shape[0]),
            "sum": float(v.sum()), "x3_y2": float(v[2, 3]), "min": float(v.min()),
            "max": float(v.max())}


ref = []
gray8 = rng.integers(0, 256, (5, 7), dtype=np.uint8)
Image.fromarray(gray8, "L").save(os.path.join(out_dir, "gray8.png"))
ref.append(entry("gray8.png", gray8))

gray16 = rng.integers(0, 65536, (6, 9), dtype=np.uint16)
Image.fromarray(gray16.astype(np.int32), "I").convert("I;16").save(
    os.path.join(out_dir, "gray16.png"))
back = np.array(Image.open(os.path.join(out_dir, "gray16.png")), dtype=np.int64)
assert (back == gray16).all(), "Pillow did not round-trip the 16-bit picture"
ref.append(entry("gray16.png", gray16))

rgb = rng.integers(0, 256, (4, 6, 3), dtype=np.uint8)
rgb[0, 0] = (17, 17, 17)
Image.fromarray(rgb, "RGB").save(os.path.join(out_dir, "rgb.png"))
ref.append(entry("rgb.png", luminance(rgb)))

rgba = np.dstack([gray8, gray8, gray8, rng.integers(0, 256, (5, 7), dtype=np.uint8)])
Image.fromarray(rgba, "RGBA").save(os.path.join(out_dir, "rgba_gray.png"))
ref.append(entry("rgba_gray.png", gray8))

pal = Image.fromarray(rgb, "RGB").quantize(colors=8)
pal.save(os.path.join(out_dir, "palette.png"))
ref.append(entry("palette.png", luminance(np.array(pal.convert("RGB")))))

shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "../../../../../../shared/data")
spider = []
for p in ("1_t2.png", "104_t2.png"):
    f = os.path.join(shared, "spider_medvisor_subset", "midsagittal_png", p)
    if os.path.exists(f):
        a = np.array(Image.open(f).convert("RGBA"))
        spider.append(entry(p, luminance(a[..., :3])))

with open(os.path.join(here, "png_reference.json"), "w") as f:
    json.dump({"fixtures": ref, "spider_midsagittal": spider}, f, indent=1)
    f.write("\n")
print(f"wrote {len(ref)} fixtures and {len(spider)} SPIDER references")
