"""What a reply to "which customer?" means: "yes" picks the only choice offered (with several, the
question is asked again), "new customer" picks the new name offered, and a reply that is a
sentence of its own (a correction, a command, a note) lets the question lapse and is handled as
itself — never a new customer named "yes" or "he is actually the chairman". Three languages."""
from __future__ import annotations

from sqlalchemy import select

from storage.models import ChatState, Contact, Customer, Deal, Note


def _names(store) -> set[str]:
    return {c.name for c in store.rows(select(Customer))}


def _pending(store) -> bool:
    return any(state.pending for state in store.rows(select(ChatState)))


async def test_yes_picks_the_only_new_name_offered_and_undo_takes_it_back(bot, store):
    asked = await bot.say("lost pinecrest tooling, went w a cheaper vendor, 30k")
    assert not asked.wrote and "pinecrest tooling" in asked
    done = await bot.say("yep")
    assert done.wrote and "pinecrest tooling" in done.text
    assert _names(store) == {"pinecrest tooling"}
    [deal] = store.rows(select(Deal))
    assert deal.amount_minor == 3_000_000
    undone = await bot.say("undo")
    assert "pinecrest tooling" in undone.text and store(Customer) == 0 and store(Note, Note.undone_at.is_(None)) == 0


async def test_new_customer_without_a_name_picks_the_name_offered(bot, store, clock):
    await bot.say("Visited Globex, met Maria, sent the quote for 42k")
    asked = await bot.say("Globex Foods wants a demo next week")
    assert not asked.wrote and "new customer Globex Foods" in asked
    again = await bot.say("ok")                     # two choices: "ok" picks neither
    assert not again.wrote and "Globex Foods" in again and _pending(store)
    done = await bot.say("yes, new customer")
    assert done.wrote and _names(store) == {"Globex", "Globex Foods"}


async def test_a_sentence_is_no_name_the_question_lapses_and_nothing_is_named_after_it(bot, store):
    asked = await bot.say("lost kestrel tooling, went w a cheaper vendor, their ceo bruce said maybe next yr")
    assert not asked.wrote
    reply = await bot.say("sorry he is actually the chairman")
    assert not reply.wrote and "not recorded" in reply.text
    assert store(Customer) == 0 and not _pending(store)


async def test_a_correction_of_the_held_note_keeps_it_held_and_names_nothing(bot, store):
    await bot.say("lost kestrel tooling, went w a cheaper vendor, their ceo bruce said maybe next yr")
    reply = await bot.say("change bruce's title to chairman")       # about the held note: asked again
    assert not reply.wrote and "nothing to correct" in reply.text and reply.choices
    assert store(Customer) == 0 and store(Contact) == 0 and _pending(store)
    reply = await bot.say("cancel")
    assert not reply.wrote and not _pending(store) and store(Customer) == 0


async def test_a_note_sent_instead_of_an_answer_is_recorded_as_itself(bot, store):
    store.add_customers("Initech")
    await bot.say("lost kestrel tooling, went w a cheaper vendor")
    reply = await bot.say("called Initech, they want 12 seats")
    assert reply.wrote and "Initech" in reply.text and "not recorded" in reply.text
    assert _names(store) == {"Initech"}


async def test_da_and_shi_de_pick_the_only_choice_in_russian_and_chinese(bot, store):
    asked = await bot.say("Уралхим, встретился с Петровым, КП на 300 тыс")
    assert not asked.wrote
    done = await bot.say("да")
    assert done.wrote and _names(store) == {"Уралхим"}
    asked = await bot.say("腾讯 拜访 张总，报价五万")
    assert not asked.wrote
    again = await bot.say("对")         # the last note's customer and the new name: "yes" picks neither
    assert not again.wrote and "腾讯" in again and _pending(store)
    done = await bot.say("是的，新客户")
    assert done.wrote and _names(store) == {"Уралхим", "腾讯"}
    assert store(Customer) == 2


async def test_new_customer_in_russian_and_chinese_and_a_sentence_lapses(bot, store):
    store.add_customers("Ромашка")
    await bot.say("Был у Ромашки, встретился с Козловым")
    asked = await bot.say("Ромашка-Агро просит КП на 200 тыс")
    assert not asked.wrote
    done = await bot.say("новый клиент")
    assert done.wrote and "Ромашка-Агро" in _names(store)
    asked = await bot.say("阿里巴巴 拜访 陈总")
    assert not asked.wrote
    await bot.say("他其实是总经理")                    # a correction of the held note: still held, asked again
    assert _names(store) == {"Ромашка", "Ромашка-Агро"} and _pending(store)
    await bot.say("取消")
    asked = await bot.say("Лукойл, встретился с Петровым")
    assert not asked.wrote
    reply = await bot.say("он не инженер а технический директор")
    assert not reply.wrote and _names(store) == {"Ромашка", "Ромашка-Агро"} and _pending(store)
