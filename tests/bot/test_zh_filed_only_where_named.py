"""A Chinese note lands only on the customer it names, in the console chat: a trade word alone
("精工", "科技") at the end of another company's name is not a known customer whose name begins
with it; a foreign name with its small words ("Van der Linden") is the customer created from the
full name, not a cut one; someone else's news (another team's deal, a former colleague who moved
to a company) writes nothing, whatever it holds. Each note after a note on another customer."""
from __future__ import annotations

from sqlalchemy import select

from storage.models import Customer, Deal, Note


def _notes_of(store, name: str) -> int:
    return store(Note, Note.customer_id == select(Customer.id).where(Customer.name == name).scalar_subquery(),
                 Note.undone_at.is_(None))


async def test_a_trade_word_ending_another_name_is_not_the_known_one(bot, store):
    store.add_customers("精工达", "云栖科技")
    await bot.say("云栖科技报价发了 12万")
    reply = await bot.say("宁波海和精工的采购经理打电话来 要报价 大概20万")
    assert _notes_of(store, "精工达") == 0 and _notes_of(store, "云栖科技") == 1
    assert reply.wrote and store(Customer, Customer.name == "宁波海和精工") == 1


async def test_a_foreign_name_with_its_small_words_is_one_customer(bot, store):
    await bot.say("昨天在展会上认识了荷兰Van der Linden Trading B.V.的采购总监Pieter de Boer")
    assert store(Customer, Customer.name == "Van der Linden Trading B.V.") == 1
    await bot.say("云栖科技的王总电话说下周签")
    reply = await bot.say("Van der Linden太仓仓库拜访完了 确认需求 3月前出方案")
    assert reply.wrote and _notes_of(store, "Van der Linden Trading B.V.") == 2
    assert store(Customer, Customer.name.like("Linden%")) == 0


async def test_someone_elses_news_writes_nothing(bot, store):
    store.add_customers("云栖科技")
    await bot.say("云栖科技报价发了 12万")
    gossip = await bot.say("中午跟隔壁组吃饭 听说他们签了一家叫‘蓝海冷链’的大单 50万 羡慕")
    colleague = await bot.say("地铁上碰到前同事 他跳到了‘东方重工’当采购总监 约了年后喝茶")
    assert not gossip.wrote and not colleague.wrote
    assert store(Customer) == 1 and store(Note) == 1 and store(Deal) == 1


async def test_a_lead_a_former_colleague_passed_on_is_still_a_note(bot, store):
    reply = await bot.say("前同事介绍了一家客户 叫蓝天物流 明天去拜访")
    assert reply.wrote and store(Customer, Customer.name == "蓝天物流") == 1
