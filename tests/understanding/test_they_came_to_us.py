"""A customer's people who came to us, or were met at a fair, make a meeting, not a visit of ours: "came by our
office", "Ирина заглянула, привезла образцы", "进博会6.2馆 刚加了微信", "没带名片", "总经理亲自来的"; our own
dropping in ("заскочил к ним"), or a fair named only as a time ("广交会之前"), is none (sentences written fresh)."""
import pytest

from handlers.understanding import understand

from understanding_data import EN, NOW, RU, ZH


@pytest.mark.parametrize("text, known", [
    ("Initech's ops team came by our office to see the new line, liked it", EN),
    ("the Acme buyers stopped in at our plant, want a quote for 30 units", EN),
    ("Вектор: Ирина заглянула, привезла образцы, ждёт расчёт", RU),
    ("Добрый Хлеб — технолог забежал, сказал что партия ушла", RU),
    ("广交会第二天 远航物流 刘经理 想要报价", ZH),
    ("星辰软件 老板亲自来的 要看演示", ZH),
    ("3.1馆 东方电气 采购张工 加了微信", ZH),
    ("华润建设的王总 没带名片 留了电话 要防水材料", ZH),
])
def test_a_customer_who_came_to_us_is_a_meeting(text, known):
    p = understand(text, NOW, known)
    assert (p.intent, p.channel) == ("log", "meeting"), p


@pytest.mark.parametrize("text, known", [
    ("заскочил к ним в Вектор, договор на подписи", RU),
    ("东方电气 王总说广交会之前要定下来 下周报价", ZH),
])
def test_our_own_dropping_in_or_a_fair_as_a_time_is_no_meeting(text, known):
    assert understand(text, NOW, known).channel != "meeting"
