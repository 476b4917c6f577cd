"""A manager's week on the real platforms, where it has buttons (python-telegram-bot and slack-bolt
against the fake servers): search results open cards on Slack as on Telegram, a merge and a team
setting are taken back by their Undo button on Slack, and an admin's change of the stages is taken
back by its Undo button on Telegram, in Chinese as in English."""
from __future__ import annotations

from sqlalchemy import select
from sqlmodel import Session

from storage.customers import name_key
from storage.members import add_user, get_team
from storage.models import Contact, Customer
from tests.bot.test_slack import button, buttons, deliver, event, slack, texts  # noqa: F401  (fixtures)
from tests.bot.test_telegram import Chat, adapter, let_in, telegram  # noqa: F401  (fixtures)
from tests.fakes.slack_server import slack_api  # noqa: F401  (the fixture)
from tests.fakes.telegram_server import telegram_server  # noqa: F401  (the fixture)


def customers(engine, *found: tuple[str, str]) -> None:
    with Session(engine) as s:
        team = get_team(s, "default")
        for name, source in found:
            customer = Customer(team_id=team.id, name=name, name_key=name_key(name), source=source)
            s.add(customer)
            s.flush()
            s.add(Contact(team_id=team.id, customer_id=customer.id, name=f"Maria of {name}"))
        s.commit()


def team_settings(engine) -> dict:
    with Session(engine) as s:
        return dict(get_team(s, "default").settings or {})


class SlackUser:
    """One Slack account writing to the bot in its DM and pressing buttons; the posts of every account
    are counted together (`posts`, shared), so each answer is the next one."""

    def __init__(self, slack, slack_api, clock, user: str, posts: list[int]) -> None:
        self.slack, self.api, self.clock, self.user, self.counted = slack, slack_api, clock, user, posts
        self.events = 0

    @property
    def posts(self) -> int:
        return self.counted[0]

    @posts.setter
    def posts(self, value: int) -> None:
        self.counted[0] = value

    async def say(self, text: str):
        self.events += 1
        await deliver(self.slack, event("message", text, f"Ev{self.user}{self.events}", self.clock, user=self.user))
        self.posts += 1
        return (await self.api.wait_for("chat.postMessage", self.posts))[-1]

    async def press(self, value: str):
        await deliver(self.slack, button(value, "1800000001.000100", self.api.response_url(value), user=self.user),
                      form=True)
        self.posts += 1
        return (await self.api.wait_for("chat.postMessage", self.posts))[-1]


async def test_slack_search_results_have_buttons_that_open_the_cards(slack, slack_api, engine, clock):
    customers(engine, ("Hooli", "trade show"), ("Globex", "linkedin"), ("Initech", "trade show"))
    anna = SlackUser(slack, slack_api, clock, "U123", [0])
    found = await anna.say("customers from the trade show")
    assert "Hooli" in texts(found) and "Initech" in texts(found) and "Globex" not in texts(found)
    opened = [b for b in buttons(found) if b["value"].startswith("open:")]
    assert [b["text"]["text"] for b in opened] == ["Hooli", "Initech"]
    card = await anna.press(opened[1]["value"])
    assert "Initech" in texts(card) and "Maria of Initech" in texts(card)


async def test_slack_a_managers_merge_and_an_admins_setting_are_undone_by_their_buttons(slack, slack_api, engine,
                                                                                          clock):
    with Session(engine) as s:
        team = get_team(s, "default")
        add_user(s, team, "slack", "U777", "Mila", role="manager")
        add_user(s, team, "slack", "U888", "Olga", role="admin")
        for name in ("Acme Corp", "Acme Industries"):
            s.add(Customer(team_id=team.id, name=name, name_key=name_key(name)))
        s.commit()
    slack_api.add_user("U777", "Mila", locale="en-GB")
    slack_api.add_user("U888", "Olga", locale="ru-RU")
    posts = [0]
    mila, olga = SlackUser(slack, slack_api, clock, "U777", posts), SlackUser(slack, slack_api, clock, "U888", posts)
    merged = await mila.say("merge Acme Corp into Acme Industries")
    assert "Merged Acme Corp into Acme Industries" in texts(merged)
    undo = [b for b in buttons(merged) if b["value"].startswith("undo:")]
    assert undo and "Undone" in texts(await mila.press(undo[0]["value"]))
    with Session(engine) as s:
        assert sorted(s.execute(select(Customer.name)).scalars()) == ["Acme Corp", "Acme Industries"]
    changed = await olga.say("порядок этапов: лид, КП, квалификация, переговоры")
    assert "лид → КП отправлено → квалифицирована → переговоры" in texts(changed), texts(changed)
    assert team_settings(engine)["stages"] == ["lead", "proposal", "qualified", "negotiation"]
    undo = [b for b in buttons(changed) if b["value"].startswith("undo:")]
    await olga.press(undo[0]["value"])
    assert "stages" not in team_settings(engine)


async def test_telegram_an_admins_change_of_stages_is_undone_by_its_button(telegram, let_in, engine):
    let_in(4001, "Olga", "admin")
    let_in(4002, "Wang", "rep")
    olga, wang = Chat(telegram, 4001, "Olga"), Chat(telegram, 4002, "Wang", lang="zh")
    refused = await wang.say("停用已确认需求阶段")
    assert "Olga" in refused and not refused.buttons
    changed = await olga.say("turn off the qualified stage")
    assert "lead → proposal → negotiation" in changed and changed.buttons[0]["text"] == "Undo"
    assert team_settings(engine)["stages"] == ["lead", "proposal", "negotiation"]
    undone = await olga.press(changed, "Undo")
    assert "Undone" in undone and "stages" not in team_settings(engine)
