"""The known customers offered to the model as candidates: short names, initials, run-together
words and Chinese short forms reach the customer meant, among many."""
from __future__ import annotations

import pytest

from handlers.understanding.shortlist import MAX_CANDIDATES, han_core, name_parts, shortlist

TEAM = ["苏州恒润精密机械有限公司", "深圳市鑫源达电子有限公司", "深圳前海云帆科技有限公司", "Pacific Rim Freight Forwarders", "Hudson Valley Orthopedics PC", "Harbison & Webb LLP",
        "Sunfield Solar Partners LLC", "ООО «УралМетКомплект»", "АО «Сибирский Цемент Трейд»",
        "ООО «Южный Полимер»", "АО «НордЭнергоМонтаж»", "ООО «СтальКонструкция-В»", "АО «Царицын-Хлеб»",
        "无锡启明自动化设备有限公司", "西安秦川仪表有限公司", "佛山市顺德区美嘉电器有限公司"]
CROWD = TEAM + [f"Company {i} Services" for i in range(300)] + [f"ООО «Торговый Дом {i}»" for i in range(300)]


@pytest.mark.parametrize("text, meant", [
    ("pac rim freight — call this afternoon w/ Kenji", "Pacific Rim Freight Forwarders"),   # word beginnings
    ("HVO signed 63k", "Hudson Valley Orthopedics PC"),                                     # initials
    ("h&w lost. price", "Harbison & Webb LLP"),                                              # initials around &
    ("just wrapped up at sun field solar with Rick", "Sunfield Solar Partners LLC"),         # one word as two
    ("умк звонил по счету", "ООО «УралМетКомплект»"),                                        # initials inside a word
    ("был в сибцементе, тендер в январе", "АО «Сибирский Цемент Трейд»"),                    # run together, declined
    ("южполимер прислал договор", "ООО «Южный Полимер»"),
    ("в нордэнерго заехал, пусто", "АО «НордЭнергоМонтаж»"),
    ("после обеда СК-В: отправил КП", "ООО «СтальКонструкция-В»"),
    ("по ЦХ: отправил акт сверки", "АО «Царицын-Хлеб»"),                                     # two capitals
    ("刚从启明出来 见了李经理", "无锡启明自动化设备有限公司"),                                  # the Han core
    ("秦川签了！！", "西安秦川仪表有限公司"),
    ("美嘉那边梁先生说可以", "佛山市顺德区美嘉电器有限公司"),
    ("恒闰 又回来了 要重新报", "苏州恒润精密机械有限公司"),                                   # a pinyin keyboard's homophone
    ("云凡的合同签了", "深圳前海云帆科技有限公司"),
    ("hengrun 丢了 给了本地一家", "苏州恒润精密机械有限公司"),                                # typed in pinyin
    ("XYD第二批订单来了", "深圳市鑫源达电子有限公司"),                                         # pinyin initials
])
def test_the_customer_meant_is_offered_among_many(text, meant):
    offered = shortlist(text, CROWD)
    assert meant in offered and len(offered) <= MAX_CANDIDATES


def test_two_small_letters_are_no_initials():
    assert "Hudson Valley Orthopedics PC" not in shortlist("hv ok see you", CROWD)
    assert "Hudson Valley Orthopedics PC" in shortlist("HV ok see you", CROWD)


def test_a_small_team_is_offered_every_customer_the_match_first():
    small = ["Kestrel Logistics Ltd", "Brightwater Foods Inc", "Oakfield Builders"]
    assert shortlist("brightwater liked it", small) == ["Brightwater Foods Inc", "Kestrel Logistics Ltd",
                                                        "Oakfield Builders"]


def test_what_the_offline_rules_matched_comes_first():
    assert shortlist("called them", CROWD, first=["АО «Царицын-Хлеб»"])[0] == "АО «Царицын-Хлеб»"


def test_aliases_lead_to_their_customer():
    assert shortlist("mtg at kfl today", ["Kestrel Logistics Ltd", *CROWD], {"KFL Depot": "Kestrel Logistics Ltd"}) \
        [:1] == ["Kestrel Logistics Ltd"]


def test_a_word_shared_by_many_names_offers_none_of_them():
    assert not any(name.startswith("Company") for name in shortlist("our company services are great", CROWD))


def test_name_parts_and_han_core():
    assert name_parts("ООО «УралМетКомплект»") == ["урал", "мет", "комплект"]
    assert name_parts("Harbison & Webb LLP") == ["harbison", "webb"]
    assert han_core("佛山市顺德区美嘉电器有限公司") == "美嘉"
    assert han_core("无锡启明自动化设备有限公司").endswith("启明")        # 无锡 is no listed place prefix


def test_one_syllable_in_an_english_note_is_no_chinese_name():
    assert "苏州恒润精密机械有限公司" not in shortlist("ran the numbers again, heng on", CROWD)
