"""Timing comparisons of two paths (a known and an unknown address): the tests that prove an answer's time tells
nothing use these."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def iqr(samples: list[float]) -> float:
    quartiles = statistics.quantiles(samples, n=4)
    return quartiles[2] - quartiles[0]


def alternate(known: Callable[[], object], unknown: Callable[[], object], rounds: int = 60
              ) -> tuple[list[float], list[float]]:
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(rounds):
        for call, into in ((known, times[0]), (unknown, times[1])):
            start = time.perf_counter()
            call()
            into.append(time.perf_counter() - start)
    return times


def assert_indistinguishable(known: list[float], unknown: list[float]) -> None:
    """The medians differ by less than the noise: the wider spread of the two paths, or a tenth of the slower
    median (the paths the probe found differed by 30-70%; a gap under 10% is lost in a network's jitter)."""
    gap = abs(statistics.median(known) - statistics.median(unknown))
    bound = max(iqr(known), iqr(unknown), 0.1 * max(statistics.median(known), statistics.median(unknown)))
    assert gap < bound, (
        f"median gap {gap * 1000:.2f} ms, spread {iqr(known) * 1000:.2f} / {iqr(unknown) * 1000:.2f} ms")
