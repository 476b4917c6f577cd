"""Per-rep views and the leaderboard, asked in chat in English, Chinese and Russian: a manager names a
member ("Boris's pipeline", "воронка Марии", "王芳这周做了什么") and gets that member's figures only;
the leaderboard ranks by the amount won without adding currencies that have no rate; a rep sees
their own figures only; another team's people and deals never show."""
from __future__ import annotations

import re

import pytest
from sqlmodel import Session

from bot.adapters.console import Console
from storage.engine import session
from storage.members import add_user, get_team
from storage.models import Customer, Deal
from storage.report_inputs import set_fx
from tests.bot.conftest import Clock, bot, clock, crm, settings, store  # noqa: F401  (the chat fixtures)
from tests.bot.records import business

NBSP = "\u00a0"
PEOPLE = {"boris": ("Boris Petrov", "rep"), "maria": ("Мария Иванова", "rep"), "wang": ("王芳", "rep")}
NOTES = {
    "boris": ("Visited Globex, sent the quote for $42k", "Called Acme, they signed! $18,500"),
    "maria": ("Был в Векторе, отправил КП на 1,2 млн рублей",
              "Позвонила в Гранит, подписали договор на 300 тыс рублей"),
    "wang": ("拜访了星辰科技，报价12万",),
}


def text(reply) -> str:
    return reply.text.replace(NBSP, " ")


@pytest.fixture
async def team(bot, crm, engine) -> dict[str, Console]:
    """Anna (the team's admin, who asks), three reps who logged their deals, and another team
    ("north") whose rep is also called Boris and won far more."""
    assert (await bot.say("help")).text                      # Anna's account: the team's first, its admin
    with Session(engine) as s:
        ours = get_team(s, "default")
        for user, (name, role) in PEOPLE.items():
            add_user(s, ours, "console", user, name, role)
        north = get_team(s, "north")
        other = add_user(s, north, "console", "ivan", "Boris Ivanov", "rep")
        initech = Customer(team_id=north.id, name="Initech", name_key="initech")
        s.add(initech)
        s.flush()
        s.add(Deal(team_id=north.id, customer_id=initech.id, stage="won", amount_minor=99_900_000, currency="USD",
                   owner_id=other.id, closed_at=crm.clock()))
        s.commit()
    chats = {user: Console(crm, user=user, name=PEOPLE[user][0]) for user in PEOPLE}
    for user, notes in NOTES.items():
        for note in notes:
            assert (await chats[user].say(note)).wrote, note
    return chats


async def test_a_managers_question_about_one_rep_gets_only_their_pipeline(bot, team):
    reply = text(await bot.say("Boris's pipeline this month"))
    assert reply.startswith("Boris Petrov's pipeline Sun, Nov 1 – Mon, Nov 30:"), reply
    assert "Total: 1 deal, $42,000 (weighted $21,000)" in reply
    assert "RUB" not in reply and "CN¥" not in reply and "By owner" not in reply
    russian = text(await bot.say("воронка Марии за месяц"))
    assert russian.startswith("Воронка: Мария Иванова, вс, 1 нояб. – пн, 30 нояб.:"), russian
    assert "Итого: 1 сделка, 1 200 000 ₽ (взвешенно 600 000 ₽)" in russian and "$" not in russian
    latin_in_russian = text(await bot.say("воронка Бориса за месяц"))
    assert latin_in_russian.startswith("Воронка: Boris Petrov, вс, 1 нояб."), latin_in_russian
    assert "42 000 $" in latin_in_russian and "₽" not in latin_in_russian
    chinese = text(await bot.say("王芳本月的销售漏斗"))
    assert chinese.startswith("王芳的销售漏斗"), chinese
    assert "合计：1 个商机，¥120,000（加权 ¥60,000）" in chinese and "US$" not in chinese


async def test_the_team_pipeline_still_lists_everyone_by_owner(bot, team):
    reply = text(await bot.say("pipeline this month"))
    assert "By owner: Boris Petrov 1 · $42,000; Мария Иванова 1 · RUB 1,200,000; 王芳 1 · CN¥120,000" in reply, reply


@pytest.mark.parametrize("question, title, has, lacks", [
    ("what did Boris do this week", "What Boris Petrov did Mon, Nov 23 – Sun, Nov 29:", "Globex", "Вектор"),
    ("что сделала Мария на этой неделе", "Что сделал(а) Мария Иванова пн, 23 нояб. – вс, 29 нояб.:", "Вектор",
     "Globex"),
    ("王芳这周做了什么", "王芳 11月23日周一 – 11月29日周日 的工作：", "星辰科技", "Globex"),
])
async def test_what_one_rep_did_this_week_with_their_latest_notes(bot, team, question, title, has, lacks):
    reply = text(await bot.say(question))
    assert reply.startswith(title), reply
    assert has in reply and lacks not in reply


async def test_the_leaderboard_ranks_by_won_amount_and_keeps_a_currency_without_a_rate_beside(bot, team, engine):
    answer = await bot.say("leaderboard this month")
    assert answer.image and answer.image.startswith(b"\x89PNG")        # the ranked amounts as a chart
    reply = text(answer)
    lines = reply.splitlines()
    assert lines[0] == "Leaderboard Sun, Nov 1 – Mon, Nov 30:"
    assert lines[1] == "1. Boris Petrov: won $18,500 (1 deal) · 2 activities · 2 deals added or moved", reply
    assert lines[2] == "2. Мария Иванова: won RUB 300,000 (1 deal) · 2 activities · 2 deals added or moved"
    assert lines[3] == "3. 王芳: won $0 (0 deals) · 1 activity · 1 deal added or moved"
    assert "Team: won $18,500 (1) · RUB 300,000 (1)" in reply.splitlines() and "No rate" not in reply
    assert "Ranked by the amount won in USD; RUB (no rate) shown beside, not ranked." in reply
    assert "Boris Ivanov" not in reply and "999" not in reply                # another team's
    with session(engine) as s:
        set_fx(s, get_team(s, "default").id, "USD", "RUB", "100")
        s.commit()
    converted = text(await bot.say("who sold the most this month"))
    assert "2. Мария Иванова: won $3,000 (1 deal)" in converted, converted
    assert "Team: won $21,500 (2 deals)" in converted and "1 RUB = 0.01 USD" in converted


@pytest.mark.parametrize("question, first", [
    ("本月销售排行榜", "销售排行榜 11月1日周日 – 11月30日周一："),
    ("рейтинг продавцов за месяц", "Рейтинг продавцов вс, 1 нояб. – пн, 30 нояб.:"),
])
async def test_the_leaderboard_in_chinese_and_russian(bot, team, question, first):
    reply = text(await bot.say(question))
    assert reply.splitlines()[0] == first, reply
    assert "Boris Petrov" in reply.splitlines()[1]


@pytest.mark.parametrize("question, first", [
    ("sales numbers by rep this month", "Leaderboard Sun, Nov 1 – Mon, Nov 30:"),
    ("q4 figures per salesperson", "Leaderboard Thu, Oct 1 – Thu, Dec 31:"),
    ("这个月按人统计一下", "销售排行榜 11月1日周日 – 11月30日周一："),
    ("итоги месяца по каждому менеджеру", "Рейтинг продавцов вс, 1 нояб. – пн, 30 нояб.:"),
])
async def test_figures_by_rep_are_the_leaderboard(bot, team, question, first):
    reply = text(await bot.say(question))
    assert reply.splitlines()[0] == first, reply
    assert not (await bot.say(question)).wrote


async def test_a_rep_sees_their_own_figures_only(team):
    boris = team["boris"]
    assert "Boris Petrov's pipeline" in (await boris.say("Boris's pipeline this month")).text
    refused = (await boris.say("воронка Марии за месяц")).text
    assert refused == "Вам видны только ваши собственные цифры; цифры сотрудника Мария Иванова видит руководитель."
    assert "for managers" in (await boris.say("leaderboard this month")).text
    mine = text(await boris.say("what did the team do this week"))
    assert "Boris Petrov" in mine and "Мария" not in mine
    assert mine.startswith("Your activity ") and "Team activity" not in mine, mine   # his own, said so
    assert text(await team["maria"].say("что сделала команда на этой неделе")).startswith("Ваша активность ")
    assert text(await team["wang"].say("这周团队做了什么")).startswith("你的活动 ")
    english = (await team["maria"].say("what did Boris do this week")).text
    assert english == "You see your own figures; Boris Petrov's are for managers.", english


async def test_two_members_answering_to_a_name_are_asked_about(bot, team, engine):
    with Session(engine) as s:
        add_user(s, get_team(s, "default"), "console", "boris2", "Boris Lee", "rep")
        s.commit()
    reply = (await bot.say("Boris's pipeline this month")).text
    assert reply == "Whom do you mean: Boris Lee, Boris Petrov? Ask again with the full name.", reply
    assert "Boris Petrov's pipeline" in (await bot.say("Boris Petrov's pipeline this month")).text


async def test_a_rep_who_won_in_two_currencies_is_shown_in_both_never_added(bot, team):
    assert (await team["boris"].say("Позвонил в Сигму, подписали договор на 100 тыс рублей")).wrote
    reply = text(await bot.say("leaderboard this month"))
    assert ("1. Boris Petrov: won $18,500 (1) · RUB 100,000 (1) · 3 activities · 3 deals added or moved"
            in reply.splitlines()), reply
    assert "Team: won $18,500 (1) · RUB 400,000 (2)" in reply.splitlines()


async def test_the_leaderboard_and_the_activity_count_the_same_deals(bot):
    """A deal put in the funnel and one moved on: the leaderboard's "added or moved" is the
    activity's new plus moved, never a different figure under the same words."""
    await bot.say("Visited Globex, sent the quote for $40k")
    await bot.say("Called Initech, new lead, they are interested")
    await bot.say("Initech: sent the proposal, $12k")
    board = (await bot.say("leaderboard this week")).text
    activity = (await bot.say("what did the team do this week")).text
    assert "3 deals added or moved" in board, board     # Initech both added and moved on
    assert "deals new 2 / moved 1" in activity, activity



async def test_the_teams_line_counts_what_the_rep_lines_count(bot, team):
    """The team's total of deals is the reps' new plus moved, and says so in every language (a Russian
    "сделок продвинуто: 4" beside reps' "продвинуты 0" read as a contradiction)."""
    await bot.say("Called Initech, new lead, they are interested")
    await bot.say("Initech: sent the proposal, $12k")
    assert (await team["boris"].say("Позвонил в Сигму, новый лид на 100 тыс рублей")).wrote
    en = (await bot.say("what did the team do this week")).text
    said = [int(n) + int(m) for n, m in re.findall(r"deals new (\d+) / moved (\d+)", en)]
    assert len(said) == 4 and f"{sum(said)} deals added or moved" in en, en
    ru = (await bot.say("что сделала команда на этой неделе")).text
    assert f"сделок заведено или продвинуто: {sum(said)}" in ru, ru
    zh = (await bot.say("团队这周做了什么")).text
    assert f"新建或推进商机 {sum(said)} 个" in zh, zh


@pytest.mark.parametrize("asked, says", [
    ("what did Zed do this week", "Nobody on your team is called Zed"),
    ("Zed's pipeline", "Nobody on your team is called Zed"),
    ("что сделал Петров на этой неделе", "В вашей команде нет сотрудника Петров"),
    ("чем занималась Оля вчера", "нет сотрудника Оля"),
    ("老王这周做了什么", "你的团队里没有老王"),
    ("что сделал Marcus на этой неделе", "нет сотрудника Marcus"),       # a name in Latin letters
    ("Marcus这周做了什么", "你的团队里没有Marcus"),
])
async def test_a_member_the_team_does_not_have_is_said_so_not_shown_the_team(bot, asked, says):
    await bot.say("Visited Globex, sent the quote for $40k")
    reply = (await bot.say(asked)).text
    assert says in reply and "Anna" in reply, reply        # and who is on the team


@pytest.mark.parametrize("asked", ["what did Anna do this week", "What did we do this week", "Anna's pipeline",
                                   "что сделала Anna на этой неделе", "Anna这周做了什么",
                                   "what did the team do this week", "December's pipeline", "Q4's pipeline"])
async def test_the_team_or_a_member_it_has_is_still_shown(bot, asked):
    await bot.say("Visited Globex, sent the quote for $40k")
    reply = (await bot.say(asked)).text
    assert "Nobody on your team" not in reply and "нет сотрудника" not in reply and "团队里没有" not in reply, reply


@pytest.mark.parametrize("question, quiet", [
    ("what did the team do this week", "• Anna: no interactions logged"),
    ("这周团队做了什么", "• Anna：没有记录互动"),
    ("что команда сделала за неделю", "• Anna: взаимодействий не записано"),
])
async def test_a_member_who_logged_nothing_is_said_so_plainly(bot, team, clock, question, quiet):
    assert (await bot.say("Visited Hooli, call them back Friday")).wrote
    clock.advance(days=7)                                   # next week: Anna's Friday call is overdue
    said = text(await bot.say(question))
    assert quiet in said, said
    assert "Anna: 0" not in said and "— —" not in said


@pytest.mark.parametrize("user, asked, says", [
    ("maria", "Борис просил узнать, сколько у нас сделок в переговорах?", "Ваша воронка"),
    ("boris", "Мария хочет знать, что у нас в воронке на этот месяц", "Ваша воронка"),
    ("boris", "Maria asked me to check our pipeline this month", "Your pipeline"),
    ("boris", "Мария интересуется нашей воронкой", "Ваша воронка"),
    ("wang", "Boris让我问一下这个月的漏斗", "你的销售漏斗"),
])
async def test_a_colleague_who_had_the_rep_ask_is_not_whose_figures_are_asked(team, user, asked, says):
    """A rep asking on someone's behalf ("Борис просил узнать…") gets their own figures, never "you see your
    own figures; Boris's are for managers"."""
    reply = text(await team[user].say(asked))
    assert reply.startswith(says), reply
    assert "for managers" not in reply and "видит руководитель" not in reply and "经理" not in reply, reply


@pytest.mark.parametrize("asked, title", [
    ("compare Boris and Maria this month", "Activity compared: Boris Petrov, Мария Иванова, Sun, Nov 1 – Mon, Nov 30:"),
    ("сравни Бориса и Марию за месяц", "Сравнение активности: Boris Petrov, Мария Иванова, вс, 1 нояб. – пн, 30 нояб."),
    ("сравни активность Марии и 王芳 за месяц", "Сравнение активности: Мария Иванова, 王芳,"),
    ("对比一下王芳和Boris这个月", "活动对比：Boris Petrov、王芳，"),
])
async def test_two_members_compared_are_set_side_by_side(bot, team, engine, asked, title):
    """"Compare Boris and Maria" is a report about those two, each named by words of their own: never a note
    (a member taken for a customer), never "whom do you mean", and no team line adding them up."""
    before = business(engine)
    reply = text(await bot.say(asked))
    assert reply.startswith(title) and not (await bot.say(asked)).wrote, reply
    shown = [line for line in reply.splitlines() if line.startswith("• ")]
    assert len(shown) == 2 and "Team:" not in reply and "Команда:" not in reply and "团队：" not in reply, reply
    assert business(engine) == before


async def test_a_rep_comparing_a_colleague_is_told_whose_figures_are_for_managers(bot, team, engine):
    before = business(engine)
    reply = (await team["maria"].say("сравни Марию и Бориса за месяц")).text
    assert "Boris Petrov" in reply and "руководител" in reply, reply
    reply = text(await bot.say("compare Boris and Maria's pipeline this month"))
    assert "Boris Petrov" in reply and "Мария Иванова" in reply and reply.count("Total:") == 2, reply
    assert business(engine) == before
