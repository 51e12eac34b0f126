"""Shared by the benchmarks: timing torchvision's forward in Python."""
import time

import torch


def python_round(model, x, iterations):
    """Milliseconds of `iterations` bare forwards of `model` on `x`, in inference mode."""
    times = []
    with torch.inference_mode():
        for _ in range(iterations):
            start = time.perf_counter()
            model(x)
            times.append((time.perf_counter() - start) * 1000.0)
    return times
