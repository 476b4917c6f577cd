"""A note that says the deal is lost records it lost, with its reason, even where the same note says the
customer bought (elsewhere), names the deal or an amount: a lost cue and a purchase from someone else beat
the words of a win. A correction "lost, not won" records the reason too. Undo restores the store exactly."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Deal
from tests.bot.records import business, difference

_UNDO = {"en": "undo", "ru": "отмена", "zh": "撤销"}


def _deals(store) -> list[tuple[str, int | None, str | None]]:
    return [(str(d.stage), d.amount_minor, d.lost_reason) for d in store.rows(select(Deal).order_by(Deal.id))]


@pytest.mark.parametrize(("note", "amount", "reason"), [
    ("Saltmarsh Vet Practice - Dr Okafor says they bought a refurbished centrifuge on ebay, "
     "we lost the £6k deal, price was the issue", 600_000, "price"),
    ("Orchid Labs - Ms Lim said bu yao le, pricing too high for them", None, "price"),
    ("Стальпром — сделка проиграна, по цене не прошли, берут у Кнауфа напрямую", None, "price"),
    ("华鼎建材 这单没拿下，客户在别家买了，便宜一些", None, "price"),
])
async def test_a_new_customers_lost_deal_opens_lost_never_won(bot, store, note, amount, reason):
    reply = await bot.say(note)
    assert reply.wrote, reply.text
    assert _deals(store) == [("lost", amount, reason)], reply.text


@pytest.mark.parametrize(("lang", "first", "lost", "reason"), [
    ("en", "Visited Saltmarsh Vet Practice, quoted £6k for a centrifuge",
     "Saltmarsh - they purchased a second-hand one elsewhere, deal lost on price", "price"),
    ("en", "Visited Saltmarsh Vet Practice, quoted £6k for a centrifuge",
     "Saltmarsh: Dr Okafor bought the centrifuge from Fisher, we lost it", "competitor"),
    ("ru", "Был в Стальпроме, КП на 900 тыс отправил", "Стальпром: мы в пролёте, закупают у Кнауфа напрямую",
     "competitor"),
    ("zh", "拜访了华鼎建材，报价12万", "华鼎建材 没拿下，他们从竞争对手那采购了", "competitor"),
])
async def test_an_open_deal_said_lost_moves_to_lost_and_undo_restores_it(bot, store, engine, lang, first, lost, reason):
    assert (await bot.say(first)).wrote
    before = business(engine)
    reply = await bot.say(lost)
    assert [(s, r) for s, _, r in _deals(store)] == [("lost", reason)], reply.text
    await bot.say(_UNDO[lang])
    assert difference(before, business(engine)) == []


@pytest.mark.parametrize(("lang", "won", "fix", "reason", "said"), [
    ("en", "Harrow Dental signed the 9k order", "no, lost not won - they chose another vendor, cheaper", "price",
     "lost reason: price"),
    ("ru", "Ростверк подписали договор на 300 тыс", "нет, проиграли, а не выиграли: ушли к конкуренту", "competitor",
     "причина проигрыша: ушли к конкуренту"),
    ("zh", "华鼎建材签了合同，金额8万", "不对，是丢单不是成交，客户在别家买了", "competitor", "丢单原因：选了竞争对手"),
])
async def test_lost_not_won_records_the_reason_and_undo_restores_it(bot, store, engine, lang, won, fix, reason, said):
    assert (await bot.say(won)).wrote
    assert [s for s, _, _ in _deals(store)] == ["won"]
    before = business(engine)
    reply = await bot.say(fix)
    assert [(s, r) for s, _, r in _deals(store)] == [("lost", reason)], reply.text
    assert said in reply.text
    await bot.say(_UNDO[lang])
    assert difference(before, business(engine)) == []


async def test_a_rival_that_lost_beside_our_win_leaves_the_win(bot, store):
    await bot.say("Northwell Labs signed the PO for 14k. Biomedix lost, ha")
    assert [s for s, _, _ in _deals(store)] == ["won"]


async def test_a_contact_losing_interest_is_still_lost(bot, store):
    await bot.say("Kestrel Tooling - Dr Harper lost interest, too expensive")
    assert [(s, r) for s, _, r in _deals(store)] == [("lost", "price")]
