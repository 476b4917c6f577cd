"""Chinese notes read by how reps form them, not by the sentences the rules were tuned on: a new
company's name between what it does and who was met, the channel of today's contact beside how
the writer first met them, a stage from what was done or is still ahead, the writer's next step
apart from the customer's promise. Sentences written for these tests (a Wednesday in Shanghai)."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from handlers.understanding import understand

NOW = datetime(2026, 12, 2, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))      # a Wednesday
HENGYUAN, YUNQI, RONGXIN, BOAN = KNOWN = ["苏州恒远精密机械有限公司", "杭州云栖信息技术有限公司",
                                          "成都蓉欣食品有限公司", "南京博安消防设备有限公司"]


def read(text):
    p = understand(text, NOW, KNOWN)
    return {"intent": p.intent, "customer": p.customer, "contact": p.contact, "channel": p.channel, "stage": p.stage,
            "amount": p.amount, "followup_on": p.followup_on and p.followup_on.isoformat(), "birthday": p.birthday}


def check(text, expected):
    got = read(text)
    assert {k: got[k] for k in expected} == expected, text


@pytest.mark.parametrize("text, expected", [
    ("厦门做茶叶的 鹭山茶业 老板小陈 线上聊的", {"customer": "鹭山茶业", "contact": "小陈"}),
    ("下午去滨江见了蓝鲸出海 做跨境物流的 运营总监Amy", {"customer": "蓝鲸出海", "contact": "Amy", "channel": "visit"}),
    ("松山湖的极智机器人 COO冯总今天来我们公司参观", {"customer": "极智机器人", "contact": "冯总", "channel": "meeting"}),
    ("泸州的三江酒业 嗯 见了他们老板 姓罗", {"customer": "三江酒业", "contact": "罗", "channel": "visit"}),
    ("刚刚在光谷 星途智联 马总 融资到位了", {"customer": "星途智联", "contact": "马总"}),
    ("合肥 新客户 江淮精工 技术部宋工 要样品 明天寄", {"customer": "江淮精工", "contact": "宋工", "followup_on": "2026-12-03"}),
    ("刚离开鼎盛集团 他们下个月要招标", {"customer": "鼎盛集团", "channel": "visit"}),
    ("今天拜访了常州新城电气 见了采购部周经理", {"customer": "常州新城电气", "contact": "周经理", "stage": "lead"}),
    ("给华信电子打了三次电话都打不通", {"customer": "华信电子", "channel": "call"}),
    ("在义乌 万通贸易 见了老板娘陈姐", {"customer": "万通贸易", "contact": "陈姐", "channel": "visit"}),
    ("今天签了两家物流公司", {"customer": None}),
])
def test_a_new_company_is_named_where_reps_write_it(text, expected):
    check(text, expected)


@pytest.mark.parametrize("text, channel", [
    ("上周五展会上认识的宁波海达机电的孙总 今天打了电话 他们要样品", "call"),
    ("杭州做围巾的 西湖丝语 老板娘 上海展会上认识的 今天打电话过来", "call"),
    ("上周进博会上认识的德国公司Grünwald 做厨具的", "meeting"),
    ("昨天在上海电子展跟一家叫锐联科技的聊了几句 加了微信", "meeting"),
    ("晚上在商会活动上认识了一个做建材的 宏基建材 老板姓梁 加了微信", "meeting"),
    ("接到一个陌生的询价电话 是做包装的 金鹏包装", "call"),
    ("接到“宁波市鄞州区天恒模具有限公司”的电话 问交期", "call"),
    ("我昨天给博安打过电话 对方说在开会", "call"),
    ("蓉欣王总微信说下周二签", "message"),
    ("徐汇一家咨询公司 智库咨询 合伙人Linda 领英上聊的", "message"),
    ("今天见了云栖的刘经理", "visit"),
    ("云栖的王总约我过去聊了一下", "visit"),
    ("博安的孙经理打电话说下周签", "call"),
])
def test_todays_contact_is_the_channel_not_how_they_first_met(text, channel):
    assert read(text)["channel"] == channel


@pytest.mark.parametrize("text, stage", [
    ("恒远采购说价格还要再降两个点", "negotiation"),
    ("云栖那边金额要再压3个点", "negotiation"),
    ("蓉欣觉得方案可以 就是交货期要提前两周", "negotiation"),
    ("博安 20万他们老板批了 合同年后寄过来", "negotiation"),
    ("恒远续约定了 还是一年6万 这周内把合同发过去", "negotiation"),
    ("云栖的合同还在他们法务那边", "negotiation"),
    ("蓉欣的合同已经盖章寄回来了", "won"),
    ("博安最后选了另外一家 便宜了十几万", "lost"),
    ("恒远最后选了别家 价格差太多", "lost"),
    ("云栖 先按每个账号每年600报了", "proposal"),
    ("给蓉欣的李姐报了个基础版 一年1.2万", "proposal"),
    ("博安的王总让我先出一版正式报价", "qualified"),
    ("恒远李经理说今年要上新系统 让我们按两个厂打包报价", "qualified"),
    ("云栖的预算USD 60k 下一步发正式quotation", "qualified"),
    ("蓉欣的需求文档拿到了 报价可以先按50万准备", "qualified"),
    ("博安 二期要做 大概80万", "qualified"),
    ("恒远的NDA他们法务签好寄回来了", None),
    ("云栖采购预算砍了两成", None),
])
def test_the_stage_comes_from_what_was_done(text, stage):
    assert read(text)["stage"] == stage


@pytest.mark.parametrize("text, stage", [
    ("无锡一家做传感器的叫华感科技 技术总监王博 让我们下周一前出个方案", "lead"),
    ("合肥一家药厂 济安药业 采购让我出个报价", "lead"),
    ("云栖王总让我出个报价", "qualified"),
])
def test_a_quote_asked_for_is_a_new_companys_first_inquiry_and_a_known_ones_need(text, stage):
    assert read(text)["stage"] == stage


@pytest.mark.parametrize("text, day", [
    ("博安的合同明天寄过来", None),
    ("恒远说PO周一发过来", None),
    ("云栖的陈经理说下个月初给答复", None),
    ("蓉欣说合同下周一寄过来，到时候提醒我跟财务确认首付款", "2026-12-07"),
    ("恒远的刘总说他们下周签合同然后让我们先把账号开起来我明天安排一下", "2026-12-03"),
    ("云栖说交货要三月底之前要交货然后我说周五之前给他回复", "2026-12-04"),
    ("博安老板回来了 合同这周可以签了 我周四带合同过去找他签", "2026-12-03"),
    ("刚从浦东一家叫海纳物流的公司出来 他们要做车队管理 下周给方案", "2026-12-07"),
    ("蓉欣的技术交流会 时间暂定下周四", "2026-12-10"),
])
def test_the_writers_next_step_not_the_customers_promise(text, day):
    assert read(text)["followup_on"] == day


@pytest.mark.parametrize("text, amount", [
    ("恒远1.5个亿的项目 下周去拜访", 150_000_000),
    ("云栖那个两个亿的盘子 竞争很激烈", 200_000_000),
    ("蓉欣 八千块的小单", 8000),
])
def test_amounts_as_reps_say_them(text, amount):
    assert read(text)["amount"] == amount


@pytest.mark.parametrize("text", ["下季度估计能签几单", "明年一季度预计能成交多少"])
def test_a_question_about_the_forecast_is_no_close_date(text):
    p = understand(text, NOW, KNOWN)
    assert p.intent == "pipeline" and p.close_on is None


@pytest.mark.parametrize("text, expected", [
    ("有个新客户叫安泰 做物业的 负责人钟经理 电话聊了十分钟", {"customer": "安泰", "contact": "钟经理", "channel": "call"}),
    ("那个叫啥来着 对 叫云图科技 他们CTO老许今天来公司看了演示", {"customer": "云图科技", "contact": "老许"}),
    ("上门去了一趟德邦五金 老板不在 下周一再去", {"customer": "德邦五金", "followup_on": "2026-12-07"}),
    ("上周在广交会上认识的越南客户 Saigon Trading 今天发邮件来要报价", {"customer": "Saigon Trading", "channel": "email"}),
    ("今天跑了一家做眼镜的 叫明目视界 在丹阳", {"customer": "明目视界", "channel": "visit"}),
])
def test_names_after_called_a_trip_or_in_latin_words(text, expected):
    check(text, expected)


@pytest.mark.parametrize("text, channel", [
    ("跟金诚物流的黄总在他们公司楼下喝了个咖啡", "meeting"),
    ("下午线上开了个会 跟智云软件的产品总监讲了一个小时", "call"),
    ("今天在客户那边待了一下午 恒远的设备部刘工带着看了产线", "visit"),
    ("昨天参加了一个线上直播会 有家叫花样年华的公司私信要资料", "message"),
])
def test_more_channels_as_reps_say_them(text, channel):
    assert read(text)["channel"] == channel


@pytest.mark.parametrize("text, stage", [
    ("嘉禾食品的合同还在走审批 估计下周能签", "negotiation"),
    ("云栖的款到了", "won"),
    ("蓉欣首期款到了 20万", None),
])
def test_approval_under_way_and_money_received(text, stage):
    assert read(text)["stage"] == stage


@pytest.mark.parametrize("text, day", [
    ("佳能达的李经理说他们老板下周回来再定", None),
    ("云栖 周五前 把报价发过去", "2026-12-04"),
])
def test_a_day_alone_before_its_step_and_a_decision_left_to_them(text, day):
    assert read(text)["followup_on"] == day


def test_what_will_sign_next_month_is_a_pipeline_question():
    assert read("下个月要签的有哪些")["intent"] == "pipeline"


@pytest.mark.parametrize("text, contact", [
    ("云栖续费的事跟他们IT主管阿强聊了 没问题", "阿强"),
    ("蓉欣的联系人叫小美（微信名） 已经把资料发过去了", "小美"),
    ("恒远的总务铃木先生打电话来 要报价", "铃木先生"),
    ("蓉欣中国区负责人金先生 微信上聊的", "金先生"),
    ("去了博安 刘德华人挺好 说先试用一个月", "刘德华"),
    ("云栖的王总 哦不是王总是汪总 说下周签", "汪总"),
    ("恒远的李经理 不对 是黎经理 要样品", "黎经理"),
])
def test_contacts_after_a_role_judged_or_taken_back(text, contact):
    assert read(text)["contact"] == contact


@pytest.mark.parametrize("text, amount, currency", [
    ("蓉欣报价要用港币 大概HKD 150k", 150_000, "HKD"),
    ("博安 日本总部 报价200万日元", 2_000_000, "JPY"),
    ("博安 欧元报价 5万欧", 50_000, "EUR"),
    ("恒远 12万美金的单子", 120_000, "USD"),
])
def test_currencies_named_in_chinese(text, amount, currency):
    p = understand(text, NOW, KNOWN)
    assert (p.amount, p.currency) == (amount, currency)


def test_a_birthday_written_with_a_dot():
    assert read("恒远 李总 生日 5.20")["birthday"] == "05-20"
    assert read("恒远 报价5.20万")["birthday"] is None


def test_a_visit_to_a_known_customer_after_qu_le():
    assert read("去了博安 见了孙经理")["channel"] == "visit"


@pytest.mark.parametrize("text, intent", [
    ("恒远还跟不跟", "query_customer"),
    ("云栖的单子签不签得下来", "query_customer"),
    ("恒远的合同呢", "query_customer"),
    ("帮我查下博安的联系人电话", "query_customer"),
    ("蓉欣有消息吗", "query_customer"),
    ("云栖有没有新进展", "query_customer"),
    ("云栖那边还没有消息", "log"),
    ("Q1预计能进多少", "pipeline"),
    ("这个bot能语音吗", "help"),
    ("能发语音记录吗", "help"),
])
def test_casual_questions_never_write(text, intent):
    assert read(text)["intent"] == intent


def test_a_new_company_met_through_a_chamber_of_commerce_is_a_meeting():
    p = understand("通过商会认识了一家做冷链的 北港冷链 老板姓钱", NOW, KNOWN)
    assert (p.customer, p.channel, p.source) == ("北港冷链", "meeting", "商会")


@pytest.mark.parametrize("text, expected", [
    ("今天去了昆山一家做模具的精铭模具技术部周工说要看样品",
     {"customer": "精铭模具", "contact": "周工", "channel": "visit"}),
    ("潮州一家陶瓷厂瓷都陶艺电话打了对方说老板出差了下周再打",
     {"customer": "瓷都陶艺", "channel": "call", "followup_on": "2026-12-07"}),
    ("嗯刚刚在苏州见了一家做医疗器械的叫康达医疗他们采购经理姓白说下个月要招标",
     {"customer": "康达医疗", "contact": "白", "channel": "visit", "followup_on": None}),
    ("静安一家广告公司一点创意创意总监Leo朋友圈看到我们产品", {"customer": "一点创意", "contact": "Leo"}),
    ("嘉兴一家纺织厂华美纺织老板娘沈姐人很好说年后再联系", {"customer": "华美纺织", "contact": "沈姐"}),
    ("新宁波顺丰汽配杜总微信同号", {"customer": "宁波顺丰汽配"}),
    ("嗯在西安大唐文旅那边又来了一趟", {"customer": "大唐文旅"}),
    ("刚去了一家做外贸的叫远航进出口在那个天府三街老板姓邓", {"customer": "远航进出口", "contact": "邓"}),
    ("拜访了北京金桥国际会展的市场部总监孙丽明年要办三场展", {"contact": "孙丽"}),
    ("早上拜访了一家做调料的叫巴山红食品厂长姓罗", {"customer": "巴山红食品", "contact": "罗"}),
    ("余姚天成塑业 电话 采购徐工 下周去", {"customer": "余姚天成塑业", "channel": "call", "contact": "徐工"}),
    ("云栖去了老总不在下周", {"channel": "visit", "followup_on": "2026-12-07"}),
    ("云栖那边有人跟吗好久没消息了", {"intent": "query_customer"}),
])
def test_dictated_notes_without_spaces(text, expected):
    check(text, expected)


def test_a_number_before_a_month_is_not_part_of_the_amount():
    assert read("恒远二期大概五十万四月份出方案")["amount"] == 500_000


@pytest.mark.parametrize("text, stage", [
    ("蓉欣的合同我们这边盖完章寄过去了 等他们回签", "negotiation"),
    ("博安说我们的价格比竞品高了20% 要再考虑", "negotiation"),
    ("恒远那个单子最后给了本地一家", "lost"),
    ("蓉欣 样品测试合格 准备下单", "negotiation"),
    ("恒远已经把预付款打过来了", "won"),
    ("恒远 合同 已签 32万", "won"),
    ("恒远老板已经签字批了增购预算", None),
    ("云栖要求再打个95折", "negotiation"),
    ("博安那边说我们的方案他们内部在评估", "proposal"),
    ("蓉欣技术方案通过了 商务报价下周提交", "qualified"),
    ("云栖的订单到了 120万", "won"),
    ("博安老板拍板了 就用我们的", "won"),
])
def test_more_stages_from_what_was_done(text, stage):
    assert read(text)["stage"] == stage


@pytest.mark.parametrize("text, day", [
    ("恒远他们在考虑 下周过来", "2026-12-07"),
    ("恒远王总在忙 让我明天过来", "2026-12-03"),
])
def test_being_busy_or_thinking_is_no_lead_source(text, day):
    p = understand(text, NOW, KNOWN)
    assert p.source is None and p.followup_on.isoformat() == day


def test_a_source_is_still_read():
    assert understand("恒远是在网上看到我们的", NOW, KNOWN).source == "website"


@pytest.mark.parametrize("text, channel", [
    ("云栖的人来我们工厂看了 挺满意", "meeting"),
    ("恒远今天打不通 关机了", "call"),
])
def test_a_visit_to_us_and_a_phone_switched_off(text, channel):
    assert read(text)["channel"] == channel


@pytest.mark.parametrize("text, intent, period", [
    ("上周每个人打了几个电话", "activity", ("2026-11-23", "2026-11-29")),
    ("小李这周干嘛了", "activity", ("2026-11-30", "2026-12-06")),
    ("我今天要干啥", "followups", ("2026-12-02", "2026-12-02")),
    ("下周要签的单子", "pipeline", ("2026-12-07", "2026-12-13")),
    ("有多少客户没跟进超过一个月了", "followups", None),
])
def test_managers_questions_and_their_periods(text, intent, period):
    p = understand(text, NOW, KNOWN)
    assert p.intent == intent
    assert (p.period and (p.period[0].isoformat(), p.period[1].isoformat())) == period


@pytest.mark.parametrize("text, amount", [
    ("恒远 一年3万2", 32_000),
    ("云栖 报价8千5", 8_500),
    ("蓉欣 1万5的小单", 15_000),
    ("博安 3万2台设备", 30_000),
    ("恒远 从40万降到了35万", 350_000),
])
def test_a_digit_after_wan_or_qian_and_a_price_lowered(text, amount):
    assert read(text)["amount"] == amount
