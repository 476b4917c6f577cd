"""Companies the team does not know yet, in the three languages: found by the words around
them and by how company names end, Russian ones put back in the nominative."""
import pytest

from handlers.understanding import understand

from understanding_data import EN, NOW, RU, ZH


def u(text, known=()):
    return understand(text, NOW, known)


@pytest.mark.parametrize("text, customer", [
    ("拜访了星辰科技，见了王总，报价12万，下周二跟进", "星辰科技"),
    ("给星辰科技打了电话", "星辰科技"),
    ("和华为的张总开了会", "华为"),
    ("去了宏达建材", "宏达建材"),
    ("今天见了东方红贸易的刘经理", "东方红贸易"),
    ("新客户：远帆物流", "远帆物流"),
    ("上午去金禾农业拜访了李总", "金禾农业"),
    ("跟蓝天医疗的采购经理王丽通了电话", "蓝天医疗"),
    ("金鼎机械签约了，合同金额50万", "金鼎机械"),
    ("发邮件给鑫源化工，把报价发过去了", "鑫源化工"),
    ("昨天和北方重工开了会，他们想降价", "北方重工"),
    ("我们的产品报价发给了绿洲食品", "绿洲食品"),
    ("华新水泥厂的赵厂长来电话", "华新水泥厂"),
    ("联系了恒达电子有限公司，对方说下周回复", "恒达电子有限公司"),
    ("星辰科技那边的刘经理说价格太高", "星辰科技"),
])
def test_new_chinese_company(text, customer):
    p = u(text, ZH)
    assert (p.intent, p.customer, p.customer_known) == ("log", customer, False)


@pytest.mark.parametrize("text", [
    "聊了明年的设备更新计划", "他们的软件系统有问题", "今天跑了三家客户，都不太顺利",
    "我们公司的新产品很受欢迎", "和客户吃了个饭，聊得不错", "见了他们的采购经理李强",
])
def test_no_chinese_company_in_plain_words(text):
    assert u(text, ZH).customer is None


def test_chinese_company_does_not_swallow_the_person_or_the_next_clause():
    p = u("拜访了星辰科技，见了王总，报价12万，下周二跟进", ZH)
    assert (p.customer, p.contact, p.channel, p.stage) == ("星辰科技", "王总", "visit", "proposal")
    p = u("和华为的张总开了会", ZH)
    assert (p.customer, p.contact, p.channel) == ("华为", "张总", "meeting")


def test_going_to_a_company_is_a_visit():
    assert u("去了宏达建材", ZH).channel == "visit"
    assert u("去了云帆公司一趟，张伟说年后再考虑", ZH).channel == "visit"


def test_known_chinese_customer_still_wins():
    p = u("给星辰软件打了电话", ZH)
    assert (p.customer, p.customer_known) == ("星辰软件有限公司", True)


@pytest.mark.parametrize("text, customer", [
    ("Был у Вектора", "Вектор"),
    ("Звонил в Вектор", "Вектор"),
    ("отправил Вектору КП", "Вектор"),
    ("встреча с Вектором", "Вектор"),
    ("в Векторе обсудили договор", "Вектор"),
    ("был у Ромашки", "Ромашка"),
    ("были у Северной Звезды", "Северная Звезда"),
    ("Созвонился с Ромашкой, обсудили цены", "Ромашка"),
    ("Написал Ромашке про оплату", "Ромашка"),
    ("Отправил КП в Ромашку", "Ромашка"),
    ("Заехал в Северную Звезду", "Северная Звезда"),
    ("Обсудили с Северной Звездой скидку", "Северная Звезда"),
    ("Был в Бета-Строе, подписали акт", "Бета-Строй"),
    ("У Гранита спросили про бюджет", "Гранит"),
    ("Встреча с Алтаем перенеслась", "Алтай"),
    ("был у Сибирского Меда", "Сибирский Мед"),
    ("Ромашка подписала договор", "Ромашка"),
    ("Вектор отказался", "Вектор"),
    ("созвонились с Анной из Гранита", "Гранит"),
    ("Встретился с директором Гранита Петром Ивановым", "Гранит"),
    ("встреча в ООО «Лотос»", "ООО «Лотос»"),
    ("Был в АО «Северные Звезды»", "АО «Северные Звезды»"),
])
def test_new_russian_company_in_the_nominative(text, customer):
    p = u(text, RU[1:])       # "Вектор" is not known here
    assert (p.customer, p.customer_known) == (customer, False)


@pytest.mark.parametrize("text", [
    "Был на выставке в Москве", "Созвонился с Иваном, он думает", "Они подписали договор",
    "Отправил КП, ждём ответа", "Звонил в бухгалтерию, счет оплатят завтра", "Встреча перенеслась на вторник",
    "говорил с Ивановым про сделку",
])
def test_no_russian_company_in_plain_words(text):
    assert u(text, RU[1:]).customer is None


def test_known_russian_customer_matches_in_any_case():
    for text in ("Был у Вектора", "встреча с Вектором", "отправил Вектору КП", "в Векторе обсудили договор"):
        p = u(text, RU)
        assert (p.customer, p.customer_known) == ("ООО «Вектор»", True)


def test_person_next_to_new_russian_company():
    p = u("Встретился с директором Гранита Петром Ивановым", RU)
    assert (p.customer, p.contact) == ("Гранит", "Пётр Иванов")


@pytest.mark.parametrize("text, customer", [
    ("Visited Initech, sent the quote for $10k", "Initech"),
    ("Called Initech, no answer", "Initech"),
    ("called Initech, no answer", "Initech"),
    ("Emailed Initech the contract", "Initech"),
    ("Met Jack from Initech", "Initech"),
    ("Initech signed!", "Initech"),
    ("Sent Harborline the quote", "Harborline"),
    ("called initech", "initech"),
    ("Had a call with Sarah from Wayne Enterprises", "Wayne Enterprises"),
    ("Lunch with Bob at Vandelay Industries", "Vandelay Industries"),
    ("Sent the proposal to Hooli for 25k", "Hooli"),
    ("Hooli wants a discount", "Hooli"),
    ("Finally signed Hooli!", "Hooli"),
    ("Dropped by Pied Piper, they need 10 licenses", "Pied Piper"),
    ("Quick call with Priyanka from Initech", "Initech"),
])
def test_new_english_company(text, customer):
    p = u(text, EN[:2])
    assert (p.intent, p.customer, p.customer_known) == ("log", customer, False)


@pytest.mark.parametrize("text", [
    "Called Monday, no answer", "Met the team on Tuesday", "Called back, no luck", "talked to them yesterday",
    "Met Maria, their CFO.", "talked to Maria", "Spoke with John about pricing", "called back twice",
    "Sent the quote, waiting", "Met with the CFO today", "emailed them in March",
])
def test_no_english_company_from_people_days_or_pronouns(text):
    assert u(text, EN[:2]).customer is None


@pytest.mark.parametrize("text, customer", [
    ("阿里巴巴签了，合同100万", "阿里巴巴"),
    ("美团那边觉得价格太高", "美团"),
    ("给小米科技发了方案", "小米科技"),
    ("Had coffee with Lisa Park of Brightline Dental", "Brightline Dental"),
    ("New lead: Bluefin Analytics, contact is Mark Lee", "Bluefin Analytics"),
    ("Talked to the owner of Casa Verde", "Casa Verde"),
    ("Отправил счет Альфа-Банку", "Альфа-Банк"),
    ("Отправил КП Ромашке", "Ромашка"),
])
def test_company_as_subject_or_owner(text, customer):
    assert u(text).customer == customer


@pytest.mark.parametrize("text", ["张伟签了合同", "今天签了，合同100万", "项目那边没有进展", "老板签了字",
                                  "拜访了中建三局，聊了二期工程", "отправил письмо Ивану"])
def test_no_company_from_people_or_plain_words(text):
    assert u(text).customer is None


@pytest.mark.parametrize("text, customer", [
    ("Called Vector 2 about the renewal", "Vector 2"),
    ("Visited Store 24, quote $5k", "Store 24"),
    ("Visited Studio 54 today", "Studio 54"),
    ("Called Acme 2 times this week", "Acme"),          # a count, not part of the name
    ("Sent Initech 50 units", "Initech"),
    ("Visited Hooli 3 days ago", "Hooli"),
    ("Quoted Globex 42k", "Globex"),
])
def test_a_number_written_after_a_new_company_is_part_of_its_name_unless_it_counts_something(text, customer):
    assert u(text).customer == customer


@pytest.mark.parametrize("text, known, customer", [
    ("Called Customer2 Ltd, follow up Friday", ["Customer1 Ltd"], "Customer2 Ltd"),
    ("Called Vector 2", ["Vector 1"], "Vector 2"),
    ("Called Vector 1 back", ["Vector 1", "Vector 2"], "Vector 1"),
    ("Visited store 24 again", ["Store 24", "Store 25"], "Store 24"),
])
def test_names_that_differ_by_a_number_are_different_customers_not_typos(text, known, customer):
    assert u(text, known).customer == customer


@pytest.mark.parametrize("text, customer", [
    ("Marco's deli in Whitstable, owner Marco wants 300 boxes, quoted £420", "Marco's deli"),
    ("Auberge du Pont in Lyon (new, owner Mme Caron) - ordered 80 pillows", "Auberge du Pont"),
    ("Bricks & Co in Peckham, manager Lou, wants 5k lids a month", "Bricks & Co"),
    ("visited Harlan Dental in Boise, spoke w/ Dr. Reyes", "Harlan Dental"),
])
def test_a_business_named_before_its_town_is_the_customer_not_the_town(text, customer):
    """"<business> in <town>": the town is where it is, the customer is the business (trial: Seaford, Annecy,
    Brixton, Hove became customers)."""
    assert understand(text, NOW, []).customer == customer
