"""A member's own pipeline, asked in their words ("my pipeline", "my deals", "我的销售管道", "我的商机",
"моя воронка", "мои сделки"): only the deals they own, in the team's stage names and order; a
colleague's and another team's deals are not in it."""
from __future__ import annotations

import pytest
from sqlmodel import Session

from bot.adapters.console import Console
from storage.members import add_user, get_team
from tests.bot.conftest import Clock, bot, clock, crm, settings, store  # noqa: F401  (the chat fixtures)
from tests.bot.test_stage_names import team  # noqa: F401  (Anna admin, Wang rep, Olga manager, Nora of north)


@pytest.fixture
async def deals(team, crm, engine) -> dict[str, Console]:
    with Session(engine) as s:
        add_user(s, get_team(s, "default"), "console", "ivan", "Ivan", "rep")
        s.commit()
    chats = {**team, "ivan": Console(crm, user="ivan", name="Ivan")}
    assert (await chats["anna"].say("Visited Globex, sent the quote for $42k")).wrote
    assert (await chats["wang"].say("拜访了星辰科技，报价12万")).wrote
    assert (await chats["ivan"].say("Был у Вектора, отправил КП на 1,2 млн рублей")).wrote
    assert (await chats["nora"].say("Visited Umbrella, sent the quote for $9k")).wrote
    return chats


@pytest.mark.parametrize("who, asked, title, own, others", [
    ("anna", "my pipeline", "Your pipeline", "$42,000", ("120,000", "1,200,000", "$9,000")),
    ("anna", "my deals", "Your pipeline", "$42,000", ("120,000", "1,200,000", "$9,000")),
    ("wang", "我的销售管道", "你的销售漏斗", "120,000", ("42,000", "1,200,000")),
    ("wang", "我的商机", "你的销售漏斗", "120,000", ("42,000", "1,200,000")),
    ("ivan", "моя воронка", "Ваша воронка", "1 200 000", ("42 000", "120 000")),
    ("ivan", "мои сделки", "Ваша воронка", "1 200 000", ("42 000", "120 000")),
])
async def test_my_pipeline_holds_only_my_deals(deals, who, asked, title, own, others):
    reply = (await deals[who].say(asked)).text.replace("\u00a0", " ")
    assert reply.startswith(title) and own in reply, reply
    assert not any(other in reply for other in others), reply


async def test_my_pipeline_uses_the_teams_stage_names_and_order(deals):
    assert (await deals["anna"].say("our stages are lead, proposal and negotiation")).wrote
    assert (await deals["anna"].say("把已报价阶段改名为方案已发")).wrote
    reply = (await deals["wang"].say("我的商机")).text
    assert "方案已发" in reply and "已确认需求" not in reply, reply


@pytest.mark.parametrize("text, mine", [
    ("my pipeline", True), ("我的销售管道", True), ("моя воронка", True), ("мои сделки", True),
    ("pipeline this month", False), ("销售漏斗", False), ("воронка", False),
])
def test_understanding_says_whether_a_report_is_about_the_writers_own_figures(text, mine):
    from datetime import datetime, timezone

    from handlers.understanding.core import understand
    from handlers.understanding.report_words import settle_report

    now = datetime(2026, 11, 23, 10, tzinfo=timezone.utc)
    parse = settle_report(understand(text, now), text, now.date())
    assert parse.report is not None and parse.mine is mine
