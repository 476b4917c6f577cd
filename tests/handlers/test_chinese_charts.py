"""Charts for Chinese-speaking teams are labelled in Chinese in a plain pip install: the CJK font that
ships with crmbot is registered with matplotlib, and no glyph of a Chinese chart is missing (matplotlib's
"Glyph ... missing" is logged by the chart code, and fails these tests)."""
from __future__ import annotations

import logging
import warnings

import pytest

from handlers import report_charts
from handlers.report_charts import SHIPPED_FONT, bar_chart, can_draw
from tests.bot.conftest import Clock, bot, clock, crm, settings, store  # noqa: F401  (the chat fixtures)

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def glyphs(caplog):
    """The "missing glyph" lines the chart code logged, with matplotlib's own warnings made errors."""
    caplog.set_level(logging.WARNING, logger="crmbot.charts")
    with warnings.catch_warnings():
        warnings.simplefilter("error", UserWarning)
        yield lambda: [r.getMessage() for r in caplog.records if r.name == "crmbot.charts" and "missing" in
                       r.getMessage()]


def test_the_font_ships_with_the_package_and_is_registered():
    from matplotlib import font_manager

    assert SHIPPED_FONT.exists() and 1_000_000 < SHIPPED_FONT.stat().st_size < 4_000_000
    assert (SHIPPED_FONT.parent / "LICENSE-Apache-2.0.txt").exists()
    assert can_draw("zh")
    assert str(SHIPPED_FONT) in {f.fname for f in font_manager.fontManager.ttflist}
    assert "WenQuanYi Micro Hei" in report_charts._font_families()


def test_a_chart_of_chinese_names_has_every_glyph(glyphs):
    labels = ["星辰科技", "华为技术有限公司", "深圳市腾讯计算机系统", "北京字节跳动", "鑫淼垚犇（上海）", "喆堃珺"]
    png = bar_chart("本月销售漏斗：报价、谈判、成交", labels, [1, 2, 3, 4, 5, 6], ["¥120,000", "¥5万", "₽1 200 000",
                                                                            "$42,000", "12.5%", "—"])
    assert png.startswith(PNG)
    assert glyphs() == []


def test_a_glyph_no_font_has_is_caught(glyphs):
    bar_chart("test", ["\U0001F9EA\U000E0100"], [1], ["x"])  # an emoji with a variation selector: no font has it
    assert glyphs(), "the check must see a missing glyph"


@pytest.mark.parametrize("question", ["本月销售漏斗", "本季度转化率", "这周团队做了什么", "客户来源分析", "最大的客户"])
async def test_chinese_reports_come_with_chinese_charts_and_no_missing_glyph(bot, glyphs, question):
    for note in ("拜访了星辰科技，报价12万", "华为技术签约了，合同¥50万"):
        assert (await bot.say(note)).wrote
    asked = await bot.say("给鑫淼垚犇打了电话，有新需求")    # a company the bot does not know: asked, not 华为技术's
    assert not asked.wrote and (await bot.press("pick:new")).wrote
    reply = await bot.say(question)
    assert reply.image and reply.image.startswith(PNG), reply.text
    assert glyphs() == []
