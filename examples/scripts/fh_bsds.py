#!/usr/bin/env python3
"""Felzenszwalb-Huttenlocher segmentations of BSDS500 images with scikit-image, in the layout `evaluate --predictions` reads.

Usage: /usr/bin/python3 fh_bsds.py BSDS_ROOT SPLIT OUT [processes]

For every image of BSDS_ROOT/data/images/SPLIT it runs skimage.segmentation.felzenszwalb(image, scale=s, sigma=0.8,
min_size=20) at each scale s of SCALES (50 ... 3000, the range of the published FH row) and writes
OUT/segmentations/<s>/<stem>.png as a 16-bit label map, every pixel labelled. Then score it with
  ./supercuts evaluate --dataset bsds500 --root BSDS_ROOT --split SPLIT --predictions OUT --out OUT/eval
Needs scikit-image, NumPy and OpenCV (Debian: python3-skimage python3-opencv).
"""
import os
import sys
from multiprocessing import Pool

import cv2
import numpy as np
from skimage.segmentation import felzenszwalb

SCALES = [50, 100, 200, 300, 500, 1000, 2000, 3000]


def segment(args):
    path, out = args
    stem = os.path.splitext(os.path.basename(path))[0]
    image = cv2.cvtColor(cv2.imread(path, cv2.IMREAD_COLOR), cv2.COLOR_BGR2RGB)
    for s in SCALES:
        target = os.path.join(out, "segmentations", str(s))
        file = os.path.join(target, stem + ".png")
        if os.path.exists(file):  # resume an interrupted run
            continue
        labels = felzenszwalb(image, scale=s, sigma=0.8, min_size=20)
        os.makedirs(target, exist_ok=True)
        cv2.imwrite(file + ".tmp.png", labels.astype(np.uint16))
        os.replace(file + ".tmp.png", file)
    return stem


def main(root, split, out, processes=2):
    folder = os.path.join(root, "data", "images", split)
    paths = sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.lower().endswith(".jpg"))
    with Pool(processes) as pool:
        for i, _ in enumerate(pool.imap_unordered(segment, [(p, out) for p in paths]), 1):
            if i % 20 == 0:
                print(f"{i}/{len(paths)}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else 2)
