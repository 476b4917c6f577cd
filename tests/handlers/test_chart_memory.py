"""A chart's memory is freed as soon as it is drawn: its cycles are collected at once, and drawing
leaves nothing behind."""
from __future__ import annotations

import gc
import weakref

from handlers.report_charts import bar_chart, one_burst, stacked_chart


class Node:
    """A part of a web of references, like a matplotlib artist."""

    def __init__(self) -> None:
        self.me = self


def test_cycles_made_in_a_burst_are_freed_when_it_ends():
    with one_burst():
        node = Node()
        alive = weakref.ref(node)
        del node
        assert not gc.isenabled()
        assert alive() is not None        # no collection while the burst runs
    assert gc.isenabled()
    assert alive() is None


def test_a_burst_leaves_the_collector_as_it_found_it():
    gc.disable()
    try:
        with one_burst():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_drawn_chart_leaves_no_figure_behind():
    from matplotlib.figure import Figure

    bar_chart("warm-up", ["a"], [1], ["1"])
    before = sum(isinstance(o, Figure) for o in gc.get_objects())
    for i in range(3):
        png = bar_chart(f"Pipeline {i}", ["lead", "proposal"], [1, 2], ["1", "2"])
        assert png.startswith(b"\x89PNG")
        assert stacked_chart("Activity", ["Ann"], [("call", [1]), ("visit", [2])], ["3"]).startswith(b"\x89PNG")
    assert sum(isinstance(o, Figure) for o in gc.get_objects()) == before
