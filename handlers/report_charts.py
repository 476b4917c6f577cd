"""Report charts as PNG bytes: matplotlib's Agg backend (no display), large type, at most six
colours, the value written on every bar: the same numbers as the text beside it.

Memory: matplotlib (with numpy) is imported on the first chart, never at start-up, and only
`Figure` with the Agg canvas (not pyplot, which keeps every figure until it is closed). A figure
is a web of reference cycles: a chart is drawn without cycle collection, then the young
generation (all of the figure) is collected at once; without that, each chart left ~2 MB behind
until the next full collection. The freed pages go back to the system after the message
(bot/runtime.py).

Chinese labels need a CJK font: one ships with crmbot (handlers/fonts, WenQuanYi Micro Hei cut to
GBK's characters) and is registered with matplotlib on the first chart, so a plain pip install
draws them; a CJK font installed on the machine is used as well. A glyph no font has is drawn as
a box: matplotlib's warning about it is logged ("chart: ... missing"), never shown to a user."""
from __future__ import annotations

import gc
import io
import logging
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Sequence

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b")  # six, no more
_FONT = 15


_CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei",
              "Source Han Sans SC", "SimHei", "Microsoft YaHei", "PingFang SC", "Arial Unicode MS")
_families: list[str] | None = None
SHIPPED_FONT = Path(__file__).with_name("fonts") / "wqy-microhei-gbk.ttf"
log = logging.getLogger("crmbot.charts")


@contextmanager
def one_burst() -> Iterator[None]:
    """Around drawing a chart, whose many objects die together when it ends: no cycle collection
    while it runs, so they all stay in the youngest generation; afterwards one collection of that
    generation alone frees their cycles (a few ms however big the process)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
        gc.collect(0)


def _figure(width: float, height: float) -> tuple[Figure, Axes]:
    """A new figure of that size (inches) drawn by Agg, with one set of axes."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    # every family named (not the generic "sans-serif"), so a glyph DejaVu Sans lacks comes from the next
    matplotlib.rcParams.update({"font.size": _FONT, "axes.titlesize": _FONT + 3, "axes.labelsize": _FONT,
                                "font.family": _font_families(), "font.sans-serif": _font_families()})
    fig = Figure(figsize=(width, height))
    FigureCanvasAgg(fig)
    return fig, fig.subplots()


def _font_families() -> list[str]:
    """DejaVu Sans (Latin, Cyrillic), then a CJK font when one is installed; only fonts that exist."""
    global _families
    if _families is None:
        from matplotlib import font_manager

        if SHIPPED_FONT.exists():
            font_manager.fontManager.addfont(str(SHIPPED_FONT))
        installed = {font.name for font in font_manager.fontManager.ttflist}
        _families = ["DejaVu Sans"] + [name for name in _CJK_FONTS if name in installed]
    return _families


def can_draw(lang: str) -> bool:
    """Whether the chart can be labelled in `lang` (Chinese needs a CJK font on this machine)."""
    return lang != "zh" or len(_font_families()) > 1


def _png(fig: Figure) -> bytes:
    import warnings

    buffer = io.BytesIO()
    try:
        with warnings.catch_warnings(record=True) as caught:  # a glyph no font has is drawn as a box
            warnings.simplefilter("always")
            fig.savefig(buffer, format="png", dpi=100, bbox_inches="tight")
        for missing in {str(w.message) for w in caught if "missing" in str(w.message)}:
            log.warning("chart: %s", missing)
    finally:
        fig.clear()
    return buffer.getvalue()


def bar_chart(title: str, labels: Sequence[str], values: Sequence[float], texts: Sequence[str],
              colour: int = 0) -> bytes:
    """Horizontal bars, one per label (top to bottom), each with its text at the end of the bar."""
    with one_burst():
        return _bar_chart(title, labels, values, texts, colour)


def _bar_chart(title: str, labels: Sequence[str], values: Sequence[float], texts: Sequence[str],
               colour: int) -> bytes:
    fig, ax = _figure(9, 1.6 + 0.75 * max(1, len(labels)))
    positions = list(range(len(labels)))[::-1]
    bars = ax.barh(positions, [float(v or 0) for v in values], color=PALETTE[colour % len(PALETTE)])
    ax.set_yticks(positions, labels=list(labels))
    top = max([float(v or 0) for v in values] + [1.0])
    ax.set_xlim(0, top * 1.35)
    for bar, text in zip(bars, texts):
        ax.text(bar.get_width() + top * 0.02, bar.get_y() + bar.get_height() / 2, text,
                va="center", fontsize=_FONT)
    ax.set_title(title, loc="left")
    ax.spines[["top", "right"]].set_visible(False)
    ax.xaxis.set_visible(False)
    return _png(fig)


def stacked_chart(title: str, labels: Sequence[str], series: Sequence[tuple[str, Sequence[float]]],
                  totals: Sequence[str]) -> bytes:
    """Horizontal stacked bars (≤ 6 series, one colour each), per-segment counts and a total per bar."""
    with one_burst():
        return _stacked_chart(title, labels, series, totals)


def _stacked_chart(title: str, labels: Sequence[str], series: Sequence[tuple[str, Sequence[float]]],
                   totals: Sequence[str]) -> bytes:
    series = list(series)[: len(PALETTE)]
    height = 2.2 + 0.75 * max(1, len(labels))
    fig, ax = _figure(10, height)
    positions = list(range(len(labels)))[::-1]
    left = [0.0] * len(labels)
    for index, (name, values) in enumerate(series):
        values = [float(v or 0) for v in values]
        bars = ax.barh(positions, values, left=left, color=PALETTE[index], label=name)
        for bar, value in zip(bars, values):
            if value and bar.get_width() >= max(max(left) + max(values), 1) * 0.06:
                ax.text(bar.get_x() + bar.get_width() / 2, bar.get_y() + bar.get_height() / 2,
                        f"{value:g}", va="center", ha="center", color="white", fontsize=_FONT - 2)
        left = [a + b for a, b in zip(left, values)]
    top = max(left + [1.0])
    for position, width, text in zip(positions, left, totals):
        ax.text(width + top * 0.02, position, text, va="center", fontsize=_FONT)
    ax.set_yticks(positions, labels=list(labels))
    ax.set_xlim(0, top * 1.25)
    ax.set_title(title, loc="left")
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.02 + 0.3 / height), ncol=min(len(series), 5),
              frameon=False, fontsize=_FONT - 2)
    ax.spines[["top", "right"]].set_visible(False)
    ax.xaxis.set_visible(False)
    return _png(fig)
