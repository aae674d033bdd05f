#!/usr/bin/python3
"""Cross-check for SsnSoftClustering: SSN's soft clustering written with PyTorch tensor ops (grid, adaptive average
pooling, nearest upsampling, 9-neighbour softmax, weighted centre updates, argmax), and scikit-image's connectivity
step with the reference's min/max sizes, applied to a raw float32 features file [1, C, H, W].

Debian: apt-get install python3-torch python3-skimage. Example (the reference pair of ../shared):
    /usr/bin/python3 supercuts-onnx/tools/ssn_cluster_reference.py ../shared/models/ssn/reference_features_f32le.bin \
        128 160 --k 200 --iterations 5 --out /tmp/ssn_labels
writes <out>_hard.i32 and <out>_connected.i32 (int32 little-endian, row-major) and prints the label counts.
"""
import argparse
import math

import numpy as np
import torch
import torch.nn.functional as F
from skimage.segmentation._slic import _enforce_label_connectivity_cython


def soft_cluster(feat, k, iterations):
    _, c, h, w = feat.shape
    gw = int(math.sqrt(k * w / h))
    gh = int(math.sqrt(k * h / w))
    centres = F.adaptive_avg_pool2d(feat, (gh, gw)).reshape(c, gh * gw)
    cells = torch.arange(gh * gw, dtype=torch.float32).reshape(1, 1, gh, gw)
    init = F.interpolate(cells, size=(h, w), mode="nearest").reshape(-1).long()
    pix = feat.reshape(c, h * w)
    cy, cx = init // gw, init % gw
    offsets = [(dy, dx) for dy in (-1, 0, 1) for dx in (-1, 0, 1)]
    cand = []
    valid = []
    for dy, dx in offsets:
        ny, nx = cy + dy, cx + dx
        ok = (ny >= 0) & (ny < gh) & (nx >= 0) & (nx < gw)
        cand.append(torch.where(ok, ny * gw + nx, torch.zeros_like(init)))
        valid.append(ok)
    cand = torch.stack(cand)        # [9, N]
    valid = torch.stack(valid)      # [9, N]
    for it in range(iterations):
        d = ((pix[:, None, :] - centres[:, cand]) ** 2).sum(0)   # [9, N]
        d = torch.where(valid, d, torch.full_like(d, 1e16))
        a = torch.softmax(-d, 0)
        if it == iterations - 1:
            return cand.gather(0, a.argmax(0, keepdim=True))[0].reshape(h, w)
        weights = torch.zeros(gh * gw, dtype=torch.float64)
        sums = torch.zeros(c, gh * gw, dtype=torch.float64)
        a64 = torch.where(valid, a, torch.zeros_like(a)).double()
        weights.index_add_(0, cand.reshape(-1), a64.reshape(-1))
        for ch in range(c):
            sums[ch].index_add_(0, cand.reshape(-1), (a64 * pix[ch].double()[None, :]).reshape(-1))
        centres = (sums / (weights[None, :] + 1e-16)).float()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("features")
    ap.add_argument("height", type=int)
    ap.add_argument("width", type=int)
    ap.add_argument("--channels", type=int, default=20)
    ap.add_argument("--k", type=int, default=200)
    ap.add_argument("--iterations", type=int, default=5)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    raw = np.fromfile(a.features, dtype="<f4").reshape(1, a.channels, a.height, a.width)
    hard = soft_cluster(torch.from_numpy(raw.copy()), a.k, a.iterations).numpy().astype(np.int64)
    segment = a.height * a.width / a.k
    connected = _enforce_label_connectivity_cython(hard[None], int(0.06 * segment), int(3.0 * segment))[0]
    hard.astype("<i4").tofile(a.out + "_hard.i32")
    connected.astype("<i4").tofile(a.out + "_connected.i32")
    print("hard labels used:", len(np.unique(hard)), "after connectivity:", len(np.unique(connected)))


if __name__ == "__main__":
    main()
