#!/usr/bin/python3
"""Runs the Python anchors of `supercuts bench compare` (scikit-image SLIC, OpenCV ximgproc SLIC and guided filter,
SciPy eigh / eigsh) on inputs written by the Java side, single-threaded, and writes their timings and outputs.

Usage: compare_anchors.py JOB.json RESULTS.json   (all tasks of a job file, one after the other)
       compare_anchors.py --serve                 (one task per stdin line, as the Java side reaches it, so that each
                                                   anchor runs next to the Java measurement it is compared with)
The job is a JSON object {"tasks": [...]}; every task names raw little-endian input files and an output prefix.
In --serve mode the first stdout line is "VERSIONS <json>", and every task line is answered by "RESULTS <json list>".
Timing: `warmup` untimed runs, then the median of `repeats` timed runs (wall clock, time.perf_counter).
"""
import os

# Single-threaded BLAS/OpenMP: must be set before numpy/scipy/cv2 load their libraries.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[_var] = "1"

import json
import statistics
import sys
import time

import numpy as np
import cv2
import scipy
import scipy.linalg
import scipy.ndimage
import scipy.sparse.linalg
import skimage
from skimage.segmentation import slic as skimage_slic

cv2.setNumThreads(1)


def timed(fn, warmup, repeats):
    for _ in range(warmup):
        fn()
    times = []
    result = None
    for _ in range(repeats):
        t0 = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t0) * 1e3)
    return result, times


def record(results, task, tool, times, **extra):
    entry = {"id": task["id"], "tool": tool, "median_ms": statistics.median(times), "times_ms": times}
    entry.update(extra)
    results.append(entry)


def run_slic(task, results):
    h, w = task["height"], task["width"]
    rgb = np.fromfile(task["image"], dtype=np.uint8).reshape(h, w, 3)
    k, m, iters = task["k"], task["compactness"], task["iterations"]
    warmup, repeats = task["warmup"], task["repeats"]

    def sk():
        # Same rule set as ours: Lab input, 10 iterations, no smoothing, pieces < 0.25 N/K merged, > 3 N/K split.
        return skimage_slic(rgb, n_segments=k, compactness=m, max_num_iter=iters, sigma=0, convert2lab=True,
                            enforce_connectivity=True, min_size_factor=0.25, max_size_factor=3, start_label=0,
                            channel_axis=-1)

    labels, times = timed(sk, warmup, repeats)
    out = task["out"] + ".skimage.i32"
    labels.astype("<i4").tofile(out)
    record(results, task, "skimage", times, labels=out)

    region = max(1, int(round((h * w / k) ** 0.5)))

    def ocv():
        # float32 RGB in [0, 1] -> CIELAB in true units (L in [0, 100]), so the ruler is the same m as ours.
        lab = cv2.cvtColor(rgb.astype(np.float32) * np.float32(1 / 255.0), cv2.COLOR_RGB2Lab)
        s = cv2.ximgproc.createSuperpixelSLIC(lab, algorithm=cv2.ximgproc.SLIC, region_size=region, ruler=float(m))
        s.iterate(iters)
        s.enforceLabelConnectivity(25)
        return s.getLabels()

    labels, times = timed(ocv, warmup, repeats)
    out = task["out"] + ".opencv.i32"
    labels.astype("<i4").tofile(out)
    record(results, task, "opencv", times, labels=out, region_size=region)


def run_slic_batch(task, results):
    """scikit-image's slic alone (decoding not timed) on each image file, one run each after one warm-up run."""
    k, m, iters = task["k"], task["compactness"], task["iterations"]
    times = []
    for n, path in enumerate(task["images"]):
        rgb = cv2.cvtColor(cv2.imread(path, cv2.IMREAD_COLOR), cv2.COLOR_BGR2RGB)

        def sk():
            return skimage_slic(rgb, n_segments=k, compactness=m, max_num_iter=iters, sigma=0, convert2lab=True,
                                enforce_connectivity=True, min_size_factor=0.25, max_size_factor=3, start_label=0,
                                channel_axis=-1)

        _, t = timed(sk, 1 if n == 0 else 0, 1)
        times.extend(t)
    record(results, task, "skimage", times, mean_ms=statistics.mean(times), images=len(times))


def run_guided(task, results):
    h, w, c = task["height"], task["width"], task["channels"]
    guide = np.fromfile(task["guide"], dtype="<f4").reshape(c, h, w)
    guide = guide[0] if c == 1 else np.ascontiguousarray(np.transpose(guide, (1, 2, 0)))
    src = np.fromfile(task["src"], dtype="<f4").reshape(h, w)

    def gf():
        return cv2.ximgproc.guidedFilter(guide, src, task["radius"], task["eps"])

    out_img, times = timed(gf, task["warmup"], task["repeats"])
    out = task["out"] + ".opencv.f32"
    out_img.astype("<f4").tofile(out)
    record(results, task, "opencv", times, output=out)

    # An untimed float64 reference of He et al.'s formulas (window means over the part of the (2r+1)^2 window inside the
    # image), to tell which implementation departs from the definition when the two disagree.
    ref = guided_reference(guide.astype(np.float64), src.astype(np.float64), task["radius"], task["eps"])
    out = task["out"] + ".reference.f32"
    ref.astype("<f4").tofile(out)
    record(results, task, "reference-f64", [0.0], output=out, untimed=True)


def guided_reference(guide, src, radius, eps):
    size = 2 * radius + 1
    count = scipy.ndimage.uniform_filter(np.ones(src.shape), size=size, mode="constant")

    def mean(x):
        return scipy.ndimage.uniform_filter(x, size=size, mode="constant") / count

    mean_p = mean(src)
    if guide.ndim == 2:
        mean_i = mean(guide)
        a = (mean(guide * src) - mean_i * mean_p) / (mean(guide * guide) - mean_i * mean_i + eps)
        b = mean_p - a * mean_i
        return mean(a) * guide + mean(b)
    chans = [guide[..., c] for c in range(guide.shape[2])]
    mean_i = [mean(c) for c in chans]
    nc = len(chans)
    sigma = np.empty(src.shape + (nc, nc))
    for i in range(nc):
        for j in range(nc):
            sigma[..., i, j] = mean(chans[i] * chans[j]) - mean_i[i] * mean_i[j] + (eps if i == j else 0.0)
    cov = np.stack([mean(chans[c] * src) - mean_i[c] * mean_p for c in range(nc)], axis=-1)
    a = np.linalg.solve(sigma, cov[..., None])[..., 0]
    b = mean_p - sum(a[..., c] * mean_i[c] for c in range(nc))
    return sum(mean(a[..., c]) * chans[c] for c in range(nc)) + mean(b)


def canonical_sign(vectors):
    """Rows are eigenvectors; flip each so that its entry of largest magnitude (lowest index on ties) is positive."""
    for row in vectors:
        i = int(np.argmax(np.abs(row)))
        if row[i] < 0:
            row *= -1
    return vectors


def run_eigen(task, results):
    n, k = task["n"], task["k"]
    # The affinity is rebuilt from the same unit features as the Java side: W = max(0, U U^T), zero diagonal.
    feats = np.fromfile(task["features"], dtype="<f8").reshape(n, task["dimension"])
    wmat = np.maximum(feats @ feats.T, 0.0)
    np.fill_diagonal(wmat, 0.0)
    warmup, repeats = task["warmup"], task["repeats"]

    if "eigh" in task["methods"]:
        def dense():
            d = wmat.sum(axis=1)
            lap = np.diag(d) - wmat
            return d, scipy.linalg.eigh(lap, np.diag(d), subset_by_index=[0, k - 1])

        (d, (vals, vecs)), times = timed(dense, warmup, repeats)
        # eigh returns D-orthonormal x; store y = D^(1/2) x (unit Euclidean norm) for a scale-free comparison.
        y = canonical_sign((vecs * np.sqrt(d)[:, None]).T.copy())
        out = task["out"] + ".eigh.f64"
        y.astype("<f8").tofile(out)
        record(results, task, "scipy-eigh", times, eigenvalues=vals.tolist(), vectors=out)

    if "eigsh" in task["methods"]:
        def iterative():
            d = wmat.sum(axis=1)
            inv_sqrt = 1 / np.sqrt(d)
            lsym = np.eye(n) - inv_sqrt[:, None] * wmat * inv_sqrt[None, :]
            return scipy.sparse.linalg.eigsh(lsym, k=k, which="SA", tol=1e-12)

        (vals, vecs), times = timed(iterative, warmup, repeats)
        order = np.argsort(vals)
        vals, vecs = vals[order], vecs[:, order]
        y = canonical_sign(vecs.T.copy())
        out = task["out"] + ".eigsh.f64"
        y.astype("<f8").tofile(out)
        record(results, task, "scipy-eigsh", times, eigenvalues=vals.tolist(), vectors=out)


def versions():
    return {"python": sys.version.split()[0], "numpy": np.__version__, "scipy": scipy.__version__,
            "scikit-image": skimage.__version__, "opencv": cv2.__version__,
            "threads": os.environ.get("OPENBLAS_NUM_THREADS")}


RUNNERS = {}


def serve():
    print("VERSIONS " + json.dumps(versions()), flush=True)
    for line in sys.stdin:
        if not line.strip():
            continue
        task = json.loads(line)
        results = []
        RUNNERS[task["kind"]](task, results)
        print("RESULTS " + json.dumps(results), flush=True)


def main():
    RUNNERS.update({"slic": run_slic, "slic-batch": run_slic_batch, "guided": run_guided, "eigen": run_eigen})
    if len(sys.argv) == 2 and sys.argv[1] == "--serve":
        serve()
        return
    if len(sys.argv) != 3:
        sys.exit("usage: compare_anchors.py JOB.json RESULTS.json | compare_anchors.py --serve")
    with open(sys.argv[1]) as f:
        job = json.load(f)
    results = []
    for task in job["tasks"]:
        RUNNERS[task["kind"]](task, results)
        print("done", task["kind"], task["id"], flush=True)
    with open(sys.argv[2], "w") as f:
        json.dump({"versions": versions(), "results": results}, f, indent=1)


if __name__ == "__main__":
    main()
