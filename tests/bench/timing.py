"""Shared by the benchmarks: timing PyTorch's forward and training step in Python."""
import time

import torch
import torch.nn.functional as F


def synchronize(device):
    """CUDA runs asynchronously: a timing ends when the device has finished."""
    if device is not None and torch.device(device).type == "cuda":
        torch.cuda.synchronize(device)


def python_round(model, x, iterations, device=None):
    """Milliseconds of `iterations` bare forwards of `model` on `x`, in inference mode."""
    times = []
    with torch.inference_mode():
        for _ in range(iterations):
            start = time.perf_counter()
            model(x)
            synchronize(device)
            times.append((time.perf_counter() - start) * 1000.0)
    return times


def train_round(model, optimizer, x, y, iterations, device=None):
    """Milliseconds of `iterations` SGD steps: zero_grad, forward, cross-entropy, backward,
    step."""
    times = []
    for _ in range(iterations):
        start = time.perf_counter()
        optimizer.zero_grad()
        F.cross_entropy(model(x), y).backward()
        optimizer.step()
        synchronize(device)
        times.append((time.perf_counter() - start) * 1000.0)
    return times
