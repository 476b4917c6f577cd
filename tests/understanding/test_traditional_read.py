"""Traditional characters and Cantonese read as Simplified Mandarin, one character for one, and given
back as written."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from handlers.understanding import understand
from handlers.understanding.languages import zh
from handlers.understanding.languages.zh_traditional import SIMPLIFIED, TRADITIONAL
from handlers.understanding.traditional import read, simplified
from storage.vocabulary import Channel, Intent, Stage

NOW = datetime(2027, 3, 8, 10, 0, tzinfo=ZoneInfo("Asia/Hong_Kong"))     # a Monday


def test_every_reading_keeps_the_length():
    assert len(TRADITIONAL) == len(SIMPLIFIED) == len(set(TRADITIONAL))
    assert all(len(said) == len(meant) for said, meant in zh.CANTONESE)
    for note in ("佢哋話聽日覆我", "打咗電話俾陳生", "關係好好", "係咪簽咗？"):
        assert len(simplified(note)) == len(note)


def test_cantonese_read_as_mandarin():
    assert simplified("佢哋簽咗合約") == "他们签了合约"
    assert simplified("聽日打俾佢") == "明天打给他"
    assert simplified("關係唔錯") == "关系不错"          # 係 of 關係 is no "是"


def test_simplified_and_english_notes_read_as_written():
    assert read("Visited Globex, quote 42k", ["Globex"], None) is None
    assert read("拜访了星辰科技，报价12万", ["星辰科技"], None) is None


def test_names_given_back_as_written():
    reading = read("美心集團今日簽咗合約", ["美心集團", "Globex"], None)
    assert reading is not None
    assert reading.text == "美心集团今日签了合约"
    assert reading.back("美心集团") == "美心集團"
    assert reading.back("今日") == "今日" and reading.back("签了") == "簽咗"
    assert reading.back("签了 合约") == "簽咗 合約"       # pieces of a span with words blanked


def test_a_traditional_customer_found_from_simplified_words():
    parse = understand("翠华餐厅签了", NOW, ["翠華餐廳", "美心集團"])
    assert parse.customer == "翠華餐廳" and parse.customer_known
    assert parse.stage == Stage.WON


def test_a_cantonese_note_read_whole():
    parse = understand("今日去咗大家樂見咗區經理陳生，佢哋想要HK$5萬嘅報價，聽日發", NOW, ["大家樂集團"])
    assert parse.intent == Intent.LOG
    assert parse.customer == "大家樂集團"
    assert parse.channel == Channel.VISIT
    assert parse.contact == "陳生"
    assert parse.amount == 50_000 and parse.currency == "HKD"
    assert parse.followup_on is not None and parse.followup_on.isoformat() == "2027-03-09"


def test_lost_in_cantonese():
    parse = understand("太興輸咗俾對手，佢哋平兩成", NOW, ["太興餐廳"])
    assert parse.customer == "太興餐廳" and parse.stage == Stage.LOST


def test_an_alias_in_traditional_characters():
    parse = understand("老太簽咗", NOW, ["太興飲食集團"], {"老太": "太興飲食集團"})
    assert parse.customer == "太興飲食集團"
