"""A team's own stage names are read where a stage is said, and in full: "set contract review
probability to 80%" names the renamed negotiation stage (a name of several words, in English and
Russian); "they made us an offer on the old kit" is a note that moves nothing for a team that calls
its proposal stage "offer", while "Globex moved to offer" or "the offer stage" moves the deal."""
from __future__ import annotations

import pytest

from tests.bot.conftest import Clock, bot, clock, crm, settings, store  # noqa: F401  (the chat fixtures)
from tests.bot.test_stage_names import stages, team, team_row  # noqa: F401


@pytest.mark.parametrize("rename, said, stage, percent", [
    ("rename stage negotiation to 'contract review'", "set contract review probability to 80%", "negotiation", 80),
    ("rename stage negotiation to 'contract review'", "please set the contract review probability to 85",
     "negotiation", 85),
    ("rename stage negotiation to 'contract review'", "set the probability of the contract review stage to 65%",
     "negotiation", 65),
    ("rename stage qualified to 'needs analysis done'", "needs analysis done probability 30%", "qualified", 30),
    ("переименуй этап переговоры в «согласование договора»", "вероятность этапа согласование договора 80%",
     "negotiation", 80),
    ("переименуй этап переговоры в «согласование договора»", "установи вероятность согласование договора на 70%",
     "negotiation", 70),
    ("把谈判中阶段改名为合同审核", "合同审核阶段的概率设为80%", "negotiation", 80),
])
async def test_a_probability_names_a_renamed_stage_of_several_words(team, engine, rename, said, stage, percent):
    assert (await team["anna"].say(rename)).wrote
    reply = await team["anna"].say(said)
    assert reply.wrote, reply.text
    assert team_row(engine).settings["stage_probabilities"] == {stage: percent}
    assert (await team["anna"].press(reply.undo_token)).wrote
    assert "stage_probabilities" not in team_row(engine).settings


@pytest.mark.parametrize("who, rename, setup, bare, said", [
    ("anna", "rename stage proposal to offer", "Visited Globex, 40k deal",
     "Called Globex, they made us an offer on the old kit", "Globex moved to offer"),
    ("anna", "rename stage qualified to 'discovery'", "Visited Globex, 40k deal",
     "Globex discovery call went well, they liked the demo", "Globex is now in discovery"),
    ("anna", "rename stage negotiation to 'paperwork'", "Visited Globex, 40k deal",
     "Called Globex, the paperwork for the site visit is ready", "Globex went into the paperwork stage"),
    ("wang", "把已报价阶段改名为方案", "拜访了星辰科技，商机10万",
     "星辰科技说方案不错，下周再聊", "星辰科技进入方案阶段"),
    ("olga", "переименуй этап квалифицирована в «бриф»", "Был у Вектора, сделка на 1 млн",
     "Звонил в Вектор, бриф они заполнят сами", "Вектор перешёл на этап бриф"),
])
async def test_a_stage_name_moves_a_deal_only_where_a_stage_is_said(team, engine, who, rename, setup, bare, said):
    assert (await team["anna"].say(rename)).wrote
    await team[who].say(setup)
    before = stages(engine)
    assert before and before[0] in ("lead", "qualified"), before
    reply = await team[who].say(bare)
    assert reply.wrote and stages(engine) == before, (reply.text, stages(engine))   # logged, the stage kept
    reply = await team[who].say(said)
    assert reply.wrote and stages(engine) != before, reply.text
