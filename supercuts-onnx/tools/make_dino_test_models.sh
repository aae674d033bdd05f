#!/bin/sh
# Regenerates the tiny random test graphs and their torch parity pairs under src/test/resources/models/.
# Needs Debian's python3 with torch 1.13 and onnx (apt-get install -y python3-torch python3-onnx).
set -e
cd "$(dirname "$0")/.."
R=src/test/resources/models
PY=/usr/bin/python3
$PY tools/export_dino_onnx.py --tiny --random-weights --seed 1 --patch 8 --size 64 64 -o $R/tiny_vit_p8_64.onnx --reference-dir $R
$PY tools/export_dino_onnx.py --tiny --random-weights --seed 2 --patch 14 --layer-scale --registers 2 --size 56 56 \
    -o $R/tiny_vit_p14_56.onnx --reference-dir $R
$PY tools/export_dino_onnx.py --tiny --random-weights --seed 3 --patch 8 --size 48 64 --dynamic \
    -o $R/tiny_vit_p8_dynamic.onnx --reference-dir $R
$PY tools/export_unet_onnx.py --arch unet --classes 4 --size 48 64 --seed 8 -o $R/tiny_unet.onnx --reference-dir $R
$PY tools/make_bad_test_models.py
$PY tools/export_unet_onnx.py --arch fcn --quarter-logits --classes 3 --size 32 48 --seed 1 -o $R/tiny_fcn_quarter.onnx --reference-dir $R
