#!/usr/bin/env python3
"""Export a small random U-Net or FCN with per-class logits, as test graphs for OnnxSemanticSegmenter.

The graphs follow the contract every supervised segmentation export (SegNet, PSPNet, U-Net, FCN) must meet to be run by
org.supercuts.onnx.semantic.OnnxSemanticSegmenter:
  input  "image"   float32 [B, 3, H, W], normalised RGB ((x - mean) / std)
  output "logits"  float32 [B, C, H, W], one un-normalised score per class and pixel
(with --quarter-logits the FCN's logits are [B, C, H/4, W/4]). The batch axis is dynamic; H and W are fixed at export (--size), the segmenter resizes images to that size.
Metadata (ONNX metadata_props): arch, num_classes, input_h, input_w, mean, std, source.

Architectures (weights random, --seed): "unet" = Ronneberger et al. 2015 in miniature (two 3x3 conv+ReLU stages, a 2x2
max-pool, a bottleneck, a 2x2 transposed-conv up-sampling, skip concatenation, a 1x1 classifier); "fcn" = Long et al.
2015 in miniature (strided 3x3 convs to 1/4 resolution, a 1x1 classifier, bilinear up-sampling to the input size).

  export_unet_onnx.py --arch unet --classes 4 --size 48 64 --seed 8 -o tiny_unet.onnx --reference-dir DIR
"""
import argparse
import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

IMAGENET_MEAN = (0.485, 0.456, 0.406)
IMAGENET_STD = (0.229, 0.224, 0.225)


def conv_relu(cin, cout, stride=1):
    return nn.Sequential(nn.Conv2d(cin, cout, 3, stride=stride, padding=1), nn.ReLU())


class TinyUNet(nn.Module):
    def __init__(self, classes, width=8):
        super().__init__()
        self.enc = nn.Sequential(conv_relu(3, width), conv_relu(width, width))
        self.mid = nn.Sequential(conv_relu(width, 2 * width), conv_relu(2 * width, 2 * width))
        self.up = nn.ConvTranspose2d(2 * width, width, 2, stride=2)
        self.dec = nn.Sequential(conv_relu(2 * width, width), conv_relu(width, width))
        self.head = nn.Conv2d(width, classes, 1)

    def forward(self, x):
        skip = self.enc(x)
        y = self.up(self.mid(F.max_pool2d(skip, 2)))
        return self.head(self.dec(torch.cat([skip, y], dim=1)))


class TinyFCN(nn.Module):
    def __init__(self, classes, width=8, upsample=True):
        super().__init__()
        self.upsample = upsample
        self.body = nn.Sequential(conv_relu(3, width, 2), conv_relu(width, 2 * width, 2), conv_relu(2 * width, 2 * width))
        self.head = nn.Conv2d(2 * width, classes, 1)

    def forward(self, x):
        y = self.head(self.body(x))
        if not self.upsample:
            return y  # logits at 1/4 resolution, as PSPNet/DeepLab exports often are; the consumer resizes them
        return F.interpolate(y, size=x.shape[-2:], mode="bilinear", align_corners=False)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--arch", choices=("unet", "fcn"), default="unet")
    ap.add_argument("--classes", type=int, default=4)
    ap.add_argument("--size", type=int, nargs=2, metavar=("H", "W"), default=(48, 64))
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--opset", type=int, default=14)
    ap.add_argument("--quarter-logits", action="store_true", help="fcn only: output logits at 1/4 resolution "
                    "(the reference then also holds <stem>_probs.npy: softmax of the logits resized bilinearly to H x W)")
    ap.add_argument("--reference-dir", help="also write <stem>_image.npy (RGB in [0,1], [3,H,W]) and <stem>_logits.npy")
    ap.add_argument("-o", "--output", required=True)
    args = ap.parse_args()

    h, w = args.size
    if h % 4 or w % 4:
        raise SystemExit(f"--size {h} {w}: both must be multiples of 4")
    torch.manual_seed(args.seed)
    if args.arch == "unet":
        model = TinyUNet(args.classes).eval()
    else:
        model = TinyFCN(args.classes, upsample=not args.quarter_logits).eval()
    with torch.no_grad():
        # A stronger, bias-free classifier so the argmax follows the image rather than one class's bias everywhere.
        model.head.weight.mul_(4.0)
        model.head.bias.zero_()
    example = torch.zeros(1, 3, h, w)
    with torch.no_grad():
        torch.onnx.export(model, example, args.output, input_names=["image"], output_names=["logits"],
                          dynamic_axes={"image": {0: "batch"}, "logits": {0: "batch"}}, opset_version=args.opset)
    import onnx
    m = onnx.load(args.output)
    meta = {"arch": "tiny_" + args.arch, "num_classes": args.classes, "input_h": h, "input_w": w,
            "mean": ",".join(map(str, IMAGENET_MEAN)), "std": ",".join(map(str, IMAGENET_STD)),
            "source": f"random(seed={args.seed})"}
    for k, v in meta.items():
        e = m.metadata_props.add()
        e.key, e.value = k, str(v)
    onnx.checker.check_model(m)
    onnx.save(m, args.output)
    print(f"wrote {args.output}: tiny {args.arch}, {args.classes} classes, {h}x{w}, {os.path.getsize(args.output)} bytes")

    if args.reference_dir:
        os.makedirs(args.reference_dir, exist_ok=True)
        stem = os.path.splitext(os.path.basename(args.output))[0]
        g = torch.Generator().manual_seed(args.seed + 1000)
        coarse = torch.rand(1, 3, h // 8, w // 8, generator=g)
        img = F.interpolate(coarse, size=(h, w), mode="bilinear", align_corners=False)
        img = (img + 0.05 * torch.rand(1, 3, h, w, generator=g)).clamp(0, 1)
        mean = torch.tensor(IMAGENET_MEAN).view(1, 3, 1, 1)
        std = torch.tensor(IMAGENET_STD).view(1, 3, 1, 1)
        with torch.no_grad():
            logits = model((img - mean) / std)
        np.save(os.path.join(args.reference_dir, f"{stem}_image.npy"), img[0].numpy().astype(np.float32))
        np.save(os.path.join(args.reference_dir, f"{stem}_logits.npy"), logits.numpy().astype(np.float32))
        if logits.shape[-2:] != img.shape[-2:]:
            full = F.interpolate(logits, size=(h, w), mode="bilinear", align_corners=False)
            np.save(os.path.join(args.reference_dir, f"{stem}_probs.npy"),
                    torch.softmax(full, dim=1).numpy().astype(np.float32))
        print(f"wrote parity pair {stem}_*.npy to {args.reference_dir}")


if __name__ == "__main__":
    main()
