"""Chat shorthand and casual cues: tmrw / nxt wk / f/u / EOD, POs and discounts, "decision maker is X",
Chinese space-separated notes, quarters and overdue questions, Russian "в пт" and "12 янв"."""
from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from handlers.understanding import understand

NOW = datetime(2026, 11, 25, 15, 0, tzinfo=ZoneInfo("Europe/London"))        # a Wednesday
EN = ["Northwind Traders", "Contoso Ltd"]
ZH = ["青山机械有限公司", "远景传媒有限公司"]
RU = ["ООО «Ромашка»", "АО «Сталь»"]


def test_tomorrow_and_next_week_shorthand():
    for text in ("contoso: left a vm, ping again 2moro", "ping northwind tmrw about the samples"):
        assert understand(text, NOW, EN).followup_on == date(2026, 11, 26), text
    for text in ("f/u with Contoso next wk on the renewal", "fu w northwind nxt wk", "need to call Contoso nxt wk"):
        parse = understand(text, NOW, EN)
        assert parse.followup_on == date(2026, 11, 30) and parse.channel is None, text


def test_eod_and_eow_are_the_reps_deadlines():
    assert understand("send Northwind the revised deck by EOD", NOW, EN).followup_on == date(2026, 11, 25)
    assert understand("Contoso contract redlines due EOW", NOW, EN).followup_on == date(2026, 11, 27)


def test_purchase_orders_are_wins():
    for text in ("Contoso sent us the PO for 120 seats", "northwind PO received, $22k", "got the PO from Contoso today"):
        assert understand(text, NOW, EN).stage == "won", text


def test_discount_haggling_is_negotiation_over_the_quote():
    parse = understand("Northwind asking for 15% off the $60k proposal", NOW, EN)
    assert parse.stage == "negotiation" and parse.amount == 60000
    assert understand("Contoso countered at 8%, we're countering with 4%", NOW, EN).stage == "negotiation"
    assert understand("sent Contoso a counter-offer on the license fee", NOW, EN).stage == "negotiation"


def test_decision_maker_and_point_of_contact_are_contacts():
    for text, name in (("Contoso renewal: decision maker is Priya Natarajan", "Priya Natarajan"),
                       ("northwind onboarding, our POC is Dana Whitfield", "Dana Whitfield"),
                       ("Contoso - point of contact is Marco Reyes", "Marco Reyes"),
                       ("Northwind DM is Helen Park, budget 30k", "Helen Park")):
        parse = understand(text, NOW, EN)
        assert parse.contact == name and parse.channel is None, text


def test_zh_space_separated_call_that_went_unanswered():
    parse = understand("远景传媒 打电话 没人接 后天再联系", NOW, ZH)
    assert parse.channel == "call" and parse.followup_on == date(2026, 11, 27)
    assert parse.customer == "远景传媒有限公司"


def test_zh_order_confirmed_is_won():
    for text in ("青山机械确认订单了，三十万", "远景传媒那边下了订单", "青山机械的订单已经确认了"):
        assert understand(text, NOW, ZH).stage == "won", text


def test_zh_overdue_and_quarters():
    for text in ("逾期的跟进有哪些", "还有哪些没跟进的"):
        assert understand(text, NOW, ZH).intent == "followups", text
    parse = understand("三季度的销售漏斗", NOW, [])
    assert parse.intent == "pipeline" and parse.period == (date(2026, 7, 1), date(2026, 9, 30))
    parse = understand("第一季度的业绩预测", NOW, [])          # a forecast in November: the coming Q1
    assert parse.intent == "pipeline" and parse.period == (date(2027, 1, 1), date(2027, 3, 31))


def test_ru_weekday_abbreviations_plan_the_step():
    parse = understand("во вт звонок в Сталь", NOW, RU)
    assert parse.followup_on == date(2026, 12, 1) and parse.channel is None
    parse = understand("до чт отправить КП Ромашке", NOW, RU)
    assert parse.followup_on == date(2026, 11, 26)


def test_ru_month_abbreviations():
    assert understand("встреча с Ромашкой 12 янв", NOW, RU).followup_on == date(2027, 1, 12)
    assert understand("Сталь: перезвонить 3 дек.", NOW, RU).followup_on == date(2026, 12, 3)
    assert understand("созвон со Сталью 10 нояб. 2027", NOW, RU).followup_on == date(2027, 11, 10)
