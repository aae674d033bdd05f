#!/usr/bin/env python3
"""Export a self-supervised ViT (DINO ViT-S/8, ViT-S/16, DINOv2 ViT-S/14) to ONNX for SuperCuts.

The ViT is written here in plain torch (no timm, no hub code), following the architecture of
  Caron et al., "Emerging Properties in Self-Supervised Vision Transformers", ICCV 2021 (DINO), and
  Oquab et al., "DINOv2: Learning Robust Visual Features without Supervision", TMLR 2024 (layer scale),
  Darcet et al., "Vision Transformers Need Registers", ICLR 2024 (optional register tokens).

Weights come from a checkpoint file that holds a state dict with the official key names (see KEY MAPPING below),
or from the torch hub cache (``--hub``) when the user already has the official file there; nothing is downloaded.

The exported graph has one input and three named outputs (N = grid_h * grid_w patches, CLS and registers excluded):
  input  "image"          float32 [B, 3, H, W], ImageNet-normalised RGB
  output "tokens"         float32 [B, N, C]      patch tokens of the last block, after the final LayerNorm
  output "keys"           float32 [B, N, C]      attention keys of the last block (heads concatenated)
  output "cls_attention"  float32 [B, heads, N]  last block's softmax attention from CLS to each patch
The batch axis is dynamic. By default H and W are fixed: the positional embedding is interpolated (bicubic) to the
export grid in torch before export, so the graph holds no resize (bicubic pos-embed interpolation does not export
cleanly, see facebookresearch/dinov2 issues #19 and #216). Deviation from the official code: the interpolation is given
the output size, not a scale factor with the +0.1 offset, so positions differ by < 0.1/G of a grid cell. With ``--dynamic`` H and W are dynamic as well and the
interpolation is inside the graph (ONNX Resize, cubic); see docs/dino.md for the caveats.

Metadata (ONNX metadata_props, all values strings): arch, patch_size, grid_h, grid_w, input_h, input_w (the last four
"-1" for a dynamic graph), dynamic_size, embed_dim, num_heads, depth, num_registers, outputs, mean, std, source.

KEY MAPPING (checkpoint key -> module here; identical to the official DINO / DINOv2 state dicts):
  cls_token [1,1,C]; pos_embed [1,1+G*G,C]; register_tokens [1,R,C] (DINOv2 with registers only);
  mask_token (DINOv2, ignored); patch_embed.proj.{weight [C,3,p,p], bias};
  blocks.{i}.norm1.{weight,bias}; blocks.{i}.attn.qkv.{weight [3C,C], bias}; blocks.{i}.attn.proj.{weight,bias};
  blocks.{i}.ls1.gamma [C], blocks.{i}.ls2.gamma [C] (DINOv2 layer scale only); blocks.{i}.norm2.{weight,bias};
  blocks.{i}.mlp.fc1.{weight,bias}; blocks.{i}.mlp.fc2.{weight,bias}; norm.{weight,bias}.
  Accepted wrappers: a full DINO training checkpoint ({"teacher": ...} or {"student": ...}, keys prefixed "module."
  and/or "backbone."), {"model": ...} or {"state_dict": ...}; DINOv2 chunked blocks "blocks.{chunk}.{i}." are
  flattened to "blocks.{i}.". Head keys ("head.*", "dino_head.*") are dropped.

Usage:
  export_dino_onnx.py --arch vits8 --checkpoint dino_deitsmall8_pretrain.pth --size 224 224 -o dino_vits8_224.onnx
  export_dino_onnx.py --arch dinov2_vits14 --hub --size 448 448 -o dinov2_vits14_448.onnx
  export_dino_onnx.py --tiny --random-weights --seed 1 --patch 8 --size 64 64 -o tiny.onnx --reference-dir DIR
"""
import argparse
import math
import os
import re
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

IMAGENET_MEAN = (0.485, 0.456, 0.406)
IMAGENET_STD = (0.229, 0.224, 0.225)

# name -> (patch, dim, depth, heads, layer_scale, registers, pretrain grid, hub checkpoint file name)
ARCHS = {
    "vits8": (8, 384, 12, 6, False, 0, 28, "dino_deitsmall8_pretrain.pth"),
    "vits16": (16, 384, 12, 6, False, 0, 14, "dino_deitsmall16_pretrain.pth"),
    "dinov2_vits14": (14, 384, 12, 6, True, 0, 37, "dinov2_vits14_pretrain.pth"),
    "dinov2_vits14_reg": (14, 384, 12, 6, True, 4, 37, "dinov2_vits14_reg4_pretrain.pth"),
}


class Attention(nn.Module):
    def __init__(self, dim, heads):
        super().__init__()
        self.heads = heads
        self.scale = (dim // heads) ** -0.5
        self.qkv = nn.Linear(dim, dim * 3)
        self.proj = nn.Linear(dim, dim)

    def forward(self, x):
        b, t, c = x.shape
        qkv = self.qkv(x).reshape(b, t, 3, self.heads, c // self.heads).permute(2, 0, 3, 1, 4)
        q, k, v = qkv[0], qkv[1], qkv[2]  # each [B, heads, T, head_dim]
        attn = torch.softmax((q * self.scale) @ k.transpose(-2, -1), dim=-1)
        out = (attn @ v).transpose(1, 2).reshape(b, t, c)
        return self.proj(out), attn, k


class LayerScale(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.gamma = nn.Parameter(torch.ones(dim))

    def forward(self, x):
        return x * self.gamma


class Mlp(nn.Module):
    def __init__(self, dim, hidden):
        super().__init__()
        self.fc1 = nn.Linear(dim, hidden)
        self.fc2 = nn.Linear(hidden, dim)

    def forward(self, x):
        return self.fc2(F.gelu(self.fc1(x)))


class Block(nn.Module):
    def __init__(self, dim, heads, layer_scale):
        super().__init__()
        self.norm1 = nn.LayerNorm(dim, eps=1e-6)
        self.attn = Attention(dim, heads)
        self.norm2 = nn.LayerNorm(dim, eps=1e-6)
        self.mlp = Mlp(dim, 4 * dim)
        self.ls1 = LayerScale(dim) if layer_scale else nn.Identity()
        self.ls2 = LayerScale(dim) if layer_scale else nn.Identity()

    def forward(self, x):
        y, attn, k = self.attn(self.norm1(x))
        x = x + self.ls1(y)
        x = x + self.ls2(self.mlp(self.norm2(x)))
        return x, attn, k


class PatchEmbed(nn.Module):
    def __init__(self, patch, dim):
        super().__init__()
        self.proj = nn.Conv2d(3, dim, kernel_size=patch, stride=patch)

    def forward(self, x):
        return self.proj(x).flatten(2).transpose(1, 2)


class VisionTransformer(nn.Module):
    """ViT backbone returning (patch tokens, last-block keys, last-block CLS attention), CLS and registers removed."""

    def __init__(self, patch, dim, depth, heads, layer_scale, registers, pretrain_grid):
        super().__init__()
        self.patch = patch
        self.dim = dim
        self.depth = depth
        self.heads = heads
        self.registers = registers
        self.pretrain_grid = pretrain_grid
        self.patch_embed = PatchEmbed(patch, dim)
        self.cls_token = nn.Parameter(torch.zeros(1, 1, dim))
        self.pos_embed = nn.Parameter(torch.zeros(1, 1 + pretrain_grid * pretrain_grid, dim))
        self.register_tokens = nn.Parameter(torch.zeros(1, registers, dim)) if registers > 0 else None
        self.blocks = nn.ModuleList([Block(dim, heads, layer_scale) for _ in range(depth)])
        self.norm = nn.LayerNorm(dim, eps=1e-6)
        # Set by fix_grid (fixed-size export) to the pre-interpolated patch positional embedding [1, N, C].
        self.fixed_patch_pos = None

    def _patch_pos(self, gh, gw):
        """Bicubic interpolation of the pretrained patch positional embedding to a gh x gw grid."""
        g = self.pretrain_grid
        grid = self.pos_embed[:, 1:].reshape(1, g, g, self.dim).permute(0, 3, 1, 2)
        grid = F.interpolate(grid, size=(gh, gw), mode="bicubic", align_corners=False)
        return grid.permute(0, 2, 3, 1).reshape(1, -1, self.dim)

    def fix_grid(self, gh, gw):
        with torch.no_grad():
            if (gh, gw) == (self.pretrain_grid, self.pretrain_grid):
                self.fixed_patch_pos = self.pos_embed[:, 1:].detach().clone()
            else:
                self.fixed_patch_pos = self._patch_pos(gh, gw).detach().clone()

    def forward(self, image):
        b = image.shape[0]
        x = self.patch_embed(image)
        if self.fixed_patch_pos is not None:
            patch_pos = self.fixed_patch_pos
        else:
            # Dynamic export: always interpolate (identity when the grid equals the pretrained one), so the traced graph
            # holds one Resize whose output size follows the input.
            patch_pos = self._patch_pos(image.shape[2] // self.patch, image.shape[3] // self.patch)
        x = x + patch_pos
        cls = (self.cls_token + self.pos_embed[:, :1]).expand(b, -1, -1)
        parts = [cls]
        if self.register_tokens is not None:
            parts.append(self.register_tokens.expand(b, -1, -1))
        parts.append(x)
        x = torch.cat(parts, dim=1)
        attn = k = None
        for blk in self.blocks:
            x, attn, k = blk(x)
        first = 1 + self.registers
        tokens = self.norm(x)[:, first:]
        keys = k.transpose(1, 2).flatten(2)[:, first:]
        cls_attention = attn[:, :, 0, first:]
        return tokens, keys, cls_attention


def build(arch, tiny, patch, registers, layer_scale):
    if tiny:
        # Test graphs: depth 2, width 48, 3 heads; pretrain grid 4 so that export sizes exercise the interpolation.
        return VisionTransformer(patch, 48, 2, 3, layer_scale, registers, 4), "tiny_vit"
    p, dim, depth, heads, ls, reg, grid, _ = ARCHS[arch]
    return VisionTransformer(p, dim, depth, heads, ls, reg, grid), arch


def normalise_state_dict(sd):
    for wrapper in ("teacher", "student", "model", "state_dict"):
        if isinstance(sd, dict) and wrapper in sd and isinstance(sd[wrapper], dict):
            sd = sd[wrapper]
            break
    out = {}
    for key, value in sd.items():
        for prefix in ("module.", "backbone."):
            if key.startswith(prefix):
                key = key[len(prefix):]
        key = re.sub(r"^blocks\.\d+\.(\d+)\.", r"blocks.\1.", key)  # DINOv2 block chunks
        if key.startswith(("head.", "dino_head.")) or key == "mask_token":
            continue
        out[key] = value
    return out


def load_weights(model, path):
    sd = torch.load(path, map_location="cpu")
    sd = normalise_state_dict(sd)
    pos = sd.get("pos_embed")
    if pos is not None:
        n = pos.shape[1] - 1
        g = int(round(math.sqrt(n)))
        if g * g != n:
            sys.exit(f"{path}: pos_embed has {n} patch positions, not a square grid")
        if g != model.pretrain_grid:
            model.pretrain_grid = g
            model.pos_embed = nn.Parameter(torch.zeros(1, 1 + n, model.dim))
    try:
        missing, unexpected = model.load_state_dict(sd, strict=False)
    except RuntimeError as e:  # shape mismatches, e.g. a ViT-S/16 checkpoint given for --arch vits8
        sys.exit(f"{path}: checkpoint does not fit the chosen --arch: {e}")
    if missing or unexpected:
        sys.exit(f"{path}: checkpoint does not match the architecture; missing keys {missing}, unexpected keys "
                 f"{unexpected} (see KEY MAPPING in this script's docstring)")


def randomise(model, seed):
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for name, p in model.named_parameters():
            if name.endswith("gamma"):
                p.copy_(0.5 + torch.rand(p.shape, generator=g))  # layer scale away from 1 so it matters
            elif "norm" in name and name.endswith("weight"):
                p.copy_(1.0 + 0.1 * torch.randn(p.shape, generator=g))
            else:
                std = 1.0 / math.sqrt(p.shape[-1]) if p.dim() > 1 else 0.1
                if p.dim() == 4:
                    std = 1.0 / math.sqrt(p[0].numel())
                p.copy_(std * torch.randn(p.shape, generator=g))


def finish_graph(path, meta, output_dims):
    """Writes metadata_props and states the output shapes (the tracer leaves them as anonymous symbols)."""
    import onnx
    m = onnx.load(path)
    for out in m.graph.output:
        dims = out.type.tensor_type.shape.dim
        for d, v in zip(dims, output_dims[out.name]):
            if isinstance(v, int):
                d.ClearField("dim_param")
                d.dim_value = v
            else:
                d.ClearField("dim_value")
                d.dim_param = v
    del m.metadata_props[:]
    for k, v in meta.items():
        e = m.metadata_props.add()
        e.key = k
        e.value = str(v)
    onnx.checker.check_model(m)
    onnx.save(m, path)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--arch", choices=sorted(ARCHS), default="vits8")
    ap.add_argument("--checkpoint", help="state dict file with the official key names")
    ap.add_argument("--hub", action="store_true", help="take the official checkpoint from the torch hub cache "
                    "(torch.hub.get_dir()/checkpoints); never downloads")
    ap.add_argument("--random-weights", action="store_true", help="random weights (test graphs)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--tiny", action="store_true", help="depth 2, width 48, 3 heads (test graphs)")
    ap.add_argument("--patch", type=int, default=8, help="patch size of a --tiny model")
    ap.add_argument("--registers", type=int, default=0, help="register tokens of a --tiny model")
    ap.add_argument("--layer-scale", action="store_true", help="DINOv2 layer scale in a --tiny model")
    ap.add_argument("--size", type=int, nargs=2, metavar=("H", "W"), default=(224, 224),
                    help="fixed input size, multiples of the patch size (also the reference size with --dynamic)")
    ap.add_argument("--dynamic", action="store_true", help="dynamic H and W (pos-embed resize inside the graph)")
    ap.add_argument("--opset", type=int, default=14)
    ap.add_argument("--reference-dir", help="also write a parity pair: <stem>_image.npy (RGB in [0,1], [3,H,W]) and "
                    "<stem>_{tokens,keys,cls_attention}.npy computed by torch")
    ap.add_argument("-o", "--output", required=True)
    args = ap.parse_args()

    torch.manual_seed(args.seed)
    model, arch = build(args.arch, args.tiny, args.patch, args.registers, args.layer_scale)
    if args.random_weights:
        randomise(model, args.seed)
        source = f"random(seed={args.seed})"
    elif args.checkpoint:
        load_weights(model, args.checkpoint)
        source = os.path.basename(args.checkpoint)
    elif args.hub:
        if args.tiny:
            sys.exit("--hub needs a real --arch, not --tiny")
        path = os.path.join(torch.hub.get_dir(), "checkpoints", ARCHS[args.arch][7])
        if not os.path.isfile(path):
            sys.exit(f"{path} is not in the torch hub cache; pass --checkpoint FILE (nothing is downloaded)")
        load_weights(model, path)
        source = "hub:" + ARCHS[args.arch][7]
    else:
        sys.exit("give --checkpoint FILE, --hub or --random-weights")
    model.eval()

    h, w = args.size
    p = model.patch
    if h % p or w % p or h < p or w < p:
        sys.exit(f"--size {h} {w} must be positive multiples of the patch size {p}")
    gh, gw = h // p, w // p
    if not args.dynamic:
        model.fix_grid(gh, gw)

    example = torch.zeros(1, 3, h, w)
    axes = {"image": {0: "batch"}, "tokens": {0: "batch"}, "keys": {0: "batch"}, "cls_attention": {0: "batch"}}
    if args.dynamic:
        axes["image"].update({2: "height", 3: "width"})
        for out in ("tokens", "keys", "cls_attention"):
            axes[out][1 if out != "cls_attention" else 2] = "patches"
    with torch.no_grad():
        torch.onnx.export(model, example, args.output, input_names=["image"],
                          output_names=["tokens", "keys", "cls_attention"], dynamic_axes=axes,
                          opset_version=args.opset, do_constant_folding=True)
    meta = {
        "arch": arch, "patch_size": p,
        "grid_h": -1 if args.dynamic else gh, "grid_w": -1 if args.dynamic else gw,
        "input_h": -1 if args.dynamic else h, "input_w": -1 if args.dynamic else w,
        "dynamic_size": str(args.dynamic).lower(), "embed_dim": model.dim, "num_heads": model.heads,
        "depth": model.depth, "num_registers": model.registers, "outputs": "tokens,keys,cls_attention",
        "mean": ",".join(map(str, IMAGENET_MEAN)), "std": ",".join(map(str, IMAGENET_STD)), "source": source,
    }
    n = "patches" if args.dynamic else gh * gw
    finish_graph(args.output, meta, {"tokens": ["batch", n, model.dim], "keys": ["batch", n, model.dim],
                                     "cls_attention": ["batch", model.heads, n]})
    print(f"wrote {args.output}: {arch} patch {p}, "
          f"{'dynamic size' if args.dynamic else f'{h}x{w} (grid {gh}x{gw})'}, {os.path.getsize(args.output)} bytes")

    if args.reference_dir:
        os.makedirs(args.reference_dir, exist_ok=True)
        stem = os.path.splitext(os.path.basename(args.output))[0]
        g = torch.Generator().manual_seed(args.seed + 1000)
        # A smooth random image (bilinear upsampling of a coarse grid) plus a little noise, in [0, 1].
        coarse = torch.rand(1, 3, max(2, h // 8), max(2, w // 8), generator=g)
        img = F.interpolate(coarse, size=(h, w), mode="bilinear", align_corners=False)
        img = (img + 0.05 * torch.rand(1, 3, h, w, generator=g)).clamp(0, 1)
        mean = torch.tensor(IMAGENET_MEAN).view(1, 3, 1, 1)
        std = torch.tensor(IMAGENET_STD).view(1, 3, 1, 1)
        with torch.no_grad():
            outs = model((img - mean) / std)
        np.save(os.path.join(args.reference_dir, f"{stem}_image.npy"), img[0].numpy().astype(np.float32))
        for name, t in zip(("tokens", "keys", "cls_attention"), outs):
            np.save(os.path.join(args.reference_dir, f"{stem}_{name}.npy"), t.numpy().astype(np.float32))
        print(f"wrote parity pair {stem}_*.npy to {args.reference_dir}")


if __name__ == "__main__":
    main()
