"""A merge whose name may be several customers asks which, with a button per pair ("Contoso Retail →
Fabrikam"): a press merges that pair (Undo takes it back), in three languages and on Telegram and
Slack. A rep's press merges nothing; a press for a customer merged away meanwhile says so."""
from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlmodel import Session

from storage.customers import name_key
from storage.members import get_team
from storage.models import Customer, CustomerAlias
from tests.bot.test_manager_buttons import SlackUser
from tests.bot.test_merge_and_drop import people  # noqa: F401  (Anna rep, Mila manager, Dora of teamb)
from tests.bot.test_slack import button, buttons, deliver, event, slack, texts  # noqa: F401  (fixtures)
from tests.bot.test_telegram import Chat, adapter, let_in, telegram  # noqa: F401  (fixtures)
from tests.fakes.slack_server import slack_api  # noqa: F401  (the fixture)
from tests.fakes.telegram_server import telegram_server  # noqa: F401  (the fixture)


def three_acmes(engine) -> None:
    """"Contoso" is another name of two customers; Fabrikam is the one to keep."""
    with Session(engine) as s:
        team = get_team(s, "default")
        for name in ("Contoso Retail", "Contoso Energy", "Fabrikam"):
            s.add(Customer(team_id=team.id, name=name, name_key=name_key(name)))
        s.flush()
        for customer in s.execute(select(Customer).where(Customer.name != "Fabrikam")).scalars():
            s.add(CustomerAlias(team_id=team.id, customer_id=customer.id, alias="Contoso",
                                alias_key=name_key("Contoso")))
        s.commit()


def names(engine) -> list[str]:
    with Session(engine) as s:
        return sorted(s.execute(select(Customer.name)).scalars())


@pytest.mark.parametrize("said, asks", [("merge Contoso into Fabrikam", "press the one you mean"),
                                        ("把Contoso合并到Fabrikam", "请按下你要的那一个"),
                                        ("объедини Contoso с Fabrikam", "нажмите нужный вариант")])
async def test_a_name_of_two_customers_is_asked_about_and_a_press_merges_that_one(people, engine, said, asks):
    three_acmes(engine)
    mila = people["mila"]
    asked = await mila.say(said)
    assert asks in asked.text and not asked.wrote, asked.text
    assert [c.label for c in asked.choices] == ["Contoso Retail → Fabrikam", "Contoso Energy → Fabrikam"]
    assert len(names(engine)) == 3
    merged = await mila.press(asked.choices[1].data)
    assert merged.wrote and names(engine) == ["Contoso Retail", "Fabrikam"], merged.text
    assert (await mila.press(merged.undo_token)).wrote
    assert len(names(engine)) == 3
    assert not (await people["anna"].press(asked.choices[0].data)).wrote     # a rep's press merges nothing
    assert not (await people["dora"].press(asked.choices[0].data)).wrote     # nor another team's manager
    assert len(names(engine)) == 3
    await mila.press(asked.choices[0].data)
    gone = await mila.press(asked.choices[0].data)                           # Contoso Retail merged away meanwhile
    assert not gone.wrote and any(word in gone.text for word in ("no longer there", "уже нет", "已不存在")), gone.text


async def test_telegram_the_merge_ask_has_a_button_per_customer(telegram, let_in, engine):
    let_in(2001, "Mila", "manager")
    three_acmes(engine)
    mila = Chat(telegram, 2001, "Mila")
    asked = await mila.say("merge Contoso into Fabrikam")
    assert [b["text"] for b in asked.buttons] == ["Contoso Retail → Fabrikam", "Contoso Energy → Fabrikam"]
    merged = await mila.press(asked, "Contoso Retail → Fabrikam")
    assert "Merged Contoso Retail into Fabrikam" in merged
    assert names(engine) == ["Contoso Energy", "Fabrikam"]


async def test_slack_the_merge_ask_has_a_button_per_customer(slack, slack_api, engine, clock):
    from storage.members import add_user

    three_acmes(engine)
    with Session(engine) as s:
        add_user(s, get_team(s, "default"), "slack", "U777", "Mila", role="manager")
        s.commit()
    slack_api.add_user("U777", "Mila", locale="en-GB")
    mila = SlackUser(slack, slack_api, clock, "U777", [0])
    asked = await mila.say("merge Contoso into Fabrikam")
    picks = [b for b in buttons(asked) if b["value"].startswith("merge:")]
    assert [b["text"]["text"] for b in picks] == ["Contoso Retail → Fabrikam", "Contoso Energy → Fabrikam"]
    merged = await mila.press(picks[1]["value"])
    assert "Merged Contoso Energy into Fabrikam" in texts(merged)
    assert names(engine) == ["Contoso Retail", "Fabrikam"]
