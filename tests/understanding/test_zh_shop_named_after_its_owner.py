"""A Chinese shop named after the person who runs it ("刘姐建材", "老周五金"): when that person speaks
or calls, they are the contact as well as the customer; and "过生" is a birthday (written fresh)."""
from datetime import datetime
from zoneinfo import ZoneInfo

from handlers.understanding import understand

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
KNOWN = ["双流刘姐建材经营部", "老周五金商行", "成都蓝鲸物流有限公司"]


def test_the_owner_a_shop_is_named_after_is_its_contact():
    p = understand("刘姐打电话来 说上次的瓷砖胶不够用", NOW, KNOWN)
    assert (p.customer, p.contact, p.channel) == ("双流刘姐建材经营部", "刘姐", "call"), p


def test_a_birthday_said_as_guosheng():
    p = understand("老周说下礼拜过生 12月3号", NOW, KNOWN)
    assert (p.customer, p.contact, p.birthday) == ("老周五金商行", "老周", "12-03"), p


def test_a_shop_named_alone_has_no_contact():
    p = understand("刘姐建材 报价发了", NOW, KNOWN)
    assert p.customer == "双流刘姐建材经营部" and p.contact is None, p
