"""Chinese chat notes, written fresh (not the eval set)."""
from datetime import date
from decimal import Decimal

from handlers.understanding import understand

from understanding_data import NOW, ZH


def u(text, known=ZH):
    return understand(text, NOW, known)


def test_visit_boss_quote_next_monday():
    p = u("上午去华润建设拜访了张总，聊了二期项目，报价单下周一发过去")
    assert (p.lang, p.intent, p.customer, p.contact) == ("zh", "log", "华润建设有限公司", "张总")
    assert (p.channel, p.stage, p.followup_on) == ("visit", "proposal", date(2026, 11, 30))


def test_call_budget_approved_with_wan_amount():
    p = u("给远航物流的王经理打电话，他说预算已经批了，大概50万")
    assert (p.customer, p.contact, p.channel, p.stage) == ("远航物流有限公司", "王经理", "call", "qualified")
    assert (p.amount, p.currency) == (Decimal(500000), "CNY")


def test_signed_with_yuan():
    p = u("海天食品签了！合同总额120万元，下个月开始供货")
    assert (p.customer, p.stage, p.amount, p.currency) == ("海天食品股份有限公司", "won", Decimal(1200000), "CNY")


def test_lost():
    assert u("星辰软件那边丢单了，选了别家").stage == "lost"


def test_video_meeting_is_a_call_and_discount_is_negotiation():
    p = u("和东方电气的李工开了个视频会，技术方案基本确认，他们要折扣")
    assert (p.customer, p.contact, p.channel, p.stage) == ("东方电气集团", "李工", "call", "negotiation")


def test_birthday_with_hao():
    p = u("远航物流的刘总生日是10月20号")
    assert (p.contact, p.birthday, p.followup_on) == ("刘总", "10-20", None)


def test_next_week_weekday_visit_is_a_followup():
    p = u("下周三去拜访远航物流")
    assert (p.customer, p.followup_on, p.channel) == ("远航物流有限公司", date(2026, 12, 2), None)


def test_reminder_tomorrow_short_name():
    p = u("提醒我明天给海天打电话")
    assert (p.customer, p.followup_on, p.channel) == ("海天食品股份有限公司", date(2026, 11, 26), None)


def test_days_later_and_month_end():
    assert u("三天后回访东方电气").followup_on == date(2026, 11, 28)
    assert u("月底前把合同发给海天").followup_on == date(2026, 11, 30)


def test_new_customer_at_expo_is_a_lead():
    p = u("在展会上认识了新客户广州恒通贸易，联系人赵丽，电话13812345678")
    assert (p.customer, p.customer_known, p.contact, p.stage, p.channel) == ("广州恒通贸易", False, "赵丽", "lead", "meeting")
    assert p.contact_phone == "13812345678"


def test_wechat_is_a_message():
    p = u("微信跟星辰的陈经理沟通了一下")
    assert (p.customer, p.contact, p.channel) == ("星辰软件有限公司", "陈经理", "message")


def test_haggling_over_price():
    p = u("华润那边说价格太贵了，要再降10个点，还在谈")
    assert (p.customer, p.stage, p.amount) == ("华润建设有限公司", "negotiation", None)


def test_questions_and_commands():
    assert (u("查一下华润建设").intent, u("查一下华润建设").customer) == ("query_customer", "华润建设有限公司")
    assert u("远航物流最近怎么样？").intent == "query_customer"
    p = u("本月的销售预测")
    assert (p.intent, p.period) == ("pipeline", (date(2026, 11, 1), date(2026, 11, 30)))
    p = u("这周我要跟进哪些客户")
    assert (p.intent, p.period) == ("followups", (date(2026, 11, 23), date(2026, 11, 29)))
    assert u("上周团队拜访了多少客户").intent == "activity"
    assert u("撤回").intent == "undo"
    assert (u("完成 3").intent, u("完成 3").done_ref) == ("done", 3)
    assert u("帮助").intent == "help"


def test_small_talk_is_unknown():
    assert u("今天天气不错").intent == "unknown"
