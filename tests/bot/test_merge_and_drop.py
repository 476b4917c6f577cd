"""Editing from chat: a duplicate customer merged into another (contacts, deals, history, aliases and
follow-ups move, the old name becomes an alias, undo takes it all back), and a wrong follow-up deleted
by words or its 🗑 button — in three languages, by role, in two teams."""
from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlmodel import Session

from storage.models import Contact, Customer, CustomerAlias, Deal, FollowUp, Interaction, Note
from tests.bot.conftest import Account, let_in


@pytest.fixture
def people(crm, engine):
    """Team default: Anna (rep), Mila (manager); team teamb: Dora (manager). Telegram accounts."""
    roster = {"anna": ("1001", "Anna", "rep", "default"), "mila": ("1003", "Mila", "manager", "default"),
              "boris": ("1002", "Boris", "rep", "default"), "dora": ("3004", "Dora", "manager", "teamb")}
    for account, name, role, team in roster.values():
        let_in(engine, "telegram", account, name, role, team=team)
    return {key: Account(crm, "telegram", account, name) for key, (account, name, _, _) in roster.items()}


def rows(engine, model, *where) -> list:
    with Session(engine) as s:
        return list(s.execute(select(model).where(*where).order_by(model.id)).scalars())


def names(engine) -> list[str]:
    return [c.name for c in rows(engine, Customer)]


async def two_acmes(people, engine, source: str = "Acme Corp", target: str = "Acme Industries") -> None:
    """Two customers that are one company, each with a contact, a note and a follow-up."""
    from storage.customers import name_key
    from storage.members import get_team

    with Session(engine) as s:
        team = get_team(s, "default")
        for name in (source, target):
            s.add(Customer(team_id=team.id, name=name, name_key=name_key(name)))
        s.commit()
    anna = people["anna"]
    await anna.say(f"Visited {source}, met John Smith (CFO) john@acme.com, sent the quote for $40k, follow up Friday")
    await anna.say(f"Called {target}, talked to Maria Lopez, follow up Monday")


MERGES = [("merge Acme Corp into Acme Industries", "Acme Corp", "Acme Industries",
           "Merged Acme Corp into Acme Industries: 1 contact, 1 deal, 1 interaction, 1 follow-up, 1 note moved"),
          ("把艾克米合并到艾克米工业", "艾克米", "艾克米工业", "已将 艾克米 合并到 艾克米工业：转移了1 位联系人"),
          ("объедини Ромашку с Ромашкой Плюс", "Ромашка", "Ромашка Плюс",
           "Клиент Ромашка объединён с Ромашка Плюс: перенесено: 1 контактное лицо, 1 сделка")]


@pytest.mark.parametrize("text, source, target, said", MERGES)
async def test_a_manager_merges_a_duplicate_and_everything_moves(people, engine, text, source, target, said):
    await two_acmes(people, engine, source, target)
    [corp, industries] = rows(engine, Customer)
    reply = await people["mila"].say(text)
    assert said in reply.text and reply.wrote and reply.undo_token
    assert names(engine) == [target]
    assert {c.name for c in rows(engine, Contact)} == {"John Smith", "Maria Lopez"}
    assert all(c.customer_id == industries.id for c in rows(engine, Contact))
    assert [d.customer_id for d in rows(engine, Deal)] == [industries.id] * len(rows(engine, Deal))
    assert {i.customer_id for i in rows(engine, Interaction)} == {industries.id}
    assert {f.customer_id for f in rows(engine, FollowUp)} == {industries.id}
    assert [a.alias for a in rows(engine, CustomerAlias)] == [source]
    # the old name now finds the kept customer, and its history reads there
    card = await people["anna"].say(f"what do we know about {source}")
    assert target in card.text and "John Smith" in card.text
    note = await people["anna"].say(f"Called {source}, follow up tomorrow")
    assert target in note.text and names(engine) == [target]
    assert corp.id not in {n.customer_id for n in rows(engine, Note)}


async def test_undo_takes_the_whole_merge_back(people, engine):
    await two_acmes(people, engine)
    before = {model.__name__: [(r.id, getattr(r, "customer_id", None)) for r in rows(engine, model)]
              for model in (Customer, Contact, Deal, Interaction, FollowUp, CustomerAlias)}
    merged = await people["mila"].say("merge Acme Corp into Acme Industries")
    undone = await people["mila"].press(merged.undo_token)
    assert "Undone" in undone.text
    after = {model.__name__: [(r.id, getattr(r, "customer_id", None)) for r in rows(engine, model)]
             for model in (Customer, Contact, Deal, Interaction, FollowUp, CustomerAlias)}
    assert after == before
    assert names(engine) == ["Acme Corp", "Acme Industries"]
    # and the typed "undo" works too
    await people["mila"].say("merge Acme Corp into Acme Industries")
    assert "Undone" in (await people["mila"].say("undo")).text
    assert names(engine) == ["Acme Corp", "Acme Industries"]


async def test_aliases_move_and_a_shared_alias_is_kept_once(people, engine):
    await two_acmes(people, engine)
    [corp, industries] = rows(engine, Customer)
    with Session(engine) as s:
        s.add(CustomerAlias(team_id=corp.team_id, customer_id=corp.id, alias="ACME", alias_key="acme"))
        s.add(CustomerAlias(team_id=corp.team_id, customer_id=corp.id, alias="AC", alias_key="ac"))
        s.add(CustomerAlias(team_id=corp.team_id, customer_id=industries.id, alias="AC", alias_key="ac"))
        s.commit()
    reply = await people["mila"].say("merge Acme Corp into Acme Industries")
    assert "1 other name" in reply.text
    # "AC" was both's: kept once; "ACME" moves (and already covers the name "Acme Corp")
    assert sorted((a.alias, a.customer_id) for a in rows(engine, CustomerAlias)) == \
        [("AC", industries.id), ("ACME", industries.id)]
    assert "Acme Industries" in (await people["anna"].say("what do we know about Acme Corp")).text
    await people["mila"].say("undo")
    assert sorted((a.alias, a.customer_id) for a in rows(engine, CustomerAlias)) == \
        sorted([("ACME", corp.id), ("AC", corp.id), ("AC", industries.id)])


async def test_a_rep_may_not_merge_and_nothing_changes(people, engine):
    await two_acmes(people, engine)
    reply = await people["anna"].say("merge Acme Corp into Acme Industries")
    assert "Only a manager or an admin" in reply.text and not reply.wrote
    assert names(engine) == ["Acme Corp", "Acme Industries"]


@pytest.mark.parametrize("text, said", [
    ("merge Acme Corp into Initech", "I don't know a customer called “Initech”"),
    ("merge Acme Corp into Acme Corp", "already one customer"),
    ("合并 Acme Corp 到 无名公司", "没有找到叫“无名公司”的客户"),
    ("объедини Acme Corp с Рога и Копыта", "Не знаю клиента «Рога и Копыта»"),
])
async def test_a_merge_that_cannot_be_done_says_why_and_writes_nothing(people, engine, text, said):
    await two_acmes(people, engine)
    reply = await people["mila"].say(text)
    assert said in reply.text and not reply.wrote
    assert names(engine) == ["Acme Corp", "Acme Industries"]


async def test_another_teams_manager_cannot_merge_this_teams_customers(people, engine):
    await two_acmes(people, engine)
    reply = await people["dora"].say("merge Acme Corp into Acme Industries")
    assert not reply.wrote
    assert names(engine) == ["Acme Corp", "Acme Industries"]


# -- deleting a wrong follow-up ------------------------------------------------------------------

DROPS = [("delete follow-up 1", "Deleted the follow-up for Globex"),
         ("删除第1条跟进", "已删除 Globex 的跟进"),
         ("删除跟进 1", "已删除 Globex 的跟进"),            # exactly as the list's own hint says it
         ("удалить напоминание №1", "Задача по клиенту Globex удалена"),
         ("удали задачу 1", "Задача по клиенту Globex удалена")]


@pytest.mark.parametrize("text, said", DROPS)
async def test_a_wrong_follow_up_is_deleted_by_its_number_and_undo_brings_it_back(people, engine, text, said):
    anna = people["anna"]
    await anna.say("Called Globex, follow up today")
    await anna.say("Emailed Initech, follow up today")
    listing = await anna.say("my follow-ups today")
    assert any(c.data.startswith("drop:") for c in listing.choices)
    reply = await anna.say(text)
    assert said in reply.text and reply.wrote
    assert [f.what for f in rows(engine, FollowUp)] and len(rows(engine, FollowUp)) == 1
    assert "Globex" not in (await anna.say("my follow-ups today")).text
    await anna.press(reply.undo_token)
    assert len(rows(engine, FollowUp)) == 2


async def test_the_bin_button_deletes_its_follow_up(people, engine):
    anna = people["anna"]
    await anna.say("Called Globex, follow up today")
    [follow] = rows(engine, FollowUp)
    reply = await anna.press(f"drop:{follow.id}")
    assert "Globex" in reply.text and rows(engine, FollowUp) == []
    again = await anna.press(f"drop:{follow.id}")
    assert not again.wrote


async def test_a_rep_cannot_delete_a_colleagues_follow_up_a_manager_can_another_team_cannot(people, engine):
    await people["anna"].say("Called Globex, follow up today")
    [follow] = rows(engine, FollowUp)
    refused = await people["boris"].press(f"drop:{follow.id}")
    assert "Anna" in refused.text and not refused.wrote
    foreign = await people["dora"].press(f"drop:{follow.id}")
    assert not foreign.wrote and len(rows(engine, FollowUp)) == 1
    done = await people["mila"].press(f"drop:{follow.id}")
    assert done.wrote and rows(engine, FollowUp) == []


NAMED_DROPS = [("Called Globex, follow up Friday", "delete the follow-up for Globex",
                "Deleted the follow-up for Globex"),
               ("Called Globex, follow up Friday", "cancel my Globex reminder", "Deleted the follow-up for Globex"),
               ("给星辰科技打了电话，周五跟进", "删除星辰科技的跟进", "已删除 星辰科技 的跟进"),
               ("给星辰科技打了电话，周五跟进", "把星辰科技的提醒删掉", "已删除 星辰科技 的跟进"),
               ("Позвонил в Ромашку, перезвонить в пятницу", "удали задачу по Ромашке",
                "Задача по клиенту Ромашка удалена"),
               ("Позвонил в Ромашку, перезвонить в пятницу", "отмени напоминание про Ромашку",
                "Задача по клиенту Ромашка удалена")]


@pytest.mark.parametrize("note, text, said", NAMED_DROPS, ids=[text for _, text, _ in NAMED_DROPS])
async def test_a_follow_up_is_deleted_by_its_customers_name_and_undo_brings_it_back(people, engine, note, text,
                                                                                     said):
    from storage.customers import name_key
    from storage.members import get_team

    with Session(engine) as s:  # a Russian company the team knows, written in its cases ("в Ромашку", "по Ромашке")
        s.add(Customer(team_id=get_team(s, "default").id, name="Ромашка", name_key=name_key("Ромашка")))
        s.commit()
    anna = people["anna"]
    assert (await anna.say(note)).wrote
    [follow] = rows(engine, FollowUp)
    reply = await anna.say(text)
    assert said in reply.text and reply.wrote, reply.text
    assert rows(engine, FollowUp) == []
    assert (await anna.press(reply.undo_token)).wrote
    assert [f.id for f in rows(engine, FollowUp)] == [follow.id]


async def test_several_follow_ups_of_a_customer_are_listed_to_pick_one_and_a_name_nobody_knows_is_said(people,
                                                                                                       engine):
    anna = people["anna"]
    await anna.say("Called Globex, follow up Friday")
    await anna.say("Emailed Globex the brochure, follow up Monday")
    listing = await anna.say("delete the follow-up for Globex")
    assert "Globex has 2 open follow-ups" in listing.text and not listing.wrote
    assert [c.label for c in listing.choices] == ["🗑 1", "🗑 2"]
    reply = await anna.say("delete follow-up 2")
    assert reply.wrote and len(rows(engine, FollowUp)) == 1
    unknown = await anna.say("delete the follow-up for Hooli")
    assert "I don't know a customer called “Hooli”" in unknown.text and not unknown.wrote
    none = await people["mila"].say("удали задачу по Initech")
    assert "Initech" in none.text and not none.wrote and len(rows(engine, FollowUp)) == 1


async def test_by_name_a_rep_deletes_only_their_own_a_manager_any_another_team_none(people, engine):
    await people["anna"].say("Called Globex, follow up Friday")
    await people["boris"].say("Visited Globex, follow up Monday")
    mine = await people["boris"].say("delete the follow-up for Globex")       # Boris's, not Anna's
    assert mine.wrote and [f.member_id for f in rows(engine, FollowUp)] == [rows(engine, FollowUp)[0].member_id]
    assert "Monday" not in mine.text
    again = await people["boris"].say("delete the follow-up for Globex")      # only Anna's is left
    assert "Anna" in again.text and not again.wrote
    foreign = await people["dora"].say("delete the follow-up for Globex")
    assert "Globex" in foreign.text and not foreign.wrote and len(rows(engine, FollowUp)) == 1
    assert (await people["mila"].say("删除Globex的跟进")).wrote and rows(engine, FollowUp) == []


async def test_a_deletion_is_no_answer_to_which_customer(people, engine):
    from storage.customers import name_key
    from storage.members import get_team

    with Session(engine) as s:
        s.add(Customer(team_id=get_team(s, "default").id, name="Acme Corp", name_key=name_key("Acme Corp")))
        s.commit()
    anna = people["anna"]
    await anna.say("Called Globex, follow up Friday")
    asked = await anna.say("Called Acme Industries, follow up Monday")
    assert not asked.wrote                                                    # "Acme Corp, or another company?"
    reply = await anna.say("delete the follow-up for Globex")
    assert "Deleted the follow-up for Globex" in reply.text
    assert "delete the follow-up" not in " ".join(names(engine))


async def test_a_look_alike_name_is_not_taken_for_the_customer_kept(people, engine):
    from storage.customers import name_key
    from storage.members import get_team

    with Session(engine) as s:
        team = get_team(s, "default")
        s.add(Customer(team_id=team.id, name="Acme Corp", name_key=name_key("Acme Corp")))
        s.commit()
    reply = await people["mila"].say("merge Acme Corp into Acme Industries")
    assert "I don't know a customer called “Acme Industries”" in reply.text and not reply.wrote
    assert names(engine) == ["Acme Corp"]


async def test_a_customer_written_in_another_script_merges_into_the_chinese_one(people, engine):
    await people["anna"].say("拜访了星辰科技，报价12万")
    await people["anna"].say("Called Xingchen Tech, they want a demo, follow up Friday")
    assert names(engine) == ["星辰科技", "Xingchen Tech"]
    reply = await people["mila"].say("merge Xingchen Tech into 星辰科技")
    assert reply.wrote and names(engine) == ["星辰科技"]
    assert "星辰科技" in (await people["anna"].say("what do we know about Xingchen Tech")).text


async def test_merges_in_a_row_are_undone_newest_first_back_to_the_start(people, engine):
    from storage.customers import name_key
    from storage.members import get_team

    with Session(engine) as s:
        team = get_team(s, "default")
        for name in ("Northwind", "Northwind Traders", "Northwind Trading Co"):
            s.add(Customer(team_id=team.id, name=name, name_key=name_key(name)))
        s.commit()
    anna = people["anna"]
    for name in ("Northwind", "Northwind Traders", "Northwind Trading Co"):
        await anna.say(f"Called “{name}”, follow up Friday")

    def snapshot():  # every row and the customer it belongs to (the merges' own notes aside)
        return {model.__name__: sorted((r.id, getattr(r, "customer_id", None)) for r in rows(engine, model)
                                       if model is not Note or not r.text.startswith("merge"))
                for model in (Customer, Interaction, FollowUp, CustomerAlias, Note)}

    start = snapshot()
    mila = people["mila"]
    assert (await mila.say("merge Northwind into Northwind Traders")).wrote
    middle = snapshot()
    assert (await mila.say("merge Northwind Traders into Northwind Trading Co")).wrote
    assert names(engine) == ["Northwind Trading Co"]
    assert {i.customer_id for i in rows(engine, Interaction)} == {rows(engine, Customer)[0].id}
    assert "Undone" in (await mila.say("undo")).text
    assert snapshot() == middle
    assert "Undone" in (await mila.say("undo")).text
    assert snapshot() == start
