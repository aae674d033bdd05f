#!/usr/bin/env python3
"""The ridge study behind the default objectness (docs/objects.md, "The 2026-12-02 refit").

Reads the candidates that `ObjectStudy dump` wrote (ECSSD's odd half and the synthetic set generated from it), fits the
objectness logistic model for each ridge as `ObjectStudy fit -Dridge=R` does (Newton steps, ridge R per candidate on the
weights, not the intercept), and replays the default greedy selection of CandidateSelection (visible candidates of at
least 1 % of the image that stand out from the image's texture, first object >= 0.3, further ones >= 0.5, overlap <= 0.5, objects never covering the image) to
print the object scores of each ridge on the two sets. Overlapping candidates keep their score when their shared part is
cut off (the Java code re-scores the rest), so the replay is close to, not identical with, ObjectStudy's numbers.

Usage: objects-ridge.py DUMP.jsonl [RIDGE...]   (numpy and scipy; default ridges 1e-3 1e-4 1e-5 1e-6)
"""
import json
import math
import sys

import numpy as np
from scipy.optimize import linear_sum_assignment

JND = 2.3
CUES = ["area", "saliency", "ring_saliency", "outside_saliency", "colour_contrast", "edge_contrast", "border_share",
        "fill", "ncut", "image_texture", "image_edges"]


def features(c):
    """Objectness.features: the model's inputs from a candidate's cues."""
    return [math.log(max(c["area"], 1e-6)), c["saliency"], c["ring_saliency"], c["outside_saliency"],
            c["colour_contrast"] / 100, c["edge_contrast"] / 100, c["border_share"], c["fill"], c["ncut"],
            math.log((c["colour_contrast"] + 1) / (c["image_texture"] + 1)),
            math.log((c["edge_contrast"] + 1) / (c["image_edges"] + 1))]


def load(path):
    images = []
    for line in open(path):
        d = json.loads(line)
        size = np.array([r[0] for r in d["regions"]])
        overlap = np.array(d["overlap"], dtype=np.int64)
        gt_area = overlap.sum(0)
        image_area = d["w"] * d["h"]
        cands = []
        for c in d["candidates"]:
            rs = np.array(c["regions"], dtype=np.int64)
            area = size[rs].sum()
            inter = overlap[rs].sum(0)
            iou = np.array([inter[g] / (area + gt_area[g] - inter[g]) for g in range(1, d["gt"] + 1)])
            cu = c["cues"]
            cands.append(dict(regions=rs, area=area, iou=iou, f=np.array(features(cu)),
                              visible=(cu["colour_contrast"] >= JND or cu["edge_contrast"] >= JND)
                              and not (cu["colour_contrast"] < 0.5 * cu["image_texture"]
                                       and cu["edge_contrast"] < 1.05 * cu["image_edges"])))
        images.append(dict(id=d["id"], m=d["gt"], size=size, cands=cands, area=image_area,
                           min_pixels=max(1, math.ceil(0.01 * image_area))))
    return images


def fit(images, ridge):
    x = np.array([c["f"] for d in images for c in d["cands"] if c["area"] >= d["min_pixels"]])
    y = np.array([float((c["iou"] >= 0.5).any()) for d in images for c in d["cands"] if c["area"] >= d["min_pixels"]])
    return fit_rows(x, y, ridge)


def fit_rows(x, y, ridge):
    """Logistic regression of y on the rows of x by Newton steps, ridge per row on the weights, not the intercept."""
    xi = np.hstack([np.ones((len(x), 1)), x])
    beta = np.zeros(xi.shape[1])
    penalty = ridge * len(y) * np.eye(len(beta))
    penalty[0, 0] = 0
    for _ in range(50):
        p = 1 / (1 + np.exp(-xi @ beta))
        w = np.maximum(p * (1 - p), 1e-9)
        step = np.linalg.solve(xi.T @ (xi * w[:, None]) + penalty, xi.T @ (y - p) - penalty @ beta)
        beta += step
        if abs(step).max() < 1e-8:
            break
    return beta


def select(d, beta, first=0.3, further=0.5, max_overlap=0.5, max_objects=8):
    pool = [c for c in d["cands"] if c["visible"] and c["area"] >= d["min_pixels"]]
    for c in pool:
        c["score"] = 1 / (1 + math.exp(-(beta[0] + beta[1:] @ c["f"])))
    pool.sort(key=lambda c: (-c["score"], -c["area"], c["regions"][0]))
    taken = np.zeros(len(d["size"]), bool)
    taken_area = 0
    chosen = []
    for c in pool:
        if len(chosen) == max_objects or c["score"] < (further if chosen else first):
            break
        shared = d["size"][c["regions"]][taken[c["regions"]]].sum()
        if shared > max_overlap * c["area"] or taken_area + c["area"] - shared >= d["area"]:
            continue
        chosen.append(c)
        taken_area += c["area"] - shared
        taken[c["regions"]] = True
    return chosen


def matched(objects, m):
    if not objects or m == 0:
        return 0
    ok = np.array([o["iou"] for o in objects]) >= 0.5
    rows, cols = linear_sum_assignment(-ok.astype(float))
    return int(ok[rows, cols].sum())


def tally(part, choose):
    """Multi recall, single P, R and answered share, empty images answered with none, and empty images, of the objects
    choose(d) gives for each image of part (matched one to one at IoU >= .5)."""
    gt = hit = predicted = single = single_hit = answered = empty = empty_zero = 0
    for d in part:
        objects = choose(d)
        k = matched(objects, d["m"])
        if d["m"] >= 2:
            gt += d["m"]
            hit += k
        elif d["m"] == 1:
            single += 1
            predicted += len(objects)
            single_hit += k
            answered += len(objects) > 0
        else:
            empty += 1
            empty_zero += len(objects) == 0
    return (hit / max(gt, 1), single_hit / max(predicted, 1), single_hit / max(single, 1), answered / max(single, 1),
            empty_zero, empty)


def main():
    images = load(sys.argv[1])
    ridges = [float(r) for r in sys.argv[2:]] or [1e-3, 1e-4, 1e-5, 1e-6]
    print("| ridge | set | multi recall | single P / R | single answered | empty -> 0 |")
    print("|---|---|---|---|---|---|")
    for ridge in ridges:
        beta = fit(images, ridge)
        for name, part in [("ECSSD odd", [d for d in images if not d["id"].startswith("syn")]),
                           ("synthetic odd", [d for d in images if d["id"].startswith("syn")])]:
            print("| %g | %s | %.3f | %.3f / %.3f | %.3f | %d / %d |" % ((ridge, name) + tally(part, lambda d: select(d, beta))))
        print("| %g | coefficients | %s |||||" % (ridge, ", ".join("%.4f" % b for b in beta)))


if __name__ == "__main__":
    main()
