#!/usr/bin/python3
"""Generates the tiny ONNX graphs used by supercuts-onnx's unit tests.

Run from the repository root (Debian: apt-get install python3-onnx):
    /usr/bin/python3 supercuts-onnx/tools/make_test_models.py

Writes into supercuts-onnx/src/test/resources/org/supercuts/onnx/runtime/:
  scale2.onnx  input "x" float [1,3,H,W] (H, W dynamic) -> output "y" = 2*x, same shape
  rank2.onnx   input "x" float [H,W] -> output "y" = 2*x (a graph with the wrong rank for the tests' expectations)
"""
import os

import onnx
from onnx import TensorProto, helper

OUT = os.path.join("supercuts-onnx", "src", "test", "resources", "org", "supercuts", "onnx", "runtime")


def scale_graph(name, shape):
    two = helper.make_tensor("two", TensorProto.FLOAT, [], [2.0])
    node = helper.make_node("Mul", ["x", "two"], ["y"])
    graph = helper.make_graph(
        [node], name,
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, shape)],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, shape)],
        initializer=[two])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="supercuts-tests")
    model.ir_version = 7  # readable by every ONNX Runtime >= 1.8
    onnx.checker.check_model(model)
    return model


def main():
    os.makedirs(OUT, exist_ok=True)
    onnx.save(scale_graph("scale2", [1, 3, "H", "W"]), os.path.join(OUT, "scale2.onnx"))
    onnx.save(scale_graph("rank2", ["H", "W"]), os.path.join(OUT, "rank2.onnx"))


if __name__ == "__main__":
    main()
