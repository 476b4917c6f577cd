"""A team's own stage names, per language: an admin renames a stage in chat ("rename stage
negotiation to 'contract review'", "把谈判中阶段改名为合同审核", "переименуй этап переговоры в
«согласование договора»") or with `crmbot team set stage_name`; the team's replies, cards,
reports, reminders and weekly digest then use it in that language, its notes are read with it,
and the stored stage stays the canonical one. Another team keeps the bot's names; a name another
stage has is refused; undo takes a rename back."""
from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import Session, select

from bot.adapters.console import Console
from scheduler.rules import nudges_for_day
from storage.members import add_user, get_team
from storage.models import Deal
from tests.bot.conftest import Clock, bot, clock, crm, settings, store  # noqa: F401  (the chat fixtures)
from tests.bot.test_cli import crmbot


def team_row(engine, name: str = "default"):
    with Session(engine) as s:
        return get_team(s, name)


def stages(engine, team: str = "default") -> list[str]:
    with Session(engine) as s:
        team_id = get_team(s, team).id
        return [d.stage for d in s.exec(select(Deal).where(Deal.team_id == team_id).order_by(Deal.id)).all()]


@pytest.fixture
async def team(bot, crm, engine) -> dict[str, Console]:
    """Anna, admin of the default team, writing English; Wang, a rep writing Chinese; Olga, a
    manager writing Russian; team north: Nora, its admin."""
    assert (await bot.say("help")).text
    with Session(engine) as s:
        ours = get_team(s, "default")
        add_user(s, ours, "console", "wang", "Wang", "rep")
        add_user(s, ours, "console", "olga", "Olga", "manager")
        add_user(s, get_team(s, "north"), "console", "nora", "Nora", "admin")
        s.commit()
    return {"anna": bot, "wang": Console(crm, user="wang", name="Wang"), "olga": Console(crm, user="olga", name="Olga"),
            "nora": Console(crm, user="nora", name="Nora")}


RENAMES = [
    ("anna", "rename stage negotiation to 'contract review'", "contract review", "en"),
    ("anna", "Rename the proposal stage to “offer sent”.", "offer sent", "en"),
    ("anna", "call the lead stage prospect", "prospect", "en"),
    ("anna", "把谈判中阶段改名为合同审核", "合同审核", "zh"),
    ("anna", "将阶段“已报价”重命名为“方案已发”", "方案已发", "zh"),
    ("anna", "переименуй этап переговоры в «согласование договора»", "согласование договора", "ru"),
    ("anna", "назови этап лид «первый контакт»", "первый контакт", "ru"),
]


@pytest.mark.parametrize("who, said, name, lang", RENAMES, ids=[r[1] for r in RENAMES])
async def test_an_admin_renames_a_stage_in_their_language_and_undo_takes_it_back(team, engine, who, said, name,
                                                                                  lang):
    reply = await team[who].say(said)
    assert reply.wrote and name in reply.text, reply.text
    stored = team_row(engine).settings["stage_names"]
    assert [langs[lang] for langs in stored.values()] == [name]
    assert team_row(engine, "north").settings == {}                     # another team keeps the bot's names
    assert (await team[who].press(reply.undo_token)).wrote
    assert "stage_names" not in team_row(engine).settings


async def test_the_teams_names_show_in_replies_cards_and_reports_in_each_language(team, engine, clock):
    await team["anna"].say("rename stage negotiation to 'contract review'")
    await team["anna"].say("把谈判中阶段改名为合同审核")
    await team["anna"].say("Visited Globex, sent quote 42k")
    moved = await team["anna"].say("Globex moved to negotiation")
    assert "contract review" in moved.text and stages(engine) == ["negotiation"]
    assert "contract review" in (await team["anna"].say("what do we know about globex")).text
    assert "contract review" in (await team["anna"].say("pipeline this month")).text
    assert "contract review" in (await team["anna"].say("funnel this quarter")).text
    await team["wang"].say("拜访了星辰科技，报价12万")
    assert "合同审核" in (await team["wang"].say("星辰科技进入谈判")).text
    zh = await team["wang"].say("本月的销售管道")                        # a rep: his own deal
    assert "合同审核" in zh.text and "谈判中" not in zh.text, zh.text
    ru = await team["olga"].say("воронка продаж за этот месяц")
    assert "переговоры" in ru.text and "contract review" not in ru.text   # no Russian name: the bot's own


async def test_a_note_is_read_with_the_teams_own_stage_names(team, engine):
    await team["anna"].say("rename stage negotiation to 'contract review'")
    await team["anna"].say("把谈判中阶段改名为合同审核")
    await team["anna"].say("переименуй этап переговоры в «согласование договора»")
    await team["anna"].say("Visited Globex, sent quote 42k")
    reply = await team["anna"].say("Globex is in contract review now")
    assert "contract review" in reply.text and stages(engine) == ["negotiation"], reply.text
    await team["wang"].say("拜访了星辰科技，报价12万")
    assert "合同审核" in (await team["wang"].say("星辰科技进入合同审核")).text
    await team["olga"].say("Был у Вектора, отправил КП на 1,2 млн")
    assert "согласование договора" in (await team["olga"].say("Вектор: согласование договора")).text
    assert stages(engine) == ["negotiation"] * 3                            # the canonical stage is stored


async def test_another_team_reads_and_shows_the_bots_names(team, engine):
    await team["anna"].say("rename stage negotiation to 'legal check'")
    await team["anna"].say("Visited Globex, sent quote 42k")
    assert "legal check" in (await team["anna"].say("Globex went to legal check")).text
    await team["nora"].say("Visited Initech, sent quote 10k")
    reply = await team["nora"].say("Initech went to legal check")
    assert reply.wrote and stages(engine, "north") == ["proposal"], reply.text   # north has no such stage
    assert stages(engine) == ["negotiation"]
    reply = await team["nora"].say("Initech moved to negotiation")
    assert "negotiation" in reply.text and "legal check" not in reply.text


async def test_a_probability_may_name_the_stage_by_the_teams_name(team, engine):
    await team["anna"].say("rename stage proposal to offer")
    reply = await team["anna"].say("set offer probability to 70%")
    assert reply.wrote and "offer" in reply.text
    assert team_row(engine).settings["stage_probabilities"] == {"proposal": 70}


@pytest.mark.parametrize("who, said, says", [
    ("anna", "rename stage proposal to negotiation", "already the name of the stage negotiation"),
    ("anna", "把已报价阶段改名为谈判中", "已经是阶段“谈判中”的名称"),
    ("anna", "rename stage shipping to delivered", "There is no stage shipping"),
    ("anna", "переименуй этап доставка в «отгружено»", "Этапа «доставка» нет"),
    ("wang", "把谈判中阶段改名为合同审核", "Anna"),
    ("olga", "переименуй этап переговоры в «согласование договора»", "Anna"),
])
async def test_a_rename_that_cannot_be_is_refused_and_changes_nothing(team, engine, who, said, says):
    reply = await team[who].say(said)
    assert says in reply.text and not reply.wrote, reply.text
    assert "stage_names" not in team_row(engine).settings


async def test_the_bots_own_name_gives_the_stage_back(team, engine):
    await team["anna"].say("rename stage negotiation to 'contract review'")
    reply = await team["anna"].say("rename stage contract review to negotiation")
    assert reply.wrote and "negotiation" in reply.text
    assert "stage_names" not in team_row(engine).settings


async def test_reminders_and_the_weekly_digest_use_the_teams_names(team, engine, clock):
    await team["anna"].say("rename stage proposal to 'offer sent'")
    await team["anna"].say("Visited Globex, sent the quote for $40k")
    await team["anna"].say("Globex should close by December 10")
    with Session(engine) as s:
        row = get_team(s, "default")
        stale = [n for n in nudges_for_day(s, row, date(2026, 12, 9)) if n.kind == "stale_deal"]
        digest = [n for n in nudges_for_day(s, row, date(2026, 12, 7)) if n.kind == "digest"]
    assert stale and "offer sent" in stale[0].text, [n.text for n in stale]
    assert digest and "offer sent" in digest[0].text, digest[0].text if digest else None


def test_crmbot_team_set_stage_name_and_show(database_url):
    out = crmbot("team", "set", "stage_name", "согласование", "--stage", "negotiation", "--lang", "ru",
                 url=database_url)
    assert out.returncode == 0 and "согласование" in out.stdout, out.stderr
    shown = crmbot("team", "show", url=database_url).stdout
    assert "negotiation = согласование" in shown and "stages (en): lead, qualified, proposal, negotiation" in shown
    clash = crmbot("team", "set", "stage_name", "КП отправлено", "--stage", "lead", "--lang", "ru", url=database_url)
    assert clash.returncode == 2 and "proposal" in clash.stderr and "Traceback" not in clash.stderr
    for bad in (("--stage", "shipping", "--lang", "en"), ("--stage", "lead", "--lang", "de")):
        out = crmbot("team", "set", "stage_name", "x", *bad, url=database_url)
        assert out.returncode == 2 and "Traceback" not in out.stderr, out.stderr
    back = crmbot("team", "set", "stage_name", "", "--stage", "negotiation", "--lang", "ru", url=database_url)
    assert back.returncode == 0 and "переговоры" in back.stdout
    assert "согласование" not in crmbot("team", "show", url=database_url).stdout
