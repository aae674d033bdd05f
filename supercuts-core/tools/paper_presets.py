#!/usr/bin/python3
"""Reference implementations of TokenCut's and Deep Spectral Methods' single-object rules on saved features.

Written from the papers (NumPy/SciPy, dense solvers) to check SuperCuts' presets `tokencut` and `deepspectral`:

  TokenCut (Wang et al., CVPR 2022): unit-length features; A_ij = 1 if cos > tau else eps, the diagonal included;
  second smallest generalized eigenvector of (D - A) x = lambda D x; bipartition v > mean(v); the seed is argmax |v|;
  the seed's side is the object (flip otherwise); the mask is the 4-connected patch component of the seed.

  Deep Spectral Methods (Melas-Kyriazi et al., CVPR 2022): unit-length features; W = max(0, F F^T) / max, diagonal kept;
  second smallest generalized eigenvector of (D - W) x = lambda D x; negate it when more than half (and not all) of its
  entries are positive; the mask is v > 0.

At exact ties both papers' code depends on rounding and on the sign the eigensolver returns; this script (like SuperCuts)
fixes the sign first (largest |v| positive, ties within a relative TIE to the lowest index) and treats values within
TIE * max|v| of the split point as on it. Nothing else deviates.

Commands:
  fixtures OUT_DIR [--vit-keys KEYS.npy]   write the parity fixtures (features, expected eigenvectors and masks, cases.tsv)
  check-dump DIR --preset tokencut|deepspectral [--tau T]
                                           recompute every STEM in a `supercuts segment --dump DIR` folder and compare
"""
import argparse
import json
import sys
from pathlib import Path

import numpy as np
import scipy.linalg
import scipy.ndimage
import scipy.sparse.csgraph

TIE = 1e-9


def unit_rows(f):
    n = np.linalg.norm(f, axis=1, keepdims=True)
    return np.where(n > 0, f / np.where(n > 0, n, 1), 0.0)


def fix_sign(v):
    m = np.abs(v).max()
    seed = int(np.nonzero(np.abs(v) >= m * (1 - TIE))[0][0])
    return (v if v[seed] >= 0 else -v), seed


def fiedler(w):
    d = w.sum(axis=1)
    values, vectors = scipy.linalg.eigh(np.diag(d) - w, np.diag(d))
    v, seed = fix_sign(vectors[:, 1])
    return values, v, seed


def tokencut_graph(f, tau, eps):
    u = unit_rows(f)
    return np.where(u @ u.T > tau, 1.0, eps)


def tokencut(f, grid, tau=0.2, eps=1e-5, adjacency=None):
    """Mask (nodes), eigenvector, eigenvalues. grid = (rows, cols) for the paper's 4-connected component; or adjacency."""
    values, v, seed = fiedler(tokencut_graph(f, tau, eps))
    band = TIE * np.abs(v).max()
    side = (v - v.mean()) > band
    side[seed] = True
    if adjacency is None:
        labels, _ = scipy.ndimage.label(side.reshape(grid))  # default structure: 4-connectivity
        mask = (labels == labels.flat[seed]).reshape(-1)
    else:
        mask = component(adjacency, side, seed)
    return mask, v, values


def deepspectral_graph(f):
    u = unit_rows(f)
    w = np.maximum(u @ u.T, 0)
    return w / w.max() if w.max() > 0 else w


def deepspectral(f):
    values, v, _ = fiedler(deepspectral_graph(f))
    band = TIE * np.abs(v).max()
    positive = np.count_nonzero(v > band)
    if 0.5 < positive / len(v) < 1.0:
        v_side = -v
    else:
        v_side = v
    return v_side > band, v, values


def component(adjacency, side, seed):
    inside = np.zeros(len(side), bool)
    inside[seed] = True
    stack = [seed]
    while stack:
        r = stack.pop()
        for q in adjacency[r]:
            if side[q] and not inside[q]:
                inside[q] = True
                stack.append(q)
    return inside


def margins(f, rule, tau=0.2):
    """How far the case is from a decision flip: (min |cos - tau|, min relative |v - split| over non-tied nodes)."""
    if rule == 'tokencut':
        u = unit_rows(f)
        cos_margin = float(np.abs(u @ u.T - tau).min())
        _, v, _ = fiedler(tokencut_graph(f, tau, 1e-5))
        gap = np.abs(v - v.mean()) / np.abs(v).max()
    else:
        cos_margin = None
        _, v, _ = fiedler(deepspectral_graph(f))
        gap = np.abs(v) / np.abs(v).max()
    gap = gap[gap > TIE]
    return cos_margin, float(gap.min())


# ---------------------------------------------------------------------------------------------------------- fixtures

def blob_features(rng, grid, boxes, d=8, noise=0.05):
    """Background and object directions with cosine 0.1: apart under TokenCut's tau = 0.2, still linked (> 0) for Deep
    Spectral, whose clipped graph would otherwise fall apart and leave its eigenvector undetermined."""
    h, w = grid
    q, _ = np.linalg.qr(rng.normal(size=(d, 2)))
    bg = q[:, 0]
    fg = 0.1 * q[:, 0] + np.sqrt(1 - 0.01) * q[:, 1]
    f = np.tile(bg, (h * w, 1))
    for (r0, r1, c0, c1) in boxes:
        for r in range(r0, r1):
            f[r * w + c0:r * w + c1] = fg
    return f + noise * rng.normal(size=f.shape)


def symmetric_features(grid, middle):
    """Columns left of the middle are A, right B (A, B swap under exchanging coordinates 0 and 1), the middle column M."""
    h, w = grid
    a, b, m = np.array([1.0, 0.0, 0.1]), np.array([0.0, 1.0, 0.1]), np.array([1.0, 1.0, 0.1])
    f = np.zeros((h * w, 3))
    for r in range(h):
        for c in range(w):
            if middle and c == w // 2:
                f[r * w + c] = m
            else:
                f[r * w + c] = a if c < w // 2 else b
    return f


def cases(vit_keys):
    out = []
    rng = np.random.default_rng(20221)
    out.append(('blob', (10, 12), blob_features(rng, (10, 12), [(3, 7, 4, 9)]), 0.2,
                'one object inside the frame'))
    # Seed on the border: the object fills the top-left corner; search seeds until the largest |v| is a border patch.
    for s in range(100):
        f = blob_features(np.random.default_rng(1000 + s), (9, 11), [(0, 4, 0, 5)])
        _, v, seed = fiedler(tokencut_graph(f, 0.2, 1e-5))
        r, c = divmod(seed, 11)
        if r == 0 or c == 0:
            out.append(('border_seed', (9, 11), f, 0.2, 'object in the top-left corner; the seed patch lies on the border'))
            break
    # Several components: three object blobs, two of them touching only at a corner (8- but not 4-connected).
    for s in range(100):
        f = blob_features(np.random.default_rng(2000 + s), (12, 12), [(1, 4, 1, 4), (4, 7, 4, 7), (7, 11, 8, 11)],
                          noise=0.1)
        mask, v, _ = tokencut(f, (12, 12))
        side = (v - v.mean()) > TIE * np.abs(v).max()
        n4 = scipy.ndimage.label(side.reshape(12, 12))[1]
        n8 = scipy.ndimage.label(side.reshape(12, 12), structure=np.ones((3, 3)))[1]
        if n4 >= 3 and n8 < n4 and mask.sum() < side.sum():
            out.append(('components', (12, 12), f, 0.2,
                        'object side in %d 4-connected pieces (%d 8-connected); only the seed\'s is kept' % (n4, n8)))
            break
    out.append(('mean_ties', (6, 5), symmetric_features((6, 5), True), 0.2,
                'mirror-symmetric: the middle column lies exactly on the mean (and on 0), the seed ties left and right'))
    out.append(('half_positive', (6, 4), symmetric_features((6, 4), False), 0.2,
                'mirror-symmetric, no middle: exactly half of the entries are positive (Deep Spectral sign rule tie)'))
    # Near ties: a soft transition between object and background puts entries close to (not on) the split point.
    best = None
    for s in range(200):
        r = np.random.default_rng(3000 + s)
        h, w = 8, 10
        bg, fg = r.normal(size=6), r.normal(size=6)
        t = np.clip((np.arange(w) - 3.0) / 4.0, 0, 1)
        f = np.array([(1 - t[c]) * bg + t[c] * fg for _ in range(h) for c in range(w)]) + 0.05 * r.normal(size=(h * w, 6))
        g1 = margins(f, 'tokencut')[1]
        g2 = margins(f, 'deepspectral')[1]
        g = min(g1, g2)
        if 1e-7 < g < 1e-3 and (best is None or g < best[0]):
            best = (g, f)
    if best is not None:
        out.append(('near_ties', (8, 10), best[1], 0.2,
                    'a graded transition: some entries within %.1e * max|v| of the split point' % best[0]))
    if vit_keys is not None:
        k = np.load(vit_keys).astype(np.float64)[0]
        n = k.shape[0]
        side = int(round(np.sqrt(n)))
        u = unit_rows(k)
        cos = u @ u.T
        # Random-weight keys are more alike than DINO's: take the median similarity as tau so that the graph is not
        # complete; rounded so that no pair is within 1e-4 of it.
        tau = round(float(np.median(cos[np.triu_indices(n, 1)])), 2)
        while np.abs(cos - tau).min() < 1e-4:
            tau += 0.01
        out.append(('vit_tiny', (side, side), k, tau,
                    'keys of the tiny random ViT (tiny_vit_p8_64, torch) on its parity image, tau = median cosine'))
    return out


def write_fixtures(out_dir, vit_keys):
    out_dir.mkdir(parents=True, exist_ok=True)
    index = []
    for name, grid, f, tau, what in cases(vit_keys):
        w = deepspectral_graph(f)
        np.fill_diagonal(w, 0)
        if scipy.sparse.csgraph.connected_components(w > 0, directed=False)[0] != 1:
            sys.exit('case %s: the Deep Spectral graph is disconnected; its second eigenvector is not unique' % name)
        np.save(out_dir / (name + '_features.npy'), f.astype(np.float64))
        t_mask, t_v, t_values = tokencut(f, grid, tau)
        d_mask, d_v, d_values = deepspectral(f)
        np.save(out_dir / (name + '_tokencut_mask.npy'), t_mask.astype(np.float64))
        np.save(out_dir / (name + '_tokencut_eigenvector.npy'), t_v)
        np.save(out_dir / (name + '_deepspectral_mask.npy'), d_mask.astype(np.float64))
        np.save(out_dir / (name + '_deepspectral_eigenvector.npy'), d_v)
        cos_margin, t_gap = margins(f, 'tokencut', tau)
        _, d_gap = margins(f, 'deepspectral')
        index.append([name, grid[0], grid[1], tau, repr(float(t_values[1])), int(t_mask.sum()), '%.3g' % cos_margin,
                      '%.3g' % t_gap, repr(float(d_values[1])), int(d_mask.sum()), '%.3g' % d_gap, what])
        print('%-14s %2dx%-2d tokencut %3d nodes, deepspectral %3d nodes  (%s)' % (name, grid[0], grid[1], t_mask.sum(),
                                                                                 d_mask.sum(), what))
    header = ['case', 'rows', 'cols', 'tau', 'tokencut_lambda2', 'tokencut_mask_nodes', 'tokencut_min_abs_cos_minus_tau',
              'tokencut_min_gap_to_mean', 'deepspectral_lambda2', 'deepspectral_mask_nodes', 'deepspectral_min_gap_to_zero',
              'what']
    (out_dir / 'cases.tsv').write_text('\n'.join('\t'.join(str(x) for x in row) for row in [header] + index) + '\n')


# -------------------------------------------------------------------------------------------------------- check-dump

def region_adjacency(labels):
    n = int(labels.max()) + 1
    adj = [set() for _ in range(n)]
    for a, b in ((labels[:, :-1], labels[:, 1:]), (labels[:-1, :], labels[1:, :])):
        diff = a != b
        for x, y in zip(a[diff].tolist(), b[diff].tolist()):
            adj[x].add(y)
            adj[y].add(x)
    return [sorted(s) for s in adj]


def check_dump(directory, preset, tau):
    stems = sorted(p.name[:-len('-features.npy')] for p in directory.glob('*-features.npy'))
    if not stems:
        sys.exit('no STEM-features.npy in %s (run ./supercuts segment --dump %s ...)' % (directory, directory))
    rows = []
    for stem in stems:
        f = np.load(directory / (stem + '-features.npy'))
        labels = np.load(directory / (stem + '-superpixels.npy')).astype(np.int64)
        ours_fg = np.load(directory / (stem + '-region-foreground.npy')) >= 0.5
        ours_v = np.load(directory / (stem + '-eigenvectors.npy'))[1]
        if preset == 'tokencut':
            mask, v, _ = tokencut(f, None, tau, adjacency=region_adjacency(labels))
        else:
            mask, v, _ = deepspectral(f)
        ours_v = fix_sign(ours_v)[0]
        union = np.count_nonzero(mask | ours_fg)
        iou = np.count_nonzero(mask & ours_fg) / union if union else 1.0
        rows.append({'image': stem, 'regions': len(mask), 'identical': bool((mask == ours_fg).all()), 'iou': iou,
                     'max_eigenvector_diff': float(np.abs(v - ours_v).max() / np.abs(v).max())})
    summary = {'preset': preset, 'images': len(rows), 'identical_masks': sum(r['identical'] for r in rows),
               'mean_iou': float(np.mean([r['iou'] for r in rows])), 'min_iou': float(np.min([r['iou'] for r in rows])),
               'max_eigenvector_diff': float(np.max([r['max_eigenvector_diff'] for r in rows]))}
    print(json.dumps({'summary': summary, 'images': rows}, indent=1))
    return 0 if summary['identical_masks'] == summary['images'] else 1


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest='command', required=True)
    fx = sub.add_parser('fixtures')
    fx.add_argument('out_dir', type=Path)
    fx.add_argument('--vit-keys', type=Path)
    ck = sub.add_parser('check-dump')
    ck.add_argument('directory', type=Path)
    ck.add_argument('--preset', choices=['tokencut', 'deepspectral'], required=True)
    ck.add_argument('--tau', type=float, default=0.2)
    args = ap.parse_args()
    if args.command == 'fixtures':
        write_fixtures(args.out_dir, args.vit_keys)
        return 0
    return check_dump(args.directory, args.preset, args.tau)


if __name__ == '__main__':
    sys.exit(main())
