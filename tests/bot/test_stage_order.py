"""A team sets the order its open stages are shown in and switches off one it does not use: an admin
in chat ("set the stage order to lead, proposal, qualified, negotiation", "阶段顺序设为…", "порядок
этапов: …", "turn off the qualified stage", "停用已确认需求阶段", "отключи этап квалификация") or
with `crmbot team set stages|stage_off|stage_on`. The pipeline, funnel, chart, digest and CLI tables
follow the order; a switched-off stage is not listed, a note's cue for it counts as the nearest
stage the team uses before it (and the reply says so), and a stage that still holds open deals is not
switched off (the reply says which). Undo takes a change back; another team keeps the bot's order."""
from __future__ import annotations

import json
from datetime import date

import pytest
from sqlmodel import Session

from scheduler.rules import nudges_for_day
from storage.members import get_team
from tests.bot.conftest import Clock, bot, clock, crm, settings, store  # noqa: F401  (the chat fixtures)
from tests.bot.test_cli import crmbot
from tests.bot.test_stage_names import stages, team, team_row  # noqa: F401


def in_order(text: str, *names: str) -> bool:
    """The names are all in the text, in this order."""
    at = [text.find(name) for name in names]
    return all(i >= 0 for i in at) and at == sorted(at)


ORDERS = [
    ("set the stage order to lead, proposal, qualified, negotiation", ["lead", "proposal", "qualified", "negotiation"]),
    ("our stages are lead, proposal and negotiation", ["lead", "proposal", "negotiation"]),
    ("阶段顺序设为线索、已报价、已确认需求、谈判中", ["lead", "proposal", "qualified", "negotiation"]),
    ("我们的阶段是：线索、已报价、谈判中", ["lead", "proposal", "negotiation"]),
    ("порядок этапов: лид, КП, квалификация, переговоры", ["lead", "proposal", "qualified", "negotiation"]),
    ("у нас этапы лид, КП, переговоры", ["lead", "proposal", "negotiation"]),
]


@pytest.mark.parametrize("said, order", ORDERS, ids=[o[0] for o in ORDERS])
async def test_an_admin_sets_the_teams_stages_in_chat_and_undo_takes_it_back(team, engine, said, order):
    reply = await team["anna"].say(said)
    assert reply.wrote, reply.text
    assert team_row(engine).settings["stages"] == order
    assert team_row(engine, "north").settings == {}                       # another team keeps the bot's
    assert (await team["anna"].press(reply.undo_token)).wrote
    assert "stages" not in team_row(engine).settings


@pytest.mark.parametrize("who, said", [("wang", "阶段顺序设为线索、已报价、谈判中"),
                                       ("olga", "отключи этап квалификация")])
async def test_a_rep_or_a_manager_is_told_which_admin_may_change_the_stages(team, engine, who, said):
    reply = await team[who].say(said)
    assert not reply.wrote and "Anna" in reply.text, reply.text
    assert "stages" not in team_row(engine).settings


async def test_an_admin_changes_only_their_own_teams_stages(team, engine):
    assert (await team["nora"].say("turn off the qualified stage")).wrote
    assert team_row(engine, "north").settings["stages"] == ["lead", "proposal", "negotiation"]
    assert "stages" not in team_row(engine).settings


@pytest.mark.parametrize("said, says", [
    ("set the stage order to lead, shipping, negotiation", "There is no open stage “shipping”"),
    ("set the stage order to lead, proposal, lead", "named twice"),
    ("turn off the shipping stage", "There is no open stage “shipping”"),
    ("阶段顺序设为线索、发货、谈判中", "没有进行中的阶段“发货”"),
    ("порядок этапов: лид, лид, переговоры", "назван дважды"),
])
async def test_a_list_of_stages_that_cannot_be_is_refused(team, engine, said, says):
    reply = await team["anna"].say(said)
    assert says in reply.text and not reply.wrote, reply.text
    assert "stages" not in team_row(engine).settings


async def test_reports_chat_and_digest_follow_the_teams_order(team, engine, clock):
    await team["anna"].say("Visited Globex, sent the quote for $40k")
    await team["anna"].say("Called Initech, they have budget approved, 10k deal")
    assert stages(engine) == ["proposal", "qualified"]
    assert (await team["anna"].say("set the stage order to lead, proposal, qualified, negotiation")).wrote
    pipeline = (await team["anna"].say("pipeline this month")).text
    assert in_order(pipeline, "proposal", "qualified", "negotiation"), pipeline
    funnel = (await team["anna"].say("conversion this quarter")).text
    assert in_order(funnel, "• proposal", "• qualified", "• negotiation", "• won"), funnel
    zh = (await team["wang"].say("本月的销售管道")).text
    ru = (await team["olga"].say("воронка продаж за этот месяц")).text
    assert in_order(ru, "КП отправлено", "квалифицирована", "переговоры"), ru
    assert "线索" in zh or "没有" in zh or "0" in zh, zh
    with Session(engine) as s:
        digest = [n for n in nudges_for_day(s, get_team(s, "default"), date(2026, 11, 30)) if n.kind == "digest"]
    assert digest and in_order(digest[0].text, "proposal", "qualified"), [n.text for n in digest]
    await team["nora"].say("Visited Umbrella, sent the quote for $5k")
    north = await team["nora"].say("pipeline this month")                   # another team: the bot's order
    assert in_order(north.text, "qualified", "proposal", "negotiation"), north.text


async def test_a_stage_with_open_deals_is_not_switched_off_until_it_is_empty(team, engine):
    await team["anna"].say("Called Initech, they have budget approved, 10k deal")
    assert stages(engine) == ["qualified"]
    for said, says in [("turn off the qualified stage", "Initech"), ("停用已确认需求阶段", "Initech"),
                       ("отключи этап квалификация", "Initech")]:
        reply = await team["anna"].say(said)
        assert says in reply.text and not reply.wrote, reply.text
    assert "stages" not in team_row(engine).settings
    await team["anna"].say("Initech: sent the proposal")
    assert stages(engine) == ["proposal"]
    reply = await team["anna"].say("turn off the qualified stage")
    assert reply.wrote and "qualified" not in reply.text.split("=")[-1], reply.text
    assert team_row(engine).settings["stages"] == ["lead", "proposal", "negotiation"]
    pipeline = (await team["anna"].say("pipeline this month")).text
    assert "qualified" not in pipeline and in_order(pipeline, "lead", "proposal", "negotiation"), pipeline
    back = await team["anna"].say("switch the qualified stage back on")
    assert back.wrote and "stages" not in team_row(engine).settings, back.text


@pytest.mark.parametrize("who, off, note, says", [
    ("anna", "turn off the qualified stage", "Called Globex, they have budget approved, 10k deal",
     "does not use the stage “qualified”"),
    ("wang", "停用已确认需求阶段", "拜访了星辰科技，需求已确认，预算10万", "不使用“已确认需求”阶段"),
    ("olga", "отключи этап квалификация", "Был у Вектора, бюджет согласован, 1 млн",
     "не использует этап «квалифицирована»"),
])
async def test_a_note_for_a_switched_off_stage_counts_it_as_the_stage_before(team, engine, who, off, note, says):
    assert (await team["anna"].say(off)).wrote
    reply = await team[who].say(note)
    assert reply.wrote and says in reply.text, reply.text
    assert stages(engine) == ["lead"]                                      # the nearest stage it uses before
    await team[who].say(note)                                              # said again: nothing moves back
    assert stages(engine) == ["lead"]


async def test_notes_move_deals_forward_in_the_teams_order(team, engine):
    await team["anna"].say("set the stage order to lead, proposal, qualified, negotiation")
    await team["anna"].say("Called Initech, they have budget approved, 10k deal")
    assert stages(engine) == ["qualified"]
    await team["anna"].say("Initech: sent the proposal")                   # proposal comes before qualified here
    assert stages(engine) == ["qualified"]
    await team["anna"].say("Initech moved to negotiation")
    assert stages(engine) == ["negotiation"]


def test_crmbot_team_set_stages_and_show(database_url):
    out = crmbot("team", "set", "stages", "lead, proposal, qualified, negotiation", url=database_url)
    assert out.returncode == 0 and "lead, proposal, qualified, negotiation" in out.stdout, out.stderr
    shown = crmbot("team", "show", url=database_url).stdout
    assert "stages: lead → proposal → qualified → negotiation" in shown, shown
    assert "stages (en): lead, proposal, qualified, negotiation, won, lost" in shown, shown
    out = crmbot("team", "set", "stage_off", "qualified", url=database_url)
    assert out.returncode == 0, out.stderr
    assert "stages: lead → proposal → negotiation (off: qualified)" in crmbot("team", "show", url=database_url).stdout
    for bad in (("stages", "lead, shipping"), ("stages", "lead lead"), ("stage_off", "won")):
        out = crmbot("team", "set", *bad, url=database_url)
        assert out.returncode == 2 and "Traceback" not in out.stderr and out.stderr.count("\n") == 1, out.stderr
    out = crmbot("team", "set", "stage_on", "qualified", url=database_url)      # back after the stage before it
    assert out.returncode == 0 and "lead, qualified, proposal, negotiation" in out.stdout, out.stdout
    crmbot("team", "set", "stages", "lead, proposal, qualified, negotiation", url=database_url)
    crmbot("user", "add", "--platform", "console", "--id", "ann", "--name", "Ann", url=database_url)
    crmbot("say", "--user", "ann", "--now", "2026-11-25T10:00", "Called Initech, they have budget approved, 10k deal",
           url=database_url)
    busy = crmbot("team", "set", "stage_off", "qualified", url=database_url)
    assert busy.returncode == 2 and "Initech" in busy.stderr, busy.stderr
    table = crmbot("report", "pipeline", "--now", "2026-11-25T10:00", url=database_url)
    assert table.returncode == 0 and table.stdout.find("proposal") < table.stdout.find("qualified"), table.stdout
    data = json.loads(crmbot("report", "pipeline", "--json", "--now", "2026-11-25T10:00", url=database_url).stdout)
    assert [s["stage"] for s in data["stages"]] == ["lead", "proposal", "qualified", "negotiation"], data


def test_crmbot_report_tables_name_stages_as_the_team_does(database_url):
    crmbot("user", "add", "--platform", "console", "--id", "ann", "--name", "Ann", url=database_url)
    crmbot("say", "--user", "ann", "--now", "2026-11-25T10:00", "Visited Globex, sent the quote for $40k",
           url=database_url)
    crmbot("team", "set", "stage_name", "offer", "--stage", "proposal", "--lang", "en", url=database_url)
    crmbot("team", "set", "stage_name", "方案", "--stage", "proposal", "--lang", "zh", url=database_url)
    for report in ("pipeline", "funnel", "quiet"):
        extra = ("--days", "1") if report == "quiet" else ()
        table = crmbot("report", report, "--now", "2026-12-20T10:00", "--period", "this_quarter", *extra,
                       url=database_url) if report != "quiet" else \
            crmbot("report", report, "--now", "2026-12-20T10:00", *extra, url=database_url)
        assert table.returncode == 0 and "offer" in table.stdout and "proposal" not in table.stdout, table.stdout
        zh = crmbot("report", report, "--lang", "zh", "--now", "2026-12-20T10:00", *extra, url=database_url)
        assert "方案" in zh.stdout and "proposal" not in zh.stdout, zh.stdout
    data = json.loads(crmbot("report", "pipeline", "--json", "--now", "2026-11-25T10:00", url=database_url).stdout)
    assert "proposal" in [s["stage"] for s in data["stages"]]                  # JSON keeps the stage keys
    bad = crmbot("report", "pipeline", "--lang", "de", url=database_url)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


async def test_a_correction_to_a_switched_off_stage_sets_the_stage_before_it(team, engine):
    assert (await team["anna"].say("turn off the qualified stage")).wrote
    await team["anna"].say("Called Zeta, sent the quote 5k")
    assert stages(engine) == ["proposal"]
    fixed = await team["anna"].say("no, not proposal, qualified")
    assert fixed.wrote and stages(engine) == ["lead"], fixed.text
