"""New Chinese companies where reps write them, and the person they met. Sentences written for
these tests in the phone style of real reps."""
from __future__ import annotations

import pytest

from handlers.understanding import understand

from understanding_data import NOW

KNOWN = ["苏州恒远精密机械有限公司", "宁波港兴国际物流有限公司"]


def u(text):
    return understand(text, NOW, KNOWN)


@pytest.mark.parametrize("text, customer", [
    ("嘉善一家做门窗的 金盾门业 老板姓沈 约了周四过去", "金盾门业"),
    ("昆山一家注塑厂 鑫达塑胶 采购小周 要报价", "鑫达塑胶"),
    ("新 宁波 甬丰五金 电话 老板要样品", "甬丰五金"),
    ("新客户 余姚 华美灯具 见了老板", "华美灯具"),
    ("新 舟山 海鲜汇 微信加了", "海鲜汇"),
    ("朋友介绍了个客户 好味道 做团餐的 老板娘姓何", "好味道"),
    ("江南食府 做连锁餐饮的 运营经理小林 要做会员系统", "江南食府"),
    ("下午去了一家叫“云朵科技”的公司 见了CTO", "云朵科技"),
    ("刚接了个电话 叫什么来着 叫金帆建材 想要报价", "金帆建材"),
    ("是温州那边的瓯越阀门 说是朋友推荐的", "瓯越阀门"),
    ("法国公司Belle Maison 做家居的 联系人Sophie", "Belle Maison"),
])
def test_a_new_company_is_found_where_it_is_written(text, customer):
    p = u(text)
    assert (p.customer, p.customer_known) == (customer, False)
    assert p.stage == "lead"


@pytest.mark.parametrize("text, contact", [
    ("嘉善一家做门窗的 金盾门业 老板姓沈 约了周四过去", "沈"),
    ("港兴的销售总监Kevin说下周来公司", "Kevin"),
    ("恒远那边跟Michael开了个视频会", "Michael"),
    ("港兴黄姐换号了 新号13911112222", "黄姐"),
    ("恒远生产部严工说样品测试通过了", "严工"),
    ("港兴运营总监Vivian Li 约了周五吃饭", "Vivian Li"),
])
def test_the_person_met_is_the_contact(text, contact):
    assert u(text).contact == contact


def test_a_factory_word_is_no_persons_title():
    p = u("新 湖州 天成化工 电话 要报价")
    assert (p.customer, p.contact) == ("天成化工", None)


def test_a_company_whose_contract_a_note_opens_with():
    p = u("嗯那个金鼎文创的合同签了 八万")
    assert (p.customer, p.customer_known, p.stage) == ("金鼎文创", False, "won")


def test_a_full_name_right_after_a_known_customer():
    assert u("港兴李强加上微信了 约了周三见面").contact == "李强"


@pytest.mark.parametrize("text, customer", [
    ("今天去拜访了一家新客户 叫恒信机械 老板姓周", "恒信机械"),
    ("佛山市顺德区美的达电器有限公司 采购部 陈经理", "佛山市顺德区美的达电器有限公司"),
    ("给新客户长城汽配发了报价 12万", "长城汽配"),
])
def test_the_name_ends_where_it_ends(text, customer):
    assert u(text).customer == customer


def test_a_place_before_that_is_no_person():
    p = u("刚接到个电话 是苏州那边的博雅教育 想了解一下")
    assert (p.customer, p.contact) == ("博雅教育", None)


@pytest.mark.parametrize("text, customer", [
    ("刚跟一个新客户通完电话 上海凯源物流 负责人孙总", "上海凯源物流"),
    ("下午有个客户来公司 苏州新宇纺织的 钱总 谈了两个小时", "苏州新宇纺织"),
])
def test_what_the_rep_did_is_not_the_name(text, customer):
    assert u(text).customer == customer


def test_interest_in_our_solution_is_no_proposal_sent():
    assert u("拜访了杭州西子智能的产品经理 他们对我们的方案有兴趣").stage == "lead"
    assert u("西子智能的方案昨天发过去了").stage == "proposal"


def test_a_new_contact_named_after_a_change():
    assert u("港兴的采购经理换成了赵敏").contact == "赵敏"


def test_a_name_after_jiaozuo_may_start_with_a_surname_character():
    p = u("那个今天下午啊 去了一个叫做金海岸的酒店 见了他们的总经理 呃姓林 预算呢大概是十来万")
    assert (p.customer, p.contact, p.stage, p.amount) == ("金海岸", "林", "qualified", 100000)


def test_a_budget_cut_is_not_qualified():
    assert u("港兴说今年预算砍了两成").stage is None


@pytest.mark.parametrize("text, contact", [
    ("他们那个物业经理姓吴叫吴建国 需要一个停车系统", "吴建国"),
    ("新客户 河北安泰医院 信息科白磊科长 要一套系统", "白磊"),
    ("对接的是采购部李娜，手机18601112222", "李娜"),
    ("港兴的采购Vivian今天问能不能先签保密协议 我把模板发她邮箱了", "Vivian"),
])
def test_more_ways_the_contact_is_written(text, contact):
    assert u(text).contact == contact
