"""Phrasings met while probing fresh notes: a contact introduced as "contact X", visits to us."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from handlers.understanding import understand

NOW = datetime(2026, 11, 25, 15, 0, tzinfo=ZoneInfo("Europe/London"))


def test_contact_named_after_the_word_contact():
    parse = understand("new lead: Brookside Bakery, contact Lena Ford lena@brookside.example", NOW, [])
    assert parse.contact == "Lena Ford" and parse.contact_email == "lena@brookside.example"
    parse = understand("Harbor Tools is interested, contact person is Omar Haddad", NOW, ["Harbor Tools"])
    assert parse.contact == "Omar Haddad" and parse.customer == "Harbor Tools"


def test_a_customer_visiting_us_is_a_meeting():
    known = ["青山机械有限公司", "远景传媒有限公司"]
    assert understand("青山机械来我们公司参观了，王工带队", NOW, known).channel == "meeting"
    parse = understand("远景传媒的李总来考察工厂", NOW, known)
    assert parse.channel == "meeting" and parse.customer == "远景传媒有限公司"


def test_status_questions_are_customer_queries():
    known = ["Northbeam Analytics", "Quarry Stone Co"]
    for text in ("status of the Northbeam deal", "any updates on Quarry Stone?", "how's Northbeam doing"):
        parse = understand(text, NOW, known)
        assert parse.intent == "query_customer" and parse.customer in known, text


def test_end_of_next_week_is_its_friday():
    # Wednesday 25 November 2026: next week runs 30 Nov – 6 Dec
    assert str(understand("ping Quarry Stone end of next week", NOW, ["Quarry Stone Co"]).followup_on) == "2026-12-04"
    assert str(understand("созвонимся с Кедром к концу следующей недели", NOW, ["ООО «Кедр»"]).followup_on) == "2026-12-04"


def test_a_number_right_after_a_chinese_comma_is_an_amount():
    parse = understand("青山机械的合同谈下来了，68万，下周付首款", NOW, ["青山机械有限公司"])
    assert parse.stage == "won" and parse.amount == 680000 and parse.currency == "CNY"


def test_a_past_quarter_is_next_years_for_a_forecast_but_this_years_for_activity():
    forecast = understand("forecast for Q1?", NOW, [])
    assert forecast.intent == "pipeline" and str(forecast.period[0]) == "2027-01-01"
    done = understand("what did the team do in Q1", NOW, [])
    assert done.intent == "activity" and str(done.period[0]) == "2026-01-01"
    assert str(understand("第四季度的业绩预测", NOW, []).period[1]) == "2026-12-31"


def test_russian_day_of_the_month():
    known = ["АО «Гранит»"]
    assert str(understand("10-го числа написать Граниту", NOW, known).followup_on) == "2026-12-10"
    assert str(understand("созвониться с Гранитом 28 числа", NOW, known).followup_on) == "2026-11-28"


def test_a_bare_customer_name_asks_for_its_card():
    known = ["Northbeam Analytics", "青山机械有限公司", "АО «Гранит»"]
    for text in ("Northbeam?", "青山机械", "Гранит"):
        parse = understand(text, NOW, known)
        assert parse.intent == "query_customer" and parse.customer in known, text


def test_greetings_get_help_and_what_to_do_lists_follow_ups():
    for text in ("hello", "Привет!", "你好"):
        assert understand(text, NOW, []).intent == "help", text
    parse = understand("what should I do today", NOW, [])
    assert parse.intent == "followups" and str(parse.period[0]) == "2026-11-25"
    assert understand("что мне сегодня делать?", NOW, []).intent == "followups"


def test_a_month_by_name_is_a_period():
    parse = understand("сколько в воронке на декабрь", NOW, [])
    assert parse.intent == "pipeline" and (str(parse.period[0]), str(parse.period[1])) == ("2026-12-01", "2026-12-31")
    parse = understand("pipeline for March", NOW, [])        # asked in November: the coming March
    assert str(parse.period[0]) == "2027-03-01"
    parse = understand("12月份的销售漏斗", NOW, [])
    assert parse.intent == "pipeline" and str(parse.period[0]) == "2026-12-01"


def test_a_unit_price_is_not_the_deal_value_when_a_total_is_written():
    parse = understand("Spoke to Lisa at Crestline, 500 units at $12 per unit so ~$6k total", NOW, ["Crestline Medical"])
    assert parse.amount == 6000


def test_ranges_take_their_lower_end_and_changes_their_new_value():
    assert understand("Bayview: budget ~$30-40k", NOW, ["Bayview Hotels"]).amount == 30000
    assert understand("Кедр: сумма выросла с 2 до 3 млн", NOW, ["ООО «Кедр»"]).amount == 3000000
    assert understand("青山机械预算30到40万", NOW, ["青山机械有限公司"]).amount == 300000


def test_saying_no_for_the_incumbent_is_a_loss():
    parse = understand("Bayview Hotels said no - they renewed with their current vendor", NOW, ["Bayview Hotels"])
    assert parse.stage == "lost"


def test_a_reminder_on_a_birthday_is_also_the_follow_up_day():
    parse = understand("напомни 3 декабря поздравить Петрова из Кедра с днём рождения", NOW, ["ООО «Кедр»"])
    assert str(parse.followup_on) == "2026-12-03" and parse.birthday == "12-03"


def test_titles_and_honorifics_name_the_contact():
    parse = understand("拜访青山机械，见了总经理赵刚和财务总监", NOW, ["青山机械有限公司"])
    assert (parse.contact, parse.contact_role) == ("赵刚", "总经理")
    parse = understand("Northbeam - Mrs. Okafor wants a callback Friday", NOW, ["Northbeam Analytics"])
    assert parse.contact == "Mrs. Okafor" and str(parse.followup_on) == "2026-11-27"
