#!/usr/bin/env python3
"""Why multi-object images miss objects (docs/objects.md, "2026-12-02, second round").

Reads the candidates that `ObjectStudy dump` wrote, refits the default objectness (ridge 1e-5, as objects-ridge.py and
`ObjectStudy fit` do), replays the default greedy selection, and sorts every ground-truth object of the images with >= 2
objects (ECSSD's or the synthetic set's) that no chosen object matches at IoU >= .5 by where its best-scoring matching
candidate is: none at all, inside an object already taken (the merged-candidate case), or outside every taken object;
with that candidate's objectness band. The matching is per object (no one-to-one assignment), so the matched count can
differ slightly from ObjectStudy's.

Usage: objects-misses.py DUMP.jsonl [ecssd|synthetic]   (numpy and scipy)
"""
import collections
import importlib.util
import pathlib
import sys

spec = importlib.util.spec_from_file_location("ridge", pathlib.Path(__file__).with_name("objects-ridge.py"))
ridge = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ridge)


def band(score):
    return "< .3" if score < 0.3 else ".3-.5" if score < 0.5 else ">= .5"


def main():
    images = ridge.load(sys.argv[1])
    synthetic = len(sys.argv) > 2 and sys.argv[2] == "synthetic"
    beta = ridge.fit(images, 1e-5)
    counts = collections.Counter()
    multi = [d for d in images if d["id"].startswith("syn") == synthetic and d["m"] >= 2]
    for d in multi:
        chosen = ridge.select(d, beta)
        members = [set(c["regions"].tolist()) for c in chosen]
        pool = [c for c in d["cands"] if c["visible"] and c["area"] >= d["min_pixels"]]
        for g in range(d["m"]):
            if any(c["iou"][g] >= 0.5 for c in chosen):
                counts["matched"] += 1
                continue
            good = [c for c in pool if c["iou"][g] >= 0.5]
            if not good:
                counts["no candidate"] += 1
                continue
            best = max(good, key=lambda c: c["score"])
            regions = set(best["regions"].tolist())
            inside = any(len(regions & m) >= 0.9 * len(regions) for m in members)
            counts[("inside a taken object, " if inside else "outside the taken objects, ") + band(best["score"])] += 1
    print(len(multi), "multi-object images,", sum(counts.values()), "ground-truth objects")
    for k, v in sorted(counts.items()):
        print(f"  {k}: {v}")


if __name__ == "__main__":
    main()
