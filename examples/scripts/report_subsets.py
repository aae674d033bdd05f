#!/usr/bin/env python3
"""Recomputes an `evaluate` report for subsets of its images, from the run's per-image files.

Usage: report_subsets.py OUT_DIR   (the --out folder of `./supercuts evaluate`)

Prints, for all images, the odd-numbered and the even-numbered ones (by the digits of the image id), the dataset means of
IoU (at the pipeline's threshold), IoU at the adaptive threshold, pixel accuracy, MAE, and max-F-beta (beta^2 = 0.3) in both
conventions: from the dataset-mean precision/recall curve (TokenCut's) and the mean of per-image maxima (SelfMask's).
It uses the same per-image numbers the Java runner wrote, so the "all" row reproduces report.json. Standard library only.
"""
import csv
import sys

BETA2 = 0.3


def fbeta(p, r):
    return (1 + BETA2) * p * r / (BETA2 * p + r) if p + r > 0 else 0.0


def main(out):
    rows = {}
    with open(f"{out}/per_image.csv", newline="") as f:
        for row in csv.DictReader(f):
            if row["status"] == "ok":
                rows[row["id"]] = row
    curves = {}
    with open(f"{out}/per_image_pr.csv", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        n = sum(1 for h in header if h.startswith("p_"))
        for rec in reader:
            curves[rec[0]] = ([float(v) for v in rec[1:1 + n]], [float(v) for v in rec[1 + n:1 + 2 * n]])
    subsets = {
        "all": lambda i: True,
        "odd": lambda i: int("".join(c for c in i if c.isdigit())) % 2 == 1,
        "even": lambda i: int("".join(c for c in i if c.isdigit())) % 2 == 0,
    }
    print("| subset | images | IoU | IoU adaptive | Acc | max-Fb (mean curve) | max-Fb (per image) | MAE |")
    print("|---|---|---|---|---|---|---|---|")
    for name, keep in subsets.items():
        ids = [i for i in rows if keep(i) and i in curves]
        if not ids:
            continue
        mean = lambda key: sum(float(rows[i][key]) for i in ids) / len(ids)
        thresholds = len(curves[ids[0]][0])
        mp = [sum(curves[i][0][t] for i in ids) / len(ids) for t in range(thresholds)]
        mr = [sum(curves[i][1][t] for i in ids) / len(ids) for t in range(thresholds)]
        best = max(fbeta(p, r) for p, r in zip(mp, mr))
        print(f"| {name} | {len(ids)} | {mean('iou'):.3f} | {mean('iou_adaptive'):.3f} | {mean('acc'):.3f} | {best:.3f} "
              f"| {mean('max_fbeta'):.3f} | {mean('mae'):.3f} |")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: report_subsets.py OUT_DIR")
    main(sys.argv[1])
