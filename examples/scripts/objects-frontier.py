#!/usr/bin/env python3
"""Where object selection is bounded (docs/objects.md, "2026-12-02, third round").

Reads the candidates that `ObjectStudy dump` wrote for the tuning sets (ECSSD's odd half and the synthetic set generated
from it) and asks two questions on them only (no held-out set is read):

1. Bounds. How many ground-truth objects does some candidate match at IoU >= .5 (the candidate bound), and how often is
   the highest-scoring candidate of a single-object image a match (the ranking)?
2. The frontier. Each objectness variant below is fitted on the dump (as `ObjectStudy fit` does: logistic, Newton steps,
   ridge 1e-5 per candidate) and replayed through the default greedy selection of objects-ridge.py for several scores a
   further object needs. If every variant gives the same multi-object recall for the same single-object precision, the
   cues, not the rules, bound the result.

Variants: the default features; + context (the best score of a candidate holding it, of one inside it, of a second
disjoint piece inside it, of a disjoint candidate elsewhere, its gap to the image's best); + outline (the share of its
outline weaker than the image's mean edge, the 20th percentile of its outline contrast); + interior (the mean edge
contrast inside it and the colour spread of its regions); + contour hierarchy (the length-weighted mean, minimum and
20th percentile of the contour hierarchy's ultrametric distance along its outline, its largest inside, and the first
less the last; needs a dump whose edges carry that distance, as `ObjectStudy dump` writes since 2026-12-02); + squares (squares of the features and four products); and
two rules over the default score: the mask's components with a score >= 0.2 of the first object replacing it when it
holds two or more, and the components of the mask (the baseline). With scikit-learn installed, a gradient-boosted model
on the default features + context is replayed too (fitted on one half of the images, replayed on the other, both ways).

Usage: objects-frontier.py DUMP.jsonl   (numpy and scipy; scikit-learn optional)
"""
import importlib.util
import json
import math
import pathlib
import sys

import numpy as np

spec = importlib.util.spec_from_file_location("ridge", pathlib.Path(__file__).with_name("objects-ridge.py"))
ridge = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ridge)

FURTHER = [0.3, 0.4, 0.5, 0.6]


def logit(p):
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def prepare(path):
    """The dump's images with each visible candidate of >= 1 % (the pool) and its extra cue families."""
    images = ridge.load(path)
    beta = ridge.fit(images, 1e-5)
    for d, line in zip(images, open(path)):
        raw = json.loads(line)
        regions = np.array(raw["regions"])
        n = len(regions)
        edges = np.array(raw["edges"]) if raw["edges"] else np.zeros((0, 5))
        a, b, length, contrast = edges[:, 0].astype(int), edges[:, 1].astype(int), edges[:, 2], edges[:, 3]
        image_edges = (length * contrast).sum() / max(length.sum(), 1)
        adjacent = np.zeros((n, n), bool)
        adjacent[a, b] = adjacent[b, a] = True
        d["saliency"] = regions[:, 1]
        d["adjacent"] = adjacent
        pool = [c for c in d["cands"] if c["visible"] and c["area"] >= d["min_pixels"]]
        d["pool"] = pool
        if not pool:
            continue
        member = np.zeros((len(pool), n))
        for k, c in enumerate(pool):
            c["score"] = 1 / (1 + math.exp(-(beta[0] + beta[1:] @ c["f"])))
            member[k, c["regions"]] = 1
        inter = (member * d["size"][None, :]) @ member.T
        area = np.array([c["area"] for c in pool], float)
        z = np.array([logit(c["score"]) for c in pool])
        order = np.argsort(-z)
        for k, c in enumerate(pool):
            inside = (inter[:, k] >= 0.9 * area) & (area <= 0.9 * area[k])
            inside[k] = False
            holding = (inter[k, :] >= 0.9 * area[k]) & (area >= area[k] / 0.9)
            holding[k] = False
            disjoint = inter[k, :] == 0
            used = np.zeros(n, bool)
            pieces = []
            for j in order:
                rs = pool[j]["regions"]
                if not inside[j] or used[rs].any() or (pieces and adjacent[np.ix_(rs, np.where(used)[0])].any()):
                    continue
                pieces.append(z[j])
                used[rs] = True
            c["context"] = np.array([
                z[holding].max() if holding.any() else -8, z[inside].max() if inside.any() else -8,
                pieces[1] if len(pieces) >= 2 else -8, z[disjoint].max() if disjoint.any() else -8, z.max() - z[k]])
            m = np.zeros(n, bool)
            m[c["regions"]] = True
            out = m[a] != m[b]
            if out.any():
                lo, co = length[out], contrast[out]
                s = np.argsort(co)
                p20 = co[s][np.searchsorted(np.cumsum(lo[s]) / lo.sum(), 0.2)]
                c["outline"] = np.array([(lo * (co < image_edges)).sum() / lo.sum(), math.log((p20 + 1) / (image_edges + 1))])
            else:
                c["outline"] = np.zeros(2)
            inner = m[a] & m[b]
            interior = (length[inner] * contrast[inner]).sum() / max(length[inner].sum(), 1) if inner.any() else 0
            lab = regions[c["regions"], 2:5]
            w = regions[c["regions"], 0] / regions[c["regions"], 0].sum()
            spread = math.sqrt((((lab - (lab * w[:, None]).sum(0)) ** 2).sum(1) * w).sum())
            c["interior"] = np.array([math.log((interior + 1) / (image_edges + 1)), spread / 100])
            if edges.shape[1] > 4:
                ucm = edges[:, 4]
                lo, uo = length[out], ucm[out]
                s = np.argsort(uo)
                p20 = uo[s][np.searchsorted(np.cumsum(lo[s]) / lo.sum(), 0.2)] if out.any() else 0
                mean = (lo * uo).sum() / lo.sum() if out.any() else 0
                largest_inside = ucm[inner].max() if inner.any() else 0
                c["contours"] = np.array([mean, uo.min() if out.any() else 0, p20, largest_inside, mean - largest_inside])
            f = c["f"]
            c["squares"] = np.concatenate([f[1:9] ** 2, [f[1] * f[6], f[1] * f[2], f[1] * f[3], f[6] * f[0]]])
    return images


def components(d, threshold=0.5):
    """The pool's candidates that are the connected components of the regions with saliency >= threshold."""
    chosen = d["saliency"] >= threshold
    seen = np.zeros(len(chosen), bool)
    keys = []
    for r in np.where(chosen)[0]:
        if seen[r]:
            continue
        stack, comp = [r], []
        seen[r] = True
        while stack:
            x = stack.pop()
            comp.append(x)
            for y in np.where(d["adjacent"][x] & chosen & ~seen)[0]:
                seen[y] = True
                stack.append(y)
        keys.append(tuple(sorted(comp)))
    by_key = {tuple(c["regions"].tolist()): c for c in d["pool"]}
    return [by_key[k] for k in keys if k in by_key]


def greedy(d, key, first=0.3, further=0.5):
    pool = sorted(d["pool"], key=lambda c: (-c[key], -c["area"]))
    taken = np.zeros(len(d["size"]), bool)
    taken_area = 0
    chosen = []
    for c in pool:
        if len(chosen) == 8 or c[key] < (further if chosen else first):
            break
        shared = d["size"][c["regions"]][taken[c["regions"]]].sum()
        if shared > 0.5 * c["area"] or taken_area + c["area"] - shared >= d["area"]:
            continue
        chosen.append(c)
        taken_area += c["area"] - shared
        taken[c["regions"]] = True
    return chosen


def mask_split(d, share, further):
    """The default selection, with the first object replaced by the mask's components inside it when >= 2 score enough."""
    chosen = greedy(d, "score", 0.3, further)
    if not chosen:
        return chosen
    first = set(chosen[0]["regions"].tolist())
    inside = [c for c in components(d) if c["score"] >= share * chosen[0]["score"]
              and len(set(c["regions"].tolist()) & first) >= 0.9 * len(c["regions"])]
    return inside + chosen[1:] if len(inside) >= 2 else chosen


def scores(images, select):
    out = []
    for synthetic in (False, True):
        t = ridge.tally([d for d in images if d["id"].startswith("syn") == synthetic], select)
        out.append("%.3f | %.3f / %.3f | %.3f" % t[:4] + (" | %d of %d" % t[4:] if synthetic else ""))
    return " | ".join(out)


def bounds(images):
    for synthetic in (False, True):
        part = [d for d in images if d["id"].startswith("syn") == synthetic]
        multi = sum(d["m"] for d in part if d["m"] >= 2)
        covered = sum(int((np.max([c["iou"] for c in d["pool"]], axis=0) >= 0.5).sum()) for d in part if d["m"] >= 2 and d["pool"])
        singles = [d for d in part if d["m"] == 1]
        any_match = sum(any((c["iou"] >= 0.5).any() for c in d["pool"]) for d in singles)
        top = sum(bool((max(d["pool"], key=lambda c: c["score"])["iou"] >= 0.5).any()) for d in singles if d["pool"])
        print("%s: multi-object images' objects matched by some candidate %d of %d (%.3f); single-object images with a"
              " matching candidate %d of %d (%.3f), whose top-scoring candidate matches %d (%.3f)" % (
                  "synthetic odd" if synthetic else "ECSSD odd", covered, multi, covered / max(multi, 1), any_match,
                  len(singles), any_match / max(len(singles), 1), top, top / max(len(singles), 1)))


def main():
    # In id order: the dump's line order depends on which of its threads finished first.
    images = sorted(prepare(sys.argv[1]), key=lambda d: d["id"])
    bounds(images)
    labels = np.array([float((c["iou"] >= 0.5).any()) for d in images for c in d["pool"]])
    print()
    print("| variant | further >= | ECSSD odd: multi recall | single P / R | answered | synthetic odd: multi recall |"
          " single P / R | answered | empty -> 0 |")
    print("|---|---|---|---|---|---|---|---|---|")
    families = {"default": [], "+ context": ["context"], "+ outline": ["outline"], "+ interior": ["interior"],
                "+ squares": ["squares"], "+ all four": ["context", "outline", "interior", "squares"]}
    if "contours" in images[0]["pool"][0]:
        families["+ contour hierarchy"] = ["contours"]
    for name, extra in families.items():
        def row(c, extra=extra):
            return np.concatenate([c["f"]] + [c[e] for e in extra])
        x = np.array([row(c) for d in images for c in d["pool"]])
        mu, sd = x.mean(0), x.std(0) + 1e-9
        beta = ridge.fit_rows((x - mu) / sd, labels, 1e-5)
        for d in images:
            for c in d["pool"]:
                c["variant"] = 1 / (1 + math.exp(-(beta[0] + beta[1:] @ ((row(c) - mu) / sd))))
        for t in FURTHER:
            print("| %s | %.1f | %s |" % (name, t, scores(images, lambda d: greedy(d, "variant", 0.3, t))))
    for t in FURTHER:
        print("| mask components replace the first (>= 0.2 of its score) | %.1f | %s |" % (
            t, scores(images, lambda d: mask_split(d, 0.2, t))))
    print("| mask components (baseline) | - | %s |" % scores(images, components))
    try:
        from sklearn.ensemble import HistGradientBoostingClassifier
    except ImportError:
        print("(scikit-learn not installed: the boosted variant is skipped)")
        return
    halves = [images[h::2] for h in (0, 1)]
    for h in (0, 1):
        train = [c for d in halves[1 - h] for c in d["pool"]]
        model = HistGradientBoostingClassifier(max_iter=300, learning_rate=0.05, max_leaf_nodes=15, min_samples_leaf=40,
                                               early_stopping=False, random_state=0)
        model.fit(np.array([np.concatenate([c["f"], c["context"]]) for c in train]),
                  np.array([float((c["iou"] >= 0.5).any()) for c in train]))
        for d in halves[h]:
            if d["pool"]:
                p = model.predict_proba(np.array([np.concatenate([c["f"], c["context"]]) for c in d["pool"]]))[:, 1]
                for c, v in zip(d["pool"], p):
                    c["variant"] = v
    for t in FURTHER:
        print("| boosted trees, default + context (cross-fitted) | %.1f | %s |" % (
            t, scores(images, lambda d: greedy(d, "variant", 0.3, t))))


if __name__ == "__main__":
    main()
