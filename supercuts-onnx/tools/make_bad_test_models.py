#!/usr/bin/env python3
"""Writes the malformed ViT graphs the Java tests use to check load-time validation (needs only the onnx package).

  bad_vit_keys_rank4.onnx    input image [B,3,16,16]; outputs keys/tokens [B,4,2,24] (rank 4, not 3); patch_size 8
  bad_vit_no_patch_meta.onnx same graph shape as a valid ViT (keys/tokens [B,4,24]) but without the patch_size metadata
  bad_vit_wrong_patch_meta.onnx  copy of tiny_vit_p8_dynamic.onnx whose metadata claims patch_size 16
"""
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "test", "resources", "models")


def pooled_graph(out_shape, meta):
    """image [B,3,16,16] -> 8x8 average pool -> reshape to out_shape with a fixed 1x1 projection to 24 channels."""
    w = numpy_helper.from_array(np.linspace(-1, 1, 24 * 3, dtype=np.float32).reshape(24, 3, 1, 1), "w")
    shape = numpy_helper.from_array(np.array([-1] + out_shape[1:], dtype=np.int64), "shape")
    nodes = [
        helper.make_node("AveragePool", ["image"], ["pooled"], kernel_shape=[8, 8], strides=[8, 8]),
        helper.make_node("Conv", ["pooled", "w"], ["proj"]),           # [B,24,2,2]
        helper.make_node("Transpose", ["proj"], ["t"], perm=[0, 2, 3, 1]),  # [B,2,2,24]
        helper.make_node("Reshape", ["t", "shape"], ["keys"]),
        helper.make_node("Identity", ["keys"], ["tokens"]),
    ]
    outs = [helper.make_tensor_value_info(n, TensorProto.FLOAT, ["batch"] + out_shape[1:]) for n in ("keys", "tokens")]
    g = helper.make_graph(nodes, "bad_vit", [helper.make_tensor_value_info("image", TensorProto.FLOAT, ["batch", 3, 16, 16])],
                          outs, initializer=[w, shape])
    m = helper.make_model(g, opset_imports=[helper.make_opsetid("", 13)])
    m.ir_version = 8
    for k, v in meta.items():
        e = m.metadata_props.add()
        e.key, e.value = k, v
    onnx.checker.check_model(m)
    return m


onnx.save(pooled_graph([1, 4, 2, 24], {"patch_size": "8"}), os.path.join(here, "bad_vit_keys_rank4.onnx"))
onnx.save(pooled_graph([1, 4, 24], {}), os.path.join(here, "bad_vit_no_patch_meta.onnx"))
m = onnx.load(os.path.join(here, "tiny_vit_p8_dynamic.onnx"))
for e in m.metadata_props:
    if e.key == "patch_size":
        e.value = "16"
onnx.save(m, os.path.join(here, "bad_vit_wrong_patch_meta.onnx"))
print("wrote bad test graphs to", os.path.normpath(here))
